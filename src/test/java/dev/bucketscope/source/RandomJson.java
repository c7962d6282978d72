package dev.bucketscope.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random JSON values as plain Java objects, and two renderings of them, for property tests. */
final class RandomJson {
    private RandomJson() {}

    private static final String[] CHARS = {"a", "Z", "/", "~", "\"", "\\", "\n", "\t", "\u0001",
            "\u00e9", "\uD83D\uDE00", " ", "*", "s3:", "\u2028", "\uD800"};
    private static final String[] NUMBERS = {"0", "-0", "12", "-3.25", "1e5", "2E-7", "6.02e+23",
            "123456789012345678901234567890"};

    /** Numbers are kept as {@code Num} so that their text round-trips exactly. */
    record Num(String text) {}

    static Object tree(Random r, int depth) {
        int pick = r.nextInt(depth > 5 ? 5 : 7);
        switch (pick) {
            case 0: return null;
            case 1: return r.nextBoolean();
            case 2: return new Num(NUMBERS[r.nextInt(NUMBERS.length)]);
            case 3: case 4: return string(r);
            case 5: {
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) list.add(tree(r, depth + 1));
                return list;
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = r.nextInt(4); i > 0; i--) map.put(string(r), tree(r, depth + 1));
                return map;
            }
        }
    }

    private static String string(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(6); i > 0; i--) sb.append(CHARS[r.nextInt(CHARS.length)]);
        return sb.toString();
    }

    /** Pretty text uses random indentation, tabs and all three line breaks; minified uses none. */
    static String render(Object v, Random r, boolean pretty) {
        StringBuilder sb = new StringBuilder();
        render(v, r, pretty, 0, sb);
        return sb.toString();
    }

    private static void render(Object v, Random r, boolean pretty, int indent, StringBuilder sb) {
        if (v instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) sb.append(',');
                first = false;
                space(r, pretty, indent + 1, sb);
                sb.append(quote((String) e.getKey(), pretty ? r : null));
                if (pretty) sb.append(r.nextBoolean() ? " " : "\t");
                sb.append(':');
                if (pretty) sb.append(' ');
                render(e.getValue(), r, pretty, indent + 1, sb);
            }
            space(r, pretty, indent, sb);
            sb.append('}');
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) sb.append(',');
                space(r, pretty, indent + 1, sb);
                render(list.get(i), r, pretty, indent + 1, sb);
            }
            space(r, pretty, indent, sb);
            sb.append(']');
        } else if (v instanceof String s) {
            sb.append(quote(s, pretty ? r : null));
        } else if (v instanceof Num n) {
            sb.append(n.text());
        } else {
            sb.append(v);
        }
    }

    private static void space(Random r, boolean pretty, int indent, StringBuilder sb) {
        if (!pretty) return;
        String[] breaks = {"\n", "\r\n", "\r"};
        sb.append(breaks[r.nextInt(3)]).append("  ".repeat(indent));
    }

    /** A JSON string literal; with a random source, some characters are written as escapes. */
    static String quote(String s, Random r) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20 || c == '\u2028' || Character.isSurrogate(c) && r == null
                    || (r != null && r.nextInt(8) == 0)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** The tree's expected canonical rendering (see JsonReaderPropertiesTest#canonical). */
    static String canonical(Object v) {
        if (v instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            map.forEach((k, val) -> sb.append(quote((String) k, null)).append(':')
                    .append(canonical(val)).append(','));
            return sb.append('}').toString();
        }
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            list.forEach(item -> sb.append(canonical(item)).append(','));
            return sb.append(']').toString();
        }
        if (v instanceof String s) return quote(s, null);
        if (v instanceof Num n) return n.text();
        return String.valueOf(v);
    }
}
