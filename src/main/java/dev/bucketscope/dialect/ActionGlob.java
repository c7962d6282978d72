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
        // Action names are ASCII, where each char is its UTF-8 byte: they are matched as they are.
        // Anything else is matched on its UTF-8 bytes, each carried by one ISO-8859-1 char.
        if (ascii(pattern) && ascii(text)) {
            return matchesBytes(pattern, text, ignoreAsciiCase);
        }
        return matchesBytes(asBytes(pattern), asBytes(text), ignoreAsciiCase);
    }

    /**
     * The match on strings whose chars each stand for one byte. Greedy with one backtrack point:
     * enough for '*' and '?' (the classic linear-space algorithm).
     */
    private static boolean matchesBytes(String p, String t, boolean ignoreAsciiCase) {
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

    /** The UTF-8 bytes of {@code s}, one char per byte. */
    private static String asBytes(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
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
}
