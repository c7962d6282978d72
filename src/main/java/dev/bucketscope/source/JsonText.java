package dev.bucketscope.source;

/** Writing JSON string literals (RFC 8259 escaping): the one place every JSON writer quotes text. */
public final class JsonText {
    private JsonText() {}

    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(s, sb);
        return sb.toString();
    }

    /**
     * Appends {@code s} as a JSON string: quotes and backslashes escaped, control characters as
     * short escapes or {@code \\uXXXX}, and U+2028/U+2029 escaped too so that the output is also
     * safe where JavaScript reads it.
     */
    public static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
