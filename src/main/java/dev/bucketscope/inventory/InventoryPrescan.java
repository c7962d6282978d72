package dev.bucketscope.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a plainly written inventory says of its dialect and of its components' policy files, read
 * from its lines before it is parsed, so that a run can start linting policies while the YAML is
 * still being parsed and checked (on a large inventory, the longer of the two). Only a guess:
 * whoever uses it must compare it with the inventory as read, and anything unusual (flow style,
 * anchors, tags, escapes, block scalars) makes it give up rather than guess.
 *
 * @param dialect  the {@code server.dialect} value; empty when the inventory names none
 * @param policies the {@code policy} values of the components, as written
 */
public record InventoryPrescan(Optional<String> dialect, List<String> policies) {
    public InventoryPrescan {
        policies = List.copyOf(policies);
    }

    /** The prescan of an inventory's text, or empty when the text is not plain enough to read this way. */
    public static Optional<InventoryPrescan> of(String text) {
        String[] lines = text.split("\n", -1);
        Scan scan = new Scan();
        // Each line in a method C1 compiles: a loop run once stays in the interpreter for all of a
        // large inventory's 12,000 lines (C1 compiles a loop in place only after 30,000 turns with
        // the launcher's flags), and the policy phase waits for this.
        for (String raw : lines) if (!scan.line(raw)) return Optional.empty();
        if (!scan.sawServer && text.contains("server")) return Optional.empty(); // named some other way than we read
        return Optional.of(new InventoryPrescan(scan.dialect, scan.policies));
    }

    /** What the lines read so far tell. */
    private static final class Scan {
        Optional<String> dialect = Optional.empty();
        boolean sawServer;
        int serverIndent = -1; // indentation of the server block's keys, once known
        boolean inServer;
        final List<String> policies = new ArrayList<>();

        /** Reads one line; false when the inventory is not written plainly enough to read this way. */
        boolean line(String raw) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isBlank() || line.stripLeading().startsWith("#")) return true;
            if (line.startsWith("---") && !line.startsWith("----") || line.startsWith("%") || line.startsWith("\t")) return false;
            boolean topLevel = !line.startsWith(" ");
            if (topLevel) {
                inServer = false;
                Key key = Key.of(line);
                if (key == null) return false; // a top-level line that is not "key:" (flow style, a list, …)
                if (key.name().equals("server")) {
                    Optional<String> value = scalar(key.rest());
                    if (sawServer || value.isEmpty() || !value.get().isEmpty()) return false;
                    sawServer = true;
                    inServer = true;
                }
                return true;
            }
            Key key = inServer ? Key.of(line) : null;
            if (key != null) {
                if (serverIndent < 0) serverIndent = key.indent();
                if (key.indent() == serverIndent && key.name().equals("dialect")) {
                    Optional<String> v = scalar(key.rest());
                    if (v.isEmpty() || v.get().isEmpty() || dialect.isPresent()) return false;
                    dialect = v;
                }
            }
            if (!line.contains("policy:")) return true;
            String rest = policyValue(line);
            if (rest == null) return true;
            Optional<String> v = scalar(rest);
            if (v.isPresent() && !v.get().isEmpty()) policies.add(v.get());
            return true;
        }
    }

    /**
     * A line {@code <indent>key:rest}, the key a plain name: the regex
     * {@code ^( *)([A-Za-z_][A-Za-z0-9_-]*):(.*)$} (which a test holds this to), read by hand
     * because the prescan reads 12,000 lines of a large inventory while the policy phase waits.
     */
    record Key(int indent, String name, String rest) {
        static Key of(String line) {
            int i = 0;
            while (i < line.length() && line.charAt(i) == ' ') i++;
            int start = i;
            if (i >= line.length() || !(letter(line.charAt(i)) || line.charAt(i) == '_')) return null;
            i++;
            while (i < line.length() && nameChar(line.charAt(i))) i++;
            if (i >= line.length() || line.charAt(i) != ':' || !singleLine(line, i + 1)) return null;
            return new Key(start, line.substring(start, i), line.substring(i + 1));
        }

        private static boolean letter(char c) {
            return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
        }

        private static boolean nameChar(char c) {
            return letter(c) || c >= '0' && c <= '9' || c == '_' || c == '-';
        }
    }

    /**
     * What follows {@code policy:} on a line {@code <spaces>[- <spaces>]policy:rest}, or null: the
     * regex {@code ^ *(?:- +)?policy:(.*)$}, by hand (see {@link Key}).
     */
    static String policyValue(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        if (i < line.length() && line.charAt(i) == '-') {
            int dash = i++;
            while (i < line.length() && line.charAt(i) == ' ') i++;
            if (i == dash + 1) return null; // "-" must be followed by a space
        }
        if (!line.startsWith("policy:", i) || !singleLine(line, i + 7)) return null;
        return line.substring(i + 7);
    }

    /** Whether the text from {@code from} on has no line terminator, which the regexes' '.' would not match. */
    private static boolean singleLine(String line, int from) {
        return !SimplePattern.hasLineTerminator(line, from);
    }

    /** A plain or simply quoted scalar after "key:", without a trailing comment; empty when not that simple. */
    static Optional<String> scalar(String afterColon) {
        if (!afterColon.isEmpty() && !afterColon.startsWith(" ")) return Optional.empty();
        String v = afterColon.strip();
        if (v.startsWith("\"") || v.startsWith("'")) {
            char q = v.charAt(0);
            int end = v.indexOf(q, 1);
            if (end < 0 || v.indexOf('\\') >= 0) return Optional.empty();
            String rest = v.substring(end + 1).strip();
            if (!rest.isEmpty() && !rest.startsWith("#")) return Optional.empty();
            String inner = v.substring(1, end);
            return q == '\'' && inner.contains("''") ? Optional.empty() : Optional.of(inner);
        }
        int comment = v.indexOf(" #");
        if (comment >= 0) v = v.substring(0, comment).strip();
        if (v.startsWith("#")) v = "";
        if (!v.isEmpty() && "&*!|>{[%@`,?-".indexOf(v.charAt(0)) >= 0) return Optional.empty();
        return Optional.of(v);
    }
}
