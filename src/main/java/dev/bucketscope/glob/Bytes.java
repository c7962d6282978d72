package dev.bucketscope.glob;

import java.nio.charset.StandardCharsets;

/** UTF-8 encoding and ASCII case folding shared by the matcher and the algebra. */
final class Bytes {
    private Bytes() {}

    /** The UTF-8 encoding of U+FFFD, used for unpaired surrogates (as Go's JSON decoder does). */
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    /**
     * Encodes {@code s} as UTF-8, folding ASCII upper case to lower case when asked. Unpaired
     * surrogates become U+FFFD rather than the JDK's {@code '?'}: a {@code '?'} byte in a pattern
     * would silently turn into a wildcard.
     */
    static byte[] utf8(String s, boolean foldCase) {
        byte[] ascii = asciiOrNull(s);
        if (ascii != null) {
            if (foldCase) {
                for (int i = 0; i < ascii.length; i++) ascii[i] = (byte) foldAscii(ascii[i]);
            }
            return ascii;
        }
        return encode(s, foldCase);
    }

    /** {@link #utf8} a char at a time: any string. */
    static byte[] encode(String s, boolean foldCase) {
        byte[] out = new byte[s.length() * 3];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[n++] = (byte) (foldCase ? foldAscii(c) : c);
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | (c >> 6));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                // Two chars become four bytes, within the three-per-char allowance.
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[n++] = (byte) (0xF0 | (cp >> 18));
                out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[n++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                System.arraycopy(REPLACEMENT, 0, out, n, 3);
                n += 3;
            } else {
                out[n++] = (byte) (0xE0 | (c >> 12));
                out[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /**
     * The bytes of an all-ASCII string (its UTF-8 and its Latin-1 alike), else null. The JDK's
     * encoder copies such a string's bytes at once, where the loop above goes a char at a time
     * (every Resource value and bucket name is compiled through here). Only an unpaired surrogate
     * also gives one byte, the JDK's '?', so a '?' is taken only where the string has one.
     */
    private static byte[] asciiOrNull(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length != s.length()) return null; // some char took two bytes or more
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '?' && s.charAt(i) != '?') return null;
        }
        return b;
    }

    /** Decodes bytes the algebra assembled; they are valid UTF-8 by construction. */
    static String string(byte[] bytes, int length) {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    static String foldAscii(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) foldAscii(chars[i]);
        }
        return new String(chars);
    }

    static int foldAscii(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
