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
