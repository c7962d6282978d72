package dev.bucketscope.policy;

import dev.bucketscope.dialect.ActionCheck;
import dev.bucketscope.dialect.ActionFamily;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.dialect.DialectKind;
import dev.bucketscope.dialect.Quirk;
import dev.bucketscope.policy.Violation.Category;
import dev.bucketscope.source.Node;
import dev.bucketscope.source.Span;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a dialect's server accepts a policy and reads it as written. This is the one
 * place that knows the grammar (section c of the semantics reference); the acceptance rules and
 * {@code simulate} both use it, so they can never disagree.
 */
public final class PolicyValidator {
    private static final String S3_ARN = "arn:aws:s3:::";
    private static final Set<String> SINGLE_VALUE_OPERATOR_PREFIXES = Set.of("Numeric", "Date", "Bool");

    private final Dialect dialect;
    private final List<Violation> out = new ArrayList<>();

    private PolicyValidator(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Every violation in document order. A policy is accepted when none is {@code rejected}. */
    public static List<Violation> validate(Node root, Dialect dialect) {
        PolicyValidator v = new PolicyValidator(dialect);
        v.document(root);
        return List.copyOf(v.out);
    }

    private String server() {
        return dialect.displayName();
    }

    private void add(Category c, boolean rejected, String message, Node at) {
        out.add(new Violation(c, rejected, message, at.span(), at.pointer()));
    }

    private void add(Category c, boolean rejected, String message, Span span, String pointer) {
        out.add(new Violation(c, rejected, message, span, pointer));
    }

    private void document(Node root) {
        if (!(root instanceof Node.ObjectNode obj)) {
            add(Category.STRUCTURE, true, "a policy must be a JSON object, not " + article(root.typeName()), root);
            return;
        }
        boolean bucketPolicy = hasPrincipal(obj);
        unknownKeys(obj, true);
        version(obj);
        Optional<Node.Member> stmts = PolicyReader.member(obj, PolicyElement.STATEMENT, dialect);
        if (stmts.isEmpty()) {
            boolean required = dialect.has(Quirk.STATEMENT_KEY_REQUIRED) || dialect.kind() == DialectKind.AWS;
            add(Category.STRUCTURE, true, required
                    ? "the policy has no Statement; " + server() + " requires one"
                    : "the policy has no Statement; " + server() + " refuses to store a policy without statements", obj);
            return;
        }
        Node s = stmts.get().value();
        if (s instanceof Node.ArrayNode arr) {
            if (arr.items().isEmpty() && dialect.kind() == DialectKind.RUSTFS) {
                add(Category.STRUCTURE, true, "Statement is empty; " + server() + " refuses to store a policy without statements", arr);
            }
            for (Node item : arr.items()) statement(item, bucketPolicy);
        } else if (s instanceof Node.ObjectNode o && dialect.kind() == DialectKind.AWS) {
            statement(o, bucketPolicy);
        } else {
            add(Category.STRUCTURE, true, "Statement must be an array of statements, not " + article(s.typeName()), s);
        }
    }

    private boolean hasPrincipal(Node.ObjectNode obj) {
        Optional<Node> s = PolicyReader.element(obj, PolicyElement.STATEMENT, dialect);
        if (s.isPresent() && s.get() instanceof Node.ArrayNode arr) {
            for (Node item : arr.items()) {
                if (item instanceof Node.ObjectNode st && PolicyReader.member(st, PolicyElement.PRINCIPAL, dialect).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    private void version(Node.ObjectNode obj) {
        Optional<Node.Member> m = PolicyReader.member(obj, PolicyElement.VERSION, dialect);
        if (m.isEmpty()) {
            switch (dialect.kind()) {
                case RUSTFS -> add(Category.STRUCTURE, true,
                        "Version is missing; " + server() + " requires \"Version\": \"2012-10-17\"", obj);
                case AWS -> add(Category.STRUCTURE, false,
                        "Version is missing, so AWS reads the policy as 2008-10-17, where policy variables are plain text", obj);
                default -> { }
            }
            return;
        }
        Node v = m.get().value();
        if (!(v instanceof Node.StringNode s)) {
            add(Category.STRUCTURE, true, "Version must be the string \"2012-10-17\", not " + article(v.typeName()), v);
            return;
        }
        String text = s.value();
        if (text.equals("2012-10-17")) return;
        if (text.equals("2008-10-17") && !dialect.has(Quirk.VERSION_2008_REJECTED)) return;
        if (text.isEmpty() && dialect.kind() == DialectKind.MINIO) return;
        add(Category.STRUCTURE, true, "Version '" + text + "' is not accepted by " + server() + "; use \"2012-10-17\"", v);
    }

    private void unknownKeys(Node.ObjectNode obj, boolean topLevel) {
        List<Node.Member> members = obj.members();
        for (int i = 0; i < members.size(); i++) {
            Node.Member m = members.get(i);
            if (elementFor(m.key(), topLevel).isPresent()) continue;
            Optional<PolicyElement> meant = PolicyElement.ignoringCase(m.key(), topLevel)
                    .or(() -> topLevel && m.key().equalsIgnoreCase("id") ? Optional.of(PolicyElement.ID) : Optional.empty());
            String what = meant.isPresent() && !meant.get().spelling().equals(m.key())
                    ? "'" + m.key() + "' is not an element (element names are case-sensitive; did you mean '"
                            + idSpelling(meant.get()) + "'?)"
                    : "'" + m.key() + "' is not " + (topLevel ? "a policy" : "a statement") + " element";
            Span span = m.keySpan();
            String pointer = m.value().pointer();
            if (dialect.has(Quirk.UNKNOWN_ELEMENTS_IGNORED)) {
                add(Category.STRUCTURE, false, what + "; " + server() + " silently ignores it"
                        + (meant.isPresent() && !topLevel ? ", so the statement is read without it" : ""), span, pointer);
            } else {
                add(Category.STRUCTURE, true, what + "; " + server() + " rejects the policy", span, pointer);
            }
        }
    }

    private String idSpelling(PolicyElement e) {
        if (e == PolicyElement.ID || e == PolicyElement.ID_AWS) return dialect.kind() == DialectKind.AWS ? "Id" : "ID";
        return e.spelling();
    }

    /** The element a key names in this dialect, if it names one (respecting case rules). */
    private Optional<PolicyElement> elementFor(String key, boolean topLevel) {
        Optional<PolicyElement> e = dialect.has(Quirk.ELEMENT_NAMES_CASE_INSENSITIVE)
                ? PolicyElement.ignoringCase(key, topLevel) : PolicyElement.exact(key, topLevel);
        if (e.isEmpty()) return e;
        PolicyElement el = e.get();
        // The IAM policy's id key: "ID" on RustFS and MinIO, "Id" on AWS.
        if (el == PolicyElement.ID_AWS && dialect.kind() != DialectKind.AWS
                && !dialect.has(Quirk.ELEMENT_NAMES_CASE_INSENSITIVE)) return Optional.empty();
        if (el == PolicyElement.ID && dialect.kind() == DialectKind.AWS) return Optional.empty();
        if (el == PolicyElement.NOT_PRINCIPAL && dialect.kind() != DialectKind.AWS) return Optional.empty();
        return e;
    }

    private void statement(Node node, boolean bucketPolicy) {
        if (!(node instanceof Node.ObjectNode st)) {
            add(Category.STRUCTURE, true, "a statement must be an object, not " + article(node.typeName()), node);
            return;
        }
        unknownKeys(st, false);
        Node.Member[] el = PolicyReader.statementMembers(st, dialect); // each element's member, found in one pass
        effect(st, el, bucketPolicy);
        Set<ActionFamily> families = actions(st, el);
        resources(st, el, families, bucketPolicy);
        conditions(st);
    }

    private void effect(Node.ObjectNode st, Node.Member[] el, boolean bucketPolicy) {
        Optional<Node.Member> m = Optional.ofNullable(el[PolicyElement.EFFECT.ordinal()]);
        if (m.isEmpty()) {
            if (bucketPolicy && dialect.kind() != DialectKind.AWS) {
                add(Category.STRUCTURE, false, "Effect is missing; " + server() + " reads a bucket-policy statement without Effect as Allow", st);
            } else {
                add(Category.STRUCTURE, true, "Effect is missing; every statement needs \"Effect\": \"Allow\" or \"Deny\"", st);
            }
            return;
        }
        Node v = m.get().value();
        if (v instanceof Node.StringNode s && (s.value().equals("Allow") || s.value().equals("Deny"))) return;
        String shown = v instanceof Node.StringNode s ? "'" + s.value() + "'" : article(v.typeName());
        add(Category.STRUCTURE, true, "Effect " + shown + " is not \"Allow\" or \"Deny\" (exact case)", v);
    }

    /** Checks Action/NotAction and returns the action families the statement uses. */
    private Set<ActionFamily> actions(Node.ObjectNode st, Node.Member[] el) {
        Optional<Node.Member> action = Optional.ofNullable(el[PolicyElement.ACTION.ordinal()]);
        Optional<Node.Member> notAction = Optional.ofNullable(el[PolicyElement.NOT_ACTION.ordinal()]);
        Set<ActionFamily> families = EnumSet.noneOf(ActionFamily.class);
        // Not Optional.map with a lambda, here and in resources(): see dev.bucketscope.core.PolicyRule.
        int actionCount = action.isPresent() ? list(action.get().value(), "Action") : 0;
        int notActionCount = notAction.isPresent() ? list(notAction.get().value(), "NotAction") : 0;
        if (action.isEmpty() && notAction.isEmpty()) {
            add(Category.STRUCTURE, true, "the statement has neither Action nor NotAction", st);
        } else if (action.isEmpty() && dialect.has(Quirk.ACTION_KEY_REQUIRED)) {
            add(Category.STRUCTURE, true, "a NotAction-only statement must also carry \"Action\": [] on "
                    + server() + " (Action is a required key before 1.0.0-alpha.84)", notAction.get().value());
        } else if (actionCount > 0 && notActionCount > 0) {
            boolean rejected = dialect.has(Quirk.ACTION_WITH_NOT_ACTION_REJECTED) || dialect.kind() != DialectKind.RUSTFS;
            add(Category.STRUCTURE, rejected, "Action and NotAction in one statement"
                    + (rejected ? " are rejected by " + server() : ": " + server() + " requires both to hold, which is rarely what was meant"),
                    notAction.get().value());
        } else if (actionCount == 0 && notActionCount == 0) {
            add(Category.STRUCTURE, true, "the statement's Action list is empty", action.or(() -> notAction).get().value());
        }
        for (Optional<Node.Member> m : List.of(action, notAction)) {
            if (m.isEmpty()) continue;
            for (Node.StringNode s : stringItems(m.get().value())) {
                // A value without a known prefix ("*", a typo) is read as S3, as the server does.
                families.add(ActionFamily.of(s.value()).orElse(ActionFamily.S3));
                ActionCheck check = dialect.checkAction(s.value());
                switch (check.status()) {
                    case KNOWN, WILDCARD -> { }
                    case UNSUPPORTED_WILDCARD -> add(Category.UNSUPPORTED_WILDCARD, true, check.message(), s);
                    case UNKNOWN -> add(Category.UNKNOWN_ACTION, dialect.kind() != DialectKind.AWS, check.message(), s);
                }
            }
        }
        if (families.size() > 1) {
            boolean rejected = dialect.has(Quirk.MIXED_ACTION_FAMILIES_REJECTED);
            Node at = action.or(() -> notAction).get().value();
            String names = familyNames(families);
            if (rejected) {
                add(Category.MIXED_ACTION_FAMILIES, true, "the statement mixes " + names + " actions; " + server() + " rejects mixed action families", at);
            } else if (dialect.has(Quirk.MIXED_STATEMENT_SKIPS_RESOURCE) && families.contains(ActionFamily.ADMIN)) {
                add(Category.MIXED_ACTION_FAMILIES, false, "the statement mixes " + names + " actions; " + server()
                        + " then ignores its Resource for every action, so the S3 actions apply to all buckets", at);
            } else {
                add(Category.MIXED_ACTION_FAMILIES, false, "the statement mixes " + names + " actions; keep each family in its own statement", at);
            }
        }
        return families;
    }

    private static String familyNames(Set<ActionFamily> families) {
        List<String> names = new ArrayList<>();
        for (ActionFamily f : families) names.add(f.prefix());
        return String.join(" and ", names);
    }

    /** Checks the shape of an Action/Resource-like element and returns how many strings it holds. */
    private int list(Node v, String name) {
        if (v instanceof Node.StringNode s) {
            if (dialect.has(Quirk.SINGLE_STRING_ACTION_RESOURCE_REJECTED)) {
                add(Category.STRUCTURE, true, name + " must be an array on " + server()
                        + " (a single string is accepted only from 1.0.0-alpha.79): write [\"" + s.value() + "\"]", v);
            }
            return 1;
        }
        if (v instanceof Node.ArrayNode a) {
            int n = 0;
            List<Node> items = a.items();
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                if (item instanceof Node.StringNode) {
                    n++;
                } else {
                    add(Category.STRUCTURE, true, name + " values must be strings, not " + article(item.typeName()), item);
                }
            }
            return n;
        }
        add(Category.STRUCTURE, true, name + " must be a string or an array of strings, not " + article(v.typeName()), v);
        return 0;
    }

    private static List<Node.StringNode> stringItems(Node v) {
        List<Node.StringNode> out = new ArrayList<>();
        if (v instanceof Node.StringNode s) out.add(s);
        if (v instanceof Node.ArrayNode a) {
            List<Node> items = a.items();
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                if (item instanceof Node.StringNode s) out.add(s);
            }
        }
        return out;
    }

    private void resources(Node.ObjectNode st, Node.Member[] el, Set<ActionFamily> families, boolean bucketPolicy) {
        Optional<Node.Member> res = Optional.ofNullable(el[PolicyElement.RESOURCE.ordinal()]);
        Optional<Node.Member> notRes = Optional.ofNullable(el[PolicyElement.NOT_RESOURCE.ordinal()]);
        int resCount = res.isPresent() ? list(res.get().value(), "Resource") : 0;
        int notResCount = notRes.isPresent() ? list(notRes.get().value(), "NotResource") : 0;
        boolean nonS3Only = !families.isEmpty() && !families.contains(ActionFamily.S3);
        boolean resourceOptional = nonS3Only && dialect.kind() != DialectKind.AWS
                && !dialect.has(Quirk.ADMIN_STATEMENT_NEEDS_RESOURCE);
        boolean notResourceCounts = bucketPolicy || !dialect.has(Quirk.NOT_RESOURCE_IGNORED);
        if (resCount == 0 && notResCount == 0) {
            if (!resourceOptional) {
                add(Category.STRUCTURE, true, "the statement has no Resource; " + server() + " requires one"
                        + (nonS3Only && dialect.has(Quirk.ADMIN_STATEMENT_NEEDS_RESOURCE)
                        ? " even for admin statements (any S3 ARN; it is ignored)" : ""), res.map(m -> (Node) m.value()).orElse(st));
            }
        } else if (resCount == 0 && notResCount > 0 && !notResourceCounts) {
            add(Category.STRUCTURE, true, "a NotResource-only statement is rejected by " + server()
                    + ": NotResource is not evaluated before 1.0.0-alpha.79 and does not satisfy the Resource requirement", notRes.get().value());
        } else if (resCount > 0 && notResCount > 0) {
            if (dialect.has(Quirk.RESOURCE_WITH_NOT_RESOURCE_REJECTED) || dialect.kind() == DialectKind.AWS) {
                add(Category.STRUCTURE, true, "Resource and NotResource in one statement are rejected by " + server(), notRes.get().value());
            } else if (!notResourceCounts) {
                add(Category.STRUCTURE, false, "NotResource is ignored by " + server() + " in identity policies, so only Resource applies", notRes.get().value());
            }
        }
        for (Optional<Node.Member> m : List.of(res, notRes)) {
            if (m.isEmpty()) continue;
            for (Node.StringNode s : stringItems(m.get().value())) resource(s, families);
        }
    }

    private void resource(Node.StringNode s, Set<ActionFamily> families) {
        String r = s.value();
        if (r.equals("*")) {
            if (!dialect.has(Quirk.BARE_STAR_RESOURCE_ACCEPTED)) {
                add(Category.INVALID_RESOURCE, true, "Resource '*' is rejected by " + server() + "; write \"arn:aws:s3:::*\" (and mind that it means every bucket)", s);
            }
            return;
        }
        if (r.startsWith("arn:aws:kms:::") && families.equals(EnumSet.of(ActionFamily.KMS))) return;
        if (!r.startsWith(S3_ARN)) {
            String why = r.startsWith("arn:") ? "only arn:aws:s3::: ARNs without region or account are accepted"
                    : "a resource must be an ARN of the form arn:aws:s3:::bucket or arn:aws:s3:::bucket/key";
            boolean rejected = dialect.kind() != DialectKind.AWS || !r.startsWith("arn:");
            add(Category.INVALID_RESOURCE, rejected, "Resource '" + r + "' is not valid on " + server() + ": " + why, s);
            return;
        }
        String pattern = r.substring(S3_ARN.length());
        if (pattern.isEmpty()) {
            boolean rejected = !dialect.has(Quirk.EMPTY_ARN_ACCEPTED);
            add(Category.INVALID_RESOURCE, rejected, "Resource '" + r + "' has an empty bucket pattern"
                    + (rejected ? ", which " + server() + " rejects" : "; it matches nothing"), s);
        } else if (pattern.startsWith("/")) {
            add(Category.INVALID_RESOURCE, dialect.kind() == DialectKind.RUSTFS,
                    "Resource '" + r + "' starts with '/' after the ARN prefix; the bucket name comes first", s);
        }
    }

    private void conditions(Node.ObjectNode st) {
        Optional<Node.Member> m = PolicyReader.member(st, PolicyElement.CONDITION, dialect);
        if (m.isEmpty()) return;
        Node block = m.get().value();
        if (!(block instanceof Node.ObjectNode ops)) {
            add(Category.STRUCTURE, true, "Condition must be an object of operators, not " + article(block.typeName()), block);
            return;
        }
        if (ops.members().isEmpty() && dialect.has(Quirk.EMPTY_CONDITION_REJECTED)) {
            add(Category.UNSUPPORTED_CONDITION, true, "an empty Condition is rejected by " + server(), ops);
        }
        for (Node.Member op : ops.members()) {
            String name = op.key();
            if (!dialect.acceptsConditionOperator(name)) {
                add(Category.UNSUPPORTED_CONDITION, true, "condition operator '" + name + "' is not supported by " + server(),
                        op.keySpan(), op.value().pointer());
            } else {
                operatorQuirks(name, op);
            }
            if (!(op.value() instanceof Node.ObjectNode keys)) {
                add(Category.STRUCTURE, true, "condition operator '" + name + "' must hold an object of keys, not "
                        + article(op.value().typeName()), op.value());
                continue;
            }
            for (Node.Member key : keys.members()) {
                conditionKey(key);
                boolean single = SINGLE_VALUE_OPERATOR_PREFIXES.stream().anyMatch(p -> baseOperator(name).startsWith(p));
                if (single && key.value() instanceof Node.ArrayNode arr && arr.items().size() > 1
                        && dialect.kind() == DialectKind.RUSTFS) {
                    add(Category.UNSUPPORTED_CONDITION, true, "'" + name + "' takes one value on " + server()
                            + "; it has " + arr.items().size(), key.value());
                }
            }
        }
    }

    private static String baseOperator(String op) {
        String base = op;
        int colon = base.indexOf(':');
        if (colon >= 0) base = base.substring(colon + 1);
        if (base.endsWith("IfExists")) base = base.substring(0, base.length() - "IfExists".length());
        return base;
    }

    private void operatorQuirks(String name, Node.Member op) {
        String base = baseOperator(name);
        String msg = null;
        if ((base.equals("StringNotEquals") || base.equals("StringNotEqualsIgnoreCase")) && dialect.has(Quirk.STRING_NOT_EQUALS_INVERTED)) {
            msg = "'" + name + "' is inverted on " + server() + ": it behaves exactly like "
                    + base.replace("Not", "") + " (fixed in 1.0.0-alpha.84)";
        } else if (base.startsWith("Date") && dialect.has(Quirk.DATE_OPERANDS_REVERSED)) {
            msg = "'" + name + "' compares its operands the wrong way round on " + server()
                    + " (DateGreaterThan X is true before X; fixed in 1.0.0-rc.3)";
        } else if (name.equals("NumericGreaterThanIfExists") && dialect.has(Quirk.NUMERIC_GREATER_THAN_IF_EXISTS_IS_GTE)) {
            msg = "'NumericGreaterThanIfExists' means >= on " + server() + ", not >";
        } else if (base.equals("BinaryEquals") && dialect.has(Quirk.BINARY_EQUALS_PANICS)) {
            msg = "'BinaryEquals' is accepted but crashes the request at evaluation on " + server() + " (implemented in 1.0.0-alpha.99)";
        }
        if (msg != null) add(Category.UNSUPPORTED_CONDITION, false, msg, op.keySpan(), op.value().pointer());
    }

    private void conditionKey(Node.Member key) {
        String k = key.key();
        Span span = key.keySpan();
        String pointer = key.value().pointer();
        if (!dialect.acceptsConditionKey(k)) {
            String hint = dialect.conditionKeySuggestion(k).map(s -> "; did you mean '" + s + "'?").orElse("");
            add(Category.UNSUPPORTED_CONDITION, dialect.kind() != DialectKind.AWS,
                    "condition key '" + k + "' is not supported by " + server() + hint, span, pointer);
            return;
        }
        String lower = k.toLowerCase(Locale.ROOT);
        String msg = null;
        if ((lower.equals("s3:prefix") || lower.equals("s3:delimiter") || lower.equals("s3:max-keys"))
                && dialect.has(Quirk.PREFIX_CONDITION_KEYS_UNPOPULATED)) {
            msg = "condition key '" + k + "' is never set by " + server() + " (query parameters are read from 1.0.0-beta.1), so this condition never matches a request value";
        } else if ((lower.startsWith("s3:existingobjecttag") || lower.startsWith("s3:requestobjecttag"))
                && dialect.has(Quirk.TAG_CONDITION_KEYS_UNPOPULATED)) {
            msg = "condition key '" + k + "' is never set by " + server() + ", so this condition never matches a request value";
        } else if (lower.equals("aws:sourceip") && dialect.has(Quirk.SOURCE_IP_SOCKET_BROKEN)) {
            msg = "'aws:SourceIp' comes only from client-controlled proxy headers on " + server() + " and is empty otherwise";
        } else if (lower.equals("aws:securetransport") && dialect.has(Quirk.SECURE_TRANSPORT_FALSE_ON_TLS)) {
            msg = "'aws:SecureTransport' is \"false\" on a direct TLS connection to " + server() + "; only X-Forwarded-Proto makes it true";
        }
        if (msg != null) add(Category.UNSUPPORTED_CONDITION, false, msg, span, pointer);
    }

    private static String article(String type) {
        return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
    }
}
