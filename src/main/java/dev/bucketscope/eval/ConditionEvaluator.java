package dev.bucketscope.eval;

import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.dialect.DialectKind;
import dev.bucketscope.dialect.Quirk;
import dev.bucketscope.glob.Glob;
import dev.bucketscope.policy.ConditionClause;
import dev.bucketscope.policy.Effect;
import dev.bucketscope.policy.Value;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a statement's Condition block against request values, with each dialect's known
 * misbehaviours (inverted StringNotEquals, reversed Date operands, {@code >=} for
 * NumericGreaterThanIfExists) so that the answer is the server's, not the documentation's.
 */
final class ConditionEvaluator {
    private final Dialect dialect;

    ConditionEvaluator(Dialect dialect) {
        this.dialect = dialect;
    }

    /** All clauses AND together, except IpAddress/NotIpAddress keys of one operator, which OR. */
    boolean holds(List<ConditionClause> clauses, ConditionContext ctx, Effect effect) {
        Map<String, List<ConditionClause>> ipGroups = new LinkedHashMap<>();
        for (int i = 0; i < clauses.size(); i++) {
            ConditionClause c = clauses.get(i);
            String op = c.operator().text();
            String base = base(op);
            if (base.equals("IpAddress") || base.equals("NotIpAddress")) {
                List<ConditionClause> group = ipGroups.get(op); // no lambda: see core.Parallel's Daemon
                if (group == null) ipGroups.put(op, group = new ArrayList<>());
                group.add(c);
                continue;
            }
            if (base.equals("BinaryEquals") && dialect.has(Quirk.BINARY_EQUALS_PANICS)) {
                // The server crashes the request: it fails whatever the statement's effect.
                return effect == Effect.DENY;
            }
            if (!clause(c, ctx)) return false;
        }
        for (List<ConditionClause> group : ipGroups.values()) {
            boolean any = false;
            for (ConditionClause c : group) any |= clause(c, ctx);
            if (!any) return false;
        }
        return true;
    }

    private static String base(String op) {
        int colon = op.indexOf(':');
        String b = colon >= 0 ? op.substring(colon + 1) : op;
        return b.endsWith("IfExists") ? b.substring(0, b.length() - "IfExists".length()) : b;
    }

    private boolean clause(ConditionClause c, ConditionContext ctx) {
        String op = c.operator().text();
        String qualifier = op.contains(":") ? op.substring(0, op.indexOf(':')) : "";
        boolean ifExists = op.endsWith("IfExists");
        String base = base(op);
        Optional<List<String>> req = ctx.get(c.key().text(), dialect.kind() == DialectKind.AWS);
        boolean absent = req.isEmpty() || req.get().isEmpty();
        List<String> policy = new ArrayList<>(c.values().size());
        for (Value v : c.values()) policy.add(v.text());
        if (base.equals("Null")) {
            boolean wantAbsent = false;
            for (String v : policy) wantAbsent |= v.equalsIgnoreCase("true");
            return wantAbsent == absent;
        }
        if (absent) {
            if (ifExists) return true;
            if (qualifier.equals("ForAllValues")) return true;
            // A negated operator with nothing to compare holds; a positive one does not.
            return base.startsWith("StringNot") || base.equals("NotIpAddress") || base.startsWith("ArnNot");
        }
        List<String> values = req.get();
        boolean negated = base.startsWith("StringNot") || base.startsWith("ArnNot")
                || base.equals("NumericNotEquals") || base.equals("DateNotEquals") || base.equals("NotIpAddress");
        if ((base.equals("StringNotEquals") || base.equals("StringNotEqualsIgnoreCase"))
                && dialect.has(Quirk.STRING_NOT_EQUALS_INVERTED)) {
            negated = false; // negated twice in the server: behaves as the positive operator
        }
        String positive = positiveOf(base);
        boolean result;
        boolean all = qualifier.equals("ForAllValues");
        result = all;
        for (String v : values) {
            if (single(positive, op, v, policy) != all) {
                result = !all;
                break;
            }
        }
        return negated ? !result : result;
    }

    private static String positiveOf(String base) {
        return switch (base) {
            case "StringNotEquals" -> "StringEquals";
            case "StringNotEqualsIgnoreCase" -> "StringEqualsIgnoreCase";
            case "StringNotLike" -> "StringLike";
            case "ArnNotEquals" -> "ArnEquals";
            case "ArnNotLike" -> "ArnLike";
            case "NumericNotEquals" -> "NumericEquals";
            case "DateNotEquals" -> "DateEquals";
            case "NotIpAddress" -> "IpAddress";
            default -> base;
        };
    }

    /** Does one request value satisfy the positive operator against any policy value. */
    private boolean single(String positive, String fullOp, String value, List<String> policy) {
        for (String p : policy) {
            if (test(positive, fullOp, value, p)) return true;
        }
        return false;
    }

    private boolean test(String positive, String fullOp, String v, String p) {
        switch (positive) {
            case "StringEquals", "ArnEquals":
                return v.equals(p);
            case "StringEqualsIgnoreCase":
                return v.toLowerCase(Locale.ROOT).equals(p.toLowerCase(Locale.ROOT));
            case "StringLike", "ArnLike":
                return Glob.of(p).matches(v);
            case "Bool":
                return v.equals(p) || (dialect.kind() == DialectKind.AWS && v.equalsIgnoreCase(p));
            case "NumericEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan",
                 "NumericGreaterThanEquals":
                return numeric(positive, fullOp, v, p);
            case "DateEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals":
                return date(positive, v, p);
            case "IpAddress":
                return ip(v, p);
            default:
                return false;
        }
    }

    private boolean numeric(String op, String fullOp, String v, String p) {
        BigInteger a;
        BigInteger b;
        try {
            a = new BigInteger(v.trim());
            b = new BigInteger(p.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        int c = a.compareTo(b);
        if (fullOp.equals("NumericGreaterThanIfExists") && dialect.has(Quirk.NUMERIC_GREATER_THAN_IF_EXISTS_IS_GTE)) {
            return c >= 0;
        }
        return compare(op.substring("Numeric".length()), c);
    }

    private boolean date(String op, String v, String p) {
        OffsetDateTime request;
        OffsetDateTime limit;
        try {
            request = OffsetDateTime.parse(v);
            limit = OffsetDateTime.parse(p);
        } catch (DateTimeParseException e) {
            return false;
        }
        int c = request.toInstant().compareTo(limit.toInstant());
        if (dialect.has(Quirk.DATE_OPERANDS_REVERSED)) c = -c;
        return compare(op.substring("Date".length()), c);
    }

    private static boolean compare(String relation, int c) {
        return switch (relation) {
            case "Equals" -> c == 0;
            case "LessThan" -> c < 0;
            case "LessThanEquals" -> c <= 0;
            case "GreaterThan" -> c > 0;
            case "GreaterThanEquals" -> c >= 0;
            default -> false;
        };
    }

    private static boolean ip(String value, String cidr) {
        try {
            if (value.isEmpty() || !looksLikeIp(value)) return false;
            String[] parts = cidr.split("/", 2);
            if (!looksLikeIp(parts[0])) return false;
            byte[] net = InetAddress.getByName(parts[0]).getAddress();
            byte[] addr = InetAddress.getByName(value).getAddress();
            if (net.length != addr.length) return false;
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : net.length * 8;
            for (int i = 0; i < net.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((net[i] & mask) != (addr[i] & mask)) return false;
            }
            return true;
        } catch (java.io.IOException | NumberFormatException e) {
            return false;
        }
    }

    /** Literal addresses only: InetAddress.getByName must never turn into a DNS lookup. */
    private static boolean looksLikeIp(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.digit(ch, 16) < 0 && ch != '.' && ch != ':') return false;
        }
        return true;
    }
}
