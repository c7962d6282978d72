package dev.bucketscope.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z_][A-Za-z0-9_-]*):(.*)$");
    private static final Pattern POLICY = Pattern.compile("^ *(?:- +)?policy:(.*)$");

    public InventoryPrescan {
        policies = List.copyOf(policies);
    }

    /** The prescan of an inventory's text, or empty when the text is not plain enough to read this way. */
    public static Optional<InventoryPrescan> of(String text) {
        String[] lines = text.split("\n", -1);
        Optional<String> dialect = Optional.empty();
        boolean sawServer = false;
        int serverIndent = -1; // indentation of the server block's keys, once known
        boolean inServer = false;
        List<String> policies = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            if (line.startsWith("---") && !line.startsWith("----") || line.startsWith("%") || line.startsWith("\t")) return Optional.empty();
            boolean topLevel = !line.startsWith(" ");
            // The patterns only where they can match: a 2,000-component inventory has 12,000
            // lines, and a matcher per line and pattern was most of the prescan, which the policy
            // phase waits for.
            Matcher key = topLevel || inServer ? KEY.matcher(line) : null;
            if (topLevel) {
                inServer = false;
                if (!key.matches()) return Optional.empty(); // a top-level line that is not "key:" (flow style, a list, …)
                if (key.group(2).equals("server")) {
                    if (sawServer || !scalar(key.group(3)).filter(String::isEmpty).isPresent()) return Optional.empty();
                    sawServer = true;
                    inServer = true;
                }
                continue;
            }
            if (inServer && key.matches()) {
                int indent = key.group(1).length();
                if (serverIndent < 0) serverIndent = indent;
                if (indent == serverIndent && key.group(2).equals("dialect")) {
                    Optional<String> v = scalar(key.group(3));
                    if (v.isEmpty() || v.get().isEmpty() || dialect.isPresent()) return Optional.empty();
                    dialect = v;
                }
            }
            if (!line.contains("policy:")) continue;
            Matcher policy = POLICY.matcher(line);
            if (!policy.matches()) continue;
            Optional<String> v = scalar(policy.group(1));
            if (v.isPresent() && !v.get().isEmpty()) policies.add(v.get());
        }
        if (!sawServer && text.contains("server")) return Optional.empty(); // named some other way than we read
        return Optional.of(new InventoryPrescan(dialect, policies));
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
