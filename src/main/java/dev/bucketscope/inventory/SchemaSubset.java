package dev.bucketscope.inventory;

import dev.bucketscope.policy.CanonicalForm;
import dev.bucketscope.source.Node;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Proves that an inventory is valid against {@code schemas/inventory.schema.json}, read as it is,
 * for the keywords that schema uses; anything else it leaves to networknt.
 *
 * <p>Why: networknt's validator and the Jackson mapper it builds are ≈140 ms of cold code, the
 * bulk of what a commit hook pays when its inventory is new or edited, and on a large inventory
 * its check of every component took a core for half a second beside the policies. Most
 * inventories are valid; this answers {@link Verdict#VALID} for them from the schema itself (so
 * the schema stays the one description of the format), and networknt still checks everything
 * else and words every error.
 *
 * <p>Three answers, so that a "valid" is never a guess: {@code VALID} only when every keyword
 * holds as JSON Schema 2020-12 defines it on the JSON networknt would be given (the inventory's
 * {@link CanonicalForm}); {@code INVALID} when one surely fails; {@code UNKNOWN} for a keyword or
 * a value it does not decide exactly: an unknown keyword, a {@code $ref} outside {@code $defs},
 * duplicate keys (the JSON reader keeps the last), a number with a fraction or exponent where
 * integers are asked for, a string with a line break under {@code pattern} (regex dialects
 * disagree on {@code $} there). {@code SchemaSubsetTest} checks on generated and mutated
 * inventories that whenever this answers, networknt agrees.
 */
final class SchemaSubset {
    enum Verdict { VALID, INVALID, UNKNOWN }

    /** Annotations and structure that assert nothing about the instance. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "$comment", "title", "description");

    private final Node.ObjectNode root;
    /** Each schema pattern, compiled once: a {@link SimplePattern} where it is one, else a {@link Pattern}. */
    private final Map<String, Object> patterns = new HashMap<>();

    SchemaSubset(Node.ObjectNode schema) {
        this.root = schema;
    }

    Verdict check(Node instance) {
        // Checked once over the whole tree, not at every schema an object meets.
        if (hasDuplicateKeys(instance)) return Verdict.UNKNOWN;
        return eval(root, instance);
    }

    private Verdict eval(Node schema, Node instance) {
        if (schema instanceof Node.BooleanNode b) return b.value() ? Verdict.VALID : Verdict.INVALID;
        if (!(schema instanceof Node.ObjectNode s)) return Verdict.UNKNOWN;
        Verdict all = Verdict.VALID;
        for (Node.Member m : s.members()) {
            Verdict v = keyword(s, m.key(), m.value(), instance);
            if (v == Verdict.INVALID) return Verdict.INVALID;
            if (v == Verdict.UNKNOWN) all = Verdict.UNKNOWN;
        }
        return all;
    }

    private Verdict keyword(Node.ObjectNode schema, String key, Node value, Node instance) {
        if (ANNOTATIONS.contains(key)) return Verdict.VALID;
        switch (key) {
            case "$ref": { // no capturing lambda per instance checked (see dev.bucketscope.core.PolicyRule)
                Optional<Node> target = ref(value);
                return target.isPresent() ? eval(target.get(), instance) : Verdict.UNKNOWN;
            }
            case "type": return type(value, instance);
            case "const": return equal(value, instance);
            case "enum": return enumOf(value, instance);
            case "properties": return properties(value, instance);
            case "additionalProperties": return additional(schema, value, instance);
            case "required": return required(value, instance);
            case "propertyNames": return propertyNames(value, instance);
            case "dependentRequired": return dependentRequired(value, instance);
            case "items": return items(value, instance);
            case "uniqueItems": return unique(value, instance);
            case "pattern": return pattern(value, instance);
            case "minLength": return length(value, instance, true);
            case "maxLength": return length(value, instance, false);
            case "oneOf": return oneOf(value, instance);
            case "anyOf": return anyOf(value, instance);
            default: return Verdict.UNKNOWN;
        }
    }

    private Optional<Node> ref(Node value) {
        if (!(value instanceof Node.StringNode s) || !s.value().startsWith("#/$defs/")) return Optional.empty();
        String name = s.value().substring("#/$defs/".length());
        if (name.contains("/") || name.contains("~")) return Optional.empty();
        Optional<Node> defs = root.get("$defs");
        return defs.isPresent() && defs.get() instanceof Node.ObjectNode o ? o.get(name) : Optional.empty();
    }

    /** The instance's JSON type as networknt sees its canonical form; "number" when it may not be an integer. */
    private static String jsonType(Node n) {
        if (n instanceof Node.ObjectNode) return "object";
        if (n instanceof Node.ArrayNode) return "array";
        if (n instanceof Node.StringNode) return "string";
        if (n instanceof Node.BooleanNode) return "boolean";
        if (n instanceof Node.NullNode) return "null";
        String text = ((Node.NumberNode) n).text();
        if (!CanonicalForm.isJsonNumber(text)) return "string"; // the canonical form quotes it
        return jsonInteger(text) ? "integer" : "number";
    }

    /**
     * A JSON integer's text, {@code -?(0|[1-9][0-9]*)}, checked by hand: as a regex it was a
     * matcher per length keyword and value (schema keywords are checked for every instance).
     */
    static boolean jsonInteger(String text) {
        int i = text.startsWith("-") ? 1 : 0;
        if (i >= text.length()) return false;
        if (text.charAt(i) == '0') return text.length() == i + 1;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** The string an instance is in the canonical form, if it is one. */
    private static Optional<String> string(Node n) {
        if (n instanceof Node.StringNode s) return Optional.of(s.value());
        if (n instanceof Node.NumberNode num && !CanonicalForm.isJsonNumber(num.text())) return Optional.of(num.text());
        return Optional.empty();
    }

    private static Verdict type(Node value, Node instance) {
        if (!(value instanceof Node.StringNode t)) return Verdict.UNKNOWN; // a list of types: not used
        String actual = jsonType(instance);
        switch (t.value()) {
            case "integer":
                if (actual.equals("integer")) return Verdict.VALID;
                return actual.equals("number") ? Verdict.UNKNOWN : Verdict.INVALID; // 1.0 is an integer in 2020-12
            case "number":
                return actual.equals("integer") || actual.equals("number") ? Verdict.VALID : Verdict.INVALID;
            case "object": case "array": case "string": case "boolean": case "null":
                return actual.equals(t.value()) ? Verdict.VALID : Verdict.INVALID;
            default:
                return Verdict.UNKNOWN;
        }
    }

    /** JSON equality for strings, booleans, null and integers; anything else is not decided. */
    private static Verdict equal(Node expected, Node instance) {
        if (expected instanceof Node.StringNode e) {
            Optional<String> s = string(instance);
            return s.isPresent() && s.get().equals(e.value()) ? Verdict.VALID : Verdict.INVALID;
        }
        if (expected instanceof Node.NumberNode e && jsonInteger(e.text())) {
            String type = jsonType(instance);
            if (type.equals("integer")) {
                return new java.math.BigInteger(((Node.NumberNode) instance).text()).equals(new java.math.BigInteger(e.text()))
                        ? Verdict.VALID : Verdict.INVALID;
            }
            return type.equals("number") ? Verdict.UNKNOWN : Verdict.INVALID;
        }
        if (expected instanceof Node.BooleanNode e) {
            return instance instanceof Node.BooleanNode b && b.value() == e.value() ? Verdict.VALID : Verdict.INVALID;
        }
        if (expected instanceof Node.NullNode) return instance instanceof Node.NullNode ? Verdict.VALID : Verdict.INVALID;
        return Verdict.UNKNOWN;
    }

    private static Verdict enumOf(Node value, Node instance) {
        if (!(value instanceof Node.ArrayNode options)) return Verdict.UNKNOWN;
        Verdict result = Verdict.INVALID;
        for (Node option : options.items()) {
            Verdict v = equal(option, instance);
            if (v == Verdict.VALID) return Verdict.VALID;
            if (v == Verdict.UNKNOWN) result = Verdict.UNKNOWN;
        }
        return result;
    }

    private Verdict properties(Node value, Node instance) {
        if (!(value instanceof Node.ObjectNode props)) return Verdict.UNKNOWN;
        if (!(instance instanceof Node.ObjectNode o)) return Verdict.VALID;
        Verdict all = Verdict.VALID;
        for (Node.Member m : o.members()) {
            Optional<Node> sub = props.get(m.key());
            if (sub.isEmpty()) continue;
            all = and(all, eval(sub.get(), m.value()));
            if (all == Verdict.INVALID) return all;
        }
        return all;
    }

    private Verdict additional(Node.ObjectNode schema, Node value, Node instance) {
        if (!(instance instanceof Node.ObjectNode o)) return Verdict.VALID;
        if (schema.get("patternProperties").isPresent()) return Verdict.UNKNOWN;
        Optional<Node> props = schema.get("properties");
        if (props.isPresent() && !(props.get() instanceof Node.ObjectNode)) return Verdict.UNKNOWN;
        Verdict all = Verdict.VALID;
        for (Node.Member m : o.members()) {
            if (props.isPresent() && ((Node.ObjectNode) props.get()).get(m.key()).isPresent()) continue;
            all = and(all, eval(value, m.value()));
            if (all == Verdict.INVALID) return all;
        }
        return all;
    }

    private static Verdict required(Node value, Node instance) {
        if (!(value instanceof Node.ArrayNode names)) return Verdict.UNKNOWN;
        if (!(instance instanceof Node.ObjectNode o)) return Verdict.VALID;
        for (Node n : names.items()) {
            if (!(n instanceof Node.StringNode s)) return Verdict.UNKNOWN;
            if (o.get(s.value()).isEmpty()) return Verdict.INVALID;
        }
        return Verdict.VALID;
    }

    private Verdict propertyNames(Node value, Node instance) {
        if (!(instance instanceof Node.ObjectNode o)) return Verdict.VALID;
        Verdict all = Verdict.VALID;
        for (Node.Member m : o.members()) {
            all = and(all, eval(value, new Node.StringNode(m.keySpan(), o.pointer(), m.key())));
            if (all == Verdict.INVALID) return all;
        }
        return all;
    }

    private static Verdict dependentRequired(Node value, Node instance) {
        if (!(value instanceof Node.ObjectNode deps)) return Verdict.UNKNOWN;
        if (!(instance instanceof Node.ObjectNode o)) return Verdict.VALID;
        for (Node.Member d : deps.members()) {
            if (o.get(d.key()).isEmpty()) continue;
            Verdict v = required(d.value(), instance);
            if (v != Verdict.VALID) return v;
        }
        return Verdict.VALID;
    }

    private Verdict items(Node value, Node instance) {
        if (!(instance instanceof Node.ArrayNode a)) return Verdict.VALID;
        Verdict all = Verdict.VALID;
        for (Node item : a.items()) {
            all = and(all, eval(value, item));
            if (all == Verdict.INVALID) return all;
        }
        return all;
    }

    private static Verdict unique(Node value, Node instance) {
        if (!(value instanceof Node.BooleanNode b)) return Verdict.UNKNOWN;
        if (!b.value() || !(instance instanceof Node.ArrayNode a)) return Verdict.VALID;
        Set<String> seen = new HashSet<>();
        for (Node item : a.items()) {
            Optional<String> s = string(item);
            if (s.isEmpty()) return Verdict.UNKNOWN; // only strings are compared here
            if (!seen.add(s.get())) return Verdict.INVALID;
        }
        return Verdict.VALID;
    }

    private Verdict pattern(Node value, Node instance) {
        if (!(value instanceof Node.StringNode p)) return Verdict.UNKNOWN;
        Optional<String> s = string(instance);
        if (s.isEmpty()) return Verdict.VALID; // pattern asserts only on strings
        String text = s.get();
        if (SimplePattern.hasLineTerminator(text, 0)) return Verdict.UNKNOWN;
        Object compiled = patterns.get(p.value());
        if (compiled == null) {
            SimplePattern simple = SimplePattern.of(p.value());
            compiled = simple != null ? simple : Pattern.compile(p.value());
            patterns.put(p.value(), compiled);
        }
        boolean found = compiled instanceof SimplePattern simple ? simple.matches(text) : ((Pattern) compiled).matcher(text).find();
        return found ? Verdict.VALID : Verdict.INVALID;
    }

    private static Verdict length(Node value, Node instance, boolean min) {
        if (!(value instanceof Node.NumberNode n) || !jsonInteger(n.text())) return Verdict.UNKNOWN;
        Optional<String> s = string(instance);
        if (s.isEmpty()) return Verdict.VALID; // lengths assert only on strings
        long limit = Long.parseLong(n.text());
        long length = s.get().codePointCount(0, s.get().length());
        return (min ? length >= limit : length <= limit) ? Verdict.VALID : Verdict.INVALID;
    }

    private Verdict oneOf(Node value, Node instance) {
        if (!(value instanceof Node.ArrayNode branches)) return Verdict.UNKNOWN;
        int valid = 0;
        boolean unknown = false;
        for (Node b : branches.items()) {
            Verdict v = eval(b, instance);
            if (v == Verdict.VALID) valid++;
            if (v == Verdict.UNKNOWN) unknown = true;
        }
        if (valid > 1) return Verdict.INVALID;
        if (unknown) return Verdict.UNKNOWN;
        return valid == 1 ? Verdict.VALID : Verdict.INVALID;
    }

    private Verdict anyOf(Node value, Node instance) {
        if (!(value instanceof Node.ArrayNode branches)) return Verdict.UNKNOWN;
        boolean unknown = false;
        for (Node b : branches.items()) {
            Verdict v = eval(b, instance);
            if (v == Verdict.VALID) return Verdict.VALID;
            if (v == Verdict.UNKNOWN) unknown = true;
        }
        return unknown ? Verdict.UNKNOWN : Verdict.INVALID;
    }

    private static Verdict and(Verdict a, Verdict b) {
        if (a == Verdict.INVALID || b == Verdict.INVALID) return Verdict.INVALID;
        return a == Verdict.UNKNOWN || b == Verdict.UNKNOWN ? Verdict.UNKNOWN : Verdict.VALID;
    }

    /** Whether some object in the tree has a key twice. */
    private static boolean hasDuplicateKeys(Node n) {
        if (n instanceof Node.ArrayNode a) {
            for (Node item : a.items()) {
                if (hasDuplicateKeys(item)) return true;
            }
        } else if (n instanceof Node.ObjectNode o) {
            Set<String> keys = new HashSet<>();
            for (Node.Member m : o.members()) {
                if (!keys.add(m.key()) || hasDuplicateKeys(m.value())) return true;
            }
        }
        return false;
    }
}
