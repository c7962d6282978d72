package dev.bucketscope.policy;

import dev.bucketscope.source.JsonText;
import dev.bucketscope.source.Node;

/**
 * A position-free rendering of a node: the same for pretty-printed and minified text. Used to
 * drop duplicate statements when policies are merged (as the server does) and to hash content.
 */
public final class CanonicalForm {
    private CanonicalForm() {}

    /**
     * Whether a number's text is written as a JSON number as it is (else the canonical form quotes
     * it): {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, matched by hand. Compiling that
     * regular expression set up the JDK's lambda machinery, which a lint run otherwise never
     * needs (see core.Parallel's Daemon); {@code CanonicalFormTest} holds this to it.
     */
    public static boolean isJsonNumber(String text) {
        int n = text.length();
        int i = 0;
        if (i < n && text.charAt(i) == '-') i++;
        if (i >= n) return false;
        if (text.charAt(i) == '0') {
            i++;
        } else if (isDigit(text.charAt(i))) {
            while (i < n && isDigit(text.charAt(i))) i++;
        } else {
            return false;
        }
        if (i < n && text.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(text.charAt(i))) i++;
            if (i == start) return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) i++;
            int start = i;
            while (i < n && isDigit(text.charAt(i))) i++;
            if (i == start) return false;
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static String of(Node node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb);
        return sb.toString();
    }

    private static void write(Node node, StringBuilder sb) {
        // Java 17: no pattern matching in switch yet, so an instanceof chain over the sealed type.
        if (node instanceof Node.ObjectNode o) {
            sb.append('{');
            for (int i = 0; i < o.members().size(); i++) {
                if (i > 0) sb.append(',');
                JsonText.quote(o.members().get(i).key(), sb);
                sb.append(':');
                write(o.members().get(i).value(), sb);
            }
            sb.append('}');
        } else if (node instanceof Node.ArrayNode a) {
            sb.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) sb.append(',');
                write(a.items().get(i), sb);
            }
            sb.append(']');
        } else if (node instanceof Node.StringNode s) {
            JsonText.quote(s.value(), sb);
        } else if (node instanceof Node.NumberNode n) {
            // YAML numbers ("0x1F", "000123", ".inf") are not all JSON numbers: keep the output valid JSON.
            if (isJsonNumber(n.text())) sb.append(n.text());
            else JsonText.quote(n.text(), sb);
        } else if (node instanceof Node.BooleanNode b) {
            sb.append(b.value());
        } else {
            sb.append("null");
        }
    }
}
