package dev.bucketscope.dialect;

import java.nio.charset.StandardCharsets;

/**
 * The byte-wise wildcard match RustFS and MinIO use for actions: {@code *} matches any run of bytes
 * (including none), {@code ?} exactly one byte; no escapes. Kept private to this package on purpose:
 * resource matching has its own package.
 */
final class ActionGlob {

    private ActionGlob() {
    }

    static boolean matches(String pattern, String text, boolean ignoreAsciiCase) {
        // Action names are ASCII, where chars are the UTF-8 bytes: match them without encoding.
        if (ascii(pattern) && ascii(text)) {
            return matchesAscii(pattern, text, ignoreAsciiCase);
        }
        byte[] p = bytes(pattern, ignoreAsciiCase);
        byte[] t = bytes(text, ignoreAsciiCase);
        int pi = 0;
        int ti = 0;
        int star = -1;
        int resume = 0;
        // Greedy with one backtrack point: enough for '*' and '?' (classic linear-space algorithm).
        while (ti < t.length) {
            if (pi < p.length && (p[pi] == '?' || p[pi] == t[ti]) && p[pi] != '*') {
                pi++;
                ti++;
            } else if (pi < p.length && p[pi] == '*') {
                star = pi++;
                resume = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++resume;
            } else {
                return false;
            }
        }
        while (pi < p.length && p[pi] == '*') {
            pi++;
        }
        return pi == p.length;
    }

    /** {@link #matches} on ASCII strings, char by char: the same algorithm, no copies. */
    private static boolean matchesAscii(String p, String t, boolean ignoreAsciiCase) {
        int pn = p.length();
        int tn = t.length();
        int pi = 0;
        int ti = 0;
        int star = -1;
        int resume = 0;
        while (ti < tn) {
            char pc = pi < pn ? p.charAt(pi) : 0;
            if (pi < pn && pc != '*' && (pc == '?' || same(pc, t.charAt(ti), ignoreAsciiCase))) {
                pi++;
                ti++;
            } else if (pi < pn && pc == '*') {
                star = pi++;
                resume = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++resume;
            } else {
                return false;
            }
        }
        while (pi < pn && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == pn;
    }

    private static boolean same(char a, char b, boolean ignoreAsciiCase) {
        return a == b || ignoreAsciiCase && lower(a) == lower(b);
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    private static byte[] bytes(String s, boolean lower) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (lower) {
            for (int i = 0; i < b.length; i++) {
                if (b[i] >= 'A' && b[i] <= 'Z') {
                    b[i] += 'a' - 'A';
                }
            }
        }
        return b;
    }
}
