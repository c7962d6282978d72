package dev.bucketscope.source;

/**
 * The tag the YAML 1.2 core schema gives a plain scalar, decided by hand as snakeyaml-engine's
 * {@code CoreScalarResolver} decides it with regular expressions: the patterns registered for the
 * scalar's first character, in order, then those for any character (the empty scalar, and null).
 * {@link BlockYamlReader} asks this for every plain scalar, and {@code YamlReader.CoreResolver}
 * (snakeyaml's path) before snakeyaml's patterns. Asking snakeyaml's resolver instead
 * compiled its seven patterns and built its schema, and naming its {@code Tag} class compiled
 * another pattern, on every run that reads an inventory: 19 ms of CPU with 10,000 policies, on
 * the thread a commit hook waits for; none is left (async-profiler, five runs each). The types are
 * this class's own for that reason. {@code PlainScalarTest} holds the answers to snakeyaml's.
 */
final class PlainScalar {
    private PlainScalar() {}

    /** The core schema's scalar tags: {@code tag:yaml.org,2002:str} and the others. */
    enum Type { STR, NULL, BOOL, INT, FLOAT }

    /** The node a scalar of this type becomes, as {@link YamlReader#scalar(String, boolean, org.snakeyaml.engine.v2.nodes.Tag, Span, String)} makes it. */
    static Node node(String v, Type type, Span span, String ptr) {
        return switch (type) {
            case STR -> new Node.StringNode(span, ptr, v);
            case NULL -> new Node.NullNode(span, ptr);
            // Only the six spellings resolve as booleans.
            case BOOL -> new Node.BooleanNode(span, ptr, v.equalsIgnoreCase("true"));
            case INT, FLOAT -> new Node.NumberNode(span, ptr, v);
        };
    }

    /**
     * The scalar's type, or null where this does not decide: a scalar starting with {@code $}
     * (snakeyaml's environment-variable tag) and {@code <<} (the merge key), which the block
     * reader leaves to snakeyaml anyway.
     */
    static Type type(String v) {
        if (v.isEmpty()) return Type.NULL;
        char c = v.charAt(0);
        switch (c) {
            case '$':
                return null;
            case '<':
                return v.equals("<<") ? null : Type.STR;
            case 't': case 'f': case 'T': case 'F':
                return isBool(v) ? Type.BOOL : Type.STR;
            case '-': case '+': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
                return isInt(v) ? Type.INT : isFloat(v) ? Type.FLOAT : Type.STR;
            case '.':
                return isFloat(v) ? Type.FLOAT : Type.STR;
            default:
                // 'n' has the null pattern first; every other character falls to the patterns for
                // any character, where the null pattern is too.
                return isNull(v) ? Type.NULL : Type.STR;
        }
    }

    /** {@code ^(?:true|True|TRUE|false|False|FALSE)$}. */
    private static boolean isBool(String v) {
        return switch (v) {
            case "true", "True", "TRUE", "false", "False", "FALSE" -> true;
            default -> false;
        };
    }

    /** {@code ^(?:~|null|Null|NULL| )$}. */
    private static boolean isNull(String v) {
        return switch (v) {
            case "~", "null", "Null", "NULL", " " -> true;
            default -> false;
        };
    }

    /** {@code ^([-+]?[0-9]+)|(0o[0-7]+)|(0x[0-9a-fA-F]+)$}, matched whole. */
    private static boolean isInt(String v) {
        int n = v.length();
        if (n > 2 && v.charAt(0) == '0' && (v.charAt(1) == 'o' || v.charAt(1) == 'x')) {
            boolean hex = v.charAt(1) == 'x';
            for (int i = 2; i < n; i++) {
                char ch = v.charAt(i);
                boolean ok = hex ? isDigit(ch) || ch >= 'a' && ch <= 'f' || ch >= 'A' && ch <= 'F' : ch >= '0' && ch <= '7';
                if (!ok) return false;
            }
            return true;
        }
        int i = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        if (i == n) return false;
        for (; i < n; i++) if (!isDigit(v.charAt(i))) return false;
        return true;
    }

    /**
     * {@code ^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)|([-+]?\.(?:inf|Inf|INF))|(\.(?:nan|NaN|NAN))$},
     * matched whole (one left-to-right pass: no part of it can end in two places that both lead
     * to a match).
     */
    private static boolean isFloat(String v) {
        switch (v) {
            case ".nan", ".NaN", ".NAN" -> { return true; }
            default -> { }
        }
        int n = v.length();
        int i = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        switch (v.substring(i)) {
            case ".inf", ".Inf", ".INF" -> { return true; }
            default -> { }
        }
        int digits = 0;
        while (i < n && isDigit(v.charAt(i))) { i++; digits++; }
        if (digits == 0) {
            // \.[0-9]+
            if (i >= n || v.charAt(i) != '.') return false;
            i++;
            int fraction = 0;
            while (i < n && isDigit(v.charAt(i))) { i++; fraction++; }
            if (fraction == 0) return false;
        } else if (i < n && v.charAt(i) == '.') {
            // [0-9]+(\.[0-9]*)?
            i++;
            while (i < n && isDigit(v.charAt(i))) i++;
        }
        if (i < n && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
            i++;
            if (i < n && (v.charAt(i) == '-' || v.charAt(i) == '+')) i++;
            int exponent = 0;
            while (i < n && isDigit(v.charAt(i))) { i++; exponent++; }
            if (exponent == 0) return false;
        }
        return i == n;
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }
}
