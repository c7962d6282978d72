package dev.bucketscope.policy;

import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.dialect.DialectKind;
import dev.bucketscope.dialect.Quirk;
import dev.bucketscope.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the {@link Policy} model from a parsed document, reading it the way the dialect does:
 * which keys count as elements (exact case, or any case on MinIO), and last-wins for duplicate
 * keys. It never rejects anything: whatever does not fit the grammar is left out of the model and
 * reported by {@link PolicyValidator}, so that evaluation sees what the server would see.
 */
public final class PolicyReader {
    private PolicyReader() {}

    /** True when the document looks like a policy at all: an object with a Statement member. */
    public static boolean looksLikePolicy(Node root) {
        if (!(root instanceof Node.ObjectNode o)) return false;
        for (Node.Member m : o.members()) if (m.key().equalsIgnoreCase("Statement")) return true;
        return false;
    }

    public static Policy read(String file, Node.ObjectNode root, Dialect dialect) {
        Optional<Value> version = scalar(element(root, PolicyElement.VERSION, dialect));
        List<Statement> statements = new ArrayList<>();
        Optional<Node> stmts = element(root, PolicyElement.STATEMENT, dialect);
        if (stmts.isPresent()) {
            Node s = stmts.get();
            if (s instanceof Node.ArrayNode arr) {
                for (int i = 0; i < arr.items().size(); i++) {
                    if (arr.items().get(i) instanceof Node.ObjectNode o) statements.add(statement(i, o, dialect));
                }
            } else if (s instanceof Node.ObjectNode o && dialect.kind() == DialectKind.AWS) {
                // AWS alone accepts a single statement object in place of the array.
                statements.add(statement(0, o, dialect));
            }
        }
        boolean bucketPolicy = false;
        for (Statement st : statements) bucketPolicy |= st.principal().isPresent();
        return new Policy(file, root, version, statements, bucketPolicy);
    }

    /** The member naming this element as the dialect recognises keys (last one wins on duplicates). */
    public static Optional<Node> element(Node.ObjectNode obj, PolicyElement element, Dialect dialect) {
        Optional<Node.Member> m = member(obj, element, dialect);
        return m.isPresent() ? Optional.of(m.get().value()) : Optional.empty();
    }

    public static Optional<Node.Member> member(Node.ObjectNode obj, PolicyElement element, Dialect dialect) {
        boolean anyCase = dialect.has(Quirk.ELEMENT_NAMES_CASE_INSENSITIVE);
        Node.Member found = null;
        List<Node.Member> members = obj.members();
        // Indexed: C1 does no escape analysis, and a for-each allocated an iterator per lookup.
        for (int i = 0; i < members.size(); i++) {
            Node.Member m = members.get(i);
            boolean hit = anyCase ? m.key().equalsIgnoreCase(element.spelling()) : m.key().equals(element.spelling());
            if (!hit && element == PolicyElement.ID && dialect.kind() == DialectKind.AWS) hit = m.key().equals("Id");
            if (hit) found = m;
        }
        return Optional.ofNullable(found);
    }

    private static Statement statement(int index, Node.ObjectNode o, Dialect d) {
        Node.Member[] el = statementMembers(o, d);
        Optional<Value> effectValue = scalar(value(el, PolicyElement.EFFECT));
        Effect effect = effectValue.isEmpty() ? Effect.INVALID : switch (effectValue.get().text()) {
            case "Allow" -> Effect.ALLOW;
            case "Deny" -> Effect.DENY;
            default -> Effect.INVALID;
        };
        Optional<Node> principal = Optional.ofNullable(value(el, PolicyElement.PRINCIPAL));
        if (effectValue.isEmpty() && principal.isPresent() && d.kind() != DialectKind.AWS) {
            // Bucket-policy statements are all-optional in the server's grammar: no Effect means Allow.
            effect = Effect.ALLOW;
        }
        Node action = value(el, PolicyElement.ACTION);
        Node notAction = value(el, PolicyElement.NOT_ACTION);
        Node resource = value(el, PolicyElement.RESOURCE);
        Node notResource = value(el, PolicyElement.NOT_RESOURCE);
        Node condition = value(el, PolicyElement.CONDITION);
        return new Statement(index, o,
                scalar(value(el, PolicyElement.SID)),
                effect, effectValue,
                actions(action, d), actions(notAction, d), strings(resource), strings(notResource),
                principal,
                condition != null ? conditions(condition) : List.of(),
                action != null, notAction != null, resource != null, notResource != null);
    }

    /**
     * The member of each statement element, by {@link PolicyElement#ordinal()} (null where absent):
     * {@link #member} for all of them in one pass over the statement's keys, last one winning.
     * The reader and the validator asked {@code member} per element, passing over every key
     * fourteen times a statement and calling equals each time: over 10,000 policies that was
     * 35 ms of CPU a run, and this pass with the lookups left is 22 ms (async-profiler, five runs).
     */
    static Node.Member[] statementMembers(Node.ObjectNode o, Dialect d) {
        boolean anyCase = d.has(Quirk.ELEMENT_NAMES_CASE_INSENSITIVE);
        Node.Member[] out = new Node.Member[PolicyElement.COUNT];
        List<Node.Member> members = o.members();
        for (int i = 0; i < members.size(); i++) { // indexed: see member
            Node.Member m = members.get(i);
            PolicyElement e = anyCase ? PolicyElement.statementIgnoringCase(m.key()) : PolicyElement.statementExact(m.key());
            if (e != null) out[e.ordinal()] = m;
        }
        return out;
    }

    /** The value of element {@code e} in {@link #statementMembers}'s answer, or null. */
    private static Node value(Node.Member[] members, PolicyElement e) {
        Node.Member m = members[e.ordinal()];
        return m == null ? null : m.value();
    }

    /** {@link #scalarOf} of an element that may be absent (null). */
    private static Optional<Value> scalar(Node n) {
        return n == null ? Optional.empty() : scalarOf(n);
    }

    /**
     * A string, or a one-element list of it; anything else is not a value the server reads. Null
     * (an absent element) is no value.
     */
    static List<Value> strings(Node n) {
        return strings(n, null);
    }

    /**
     * {@link #strings(Node)} of an Action or NotAction element: each action as the dialect's
     * catalogue spells it, the catalogue's own String (see {@link Dialect#canonicalActionName}).
     */
    private static List<Value> actions(Node n, Dialect d) {
        return strings(n, d);
    }

    private static List<Value> strings(Node n, Dialect actionsOf) {
        if (n == null) return List.of();
        List<Value> out = new ArrayList<>();
        if (n instanceof Node.StringNode s) {
            out.add(value(s, actionsOf));
        } else if (n instanceof Node.ArrayNode a) {
            List<Node> items = a.items();
            for (int i = 0; i < items.size(); i++) { // indexed: see member
                if (items.get(i) instanceof Node.StringNode s) out.add(value(s, actionsOf));
            }
        }
        return out;
    }

    private static Value value(Node.StringNode s, Dialect actionsOf) {
        return new Value(actionsOf == null ? s.value() : actionsOf.canonicalActionName(s.value()), s.span(), s.pointer());
    }

    /** Scalars as text: strings as they are, numbers and booleans in their source spelling. */
    static Optional<Value> scalarOf(Node n) {
        if (n instanceof Node.StringNode s) return Optional.of(new Value(s.value(), s.span(), s.pointer()));
        if (n instanceof Node.NumberNode num) return Optional.of(new Value(num.text(), num.span(), num.pointer()));
        if (n instanceof Node.BooleanNode b) return Optional.of(new Value(Boolean.toString(b.value()), b.span(), b.pointer()));
        return Optional.empty();
    }

    /** {@link #scalarOf} of an element that may be absent (no method reference: see dev.bucketscope.core.PolicyRule). */
    private static Optional<Value> scalar(Optional<Node> n) {
        return n.isPresent() ? scalarOf(n.get()) : Optional.empty();
    }

    private static List<ConditionClause> conditions(Node block) {
        List<ConditionClause> out = new ArrayList<>();
        if (!(block instanceof Node.ObjectNode ops)) return out;
        for (Node.Member op : ops.members()) {
            if (!(op.value() instanceof Node.ObjectNode keys)) continue;
            Value operator = new Value(op.key(), op.keySpan(), ops.pointer() + "/" + Node.escapeToken(op.key()));
            for (Node.Member key : keys.members()) {
                Value k = new Value(key.key(), key.keySpan(), key.value().pointer());
                List<Value> values = new ArrayList<>();
                if (key.value() instanceof Node.ArrayNode arr) {
                    for (Node item : arr.items()) {
                        Optional<Value> v = scalarOf(item);
                        if (v.isPresent()) values.add(v.get());
                    }
                } else {
                    Optional<Value> v = scalarOf(key.value());
                    if (v.isPresent()) values.add(v.get());
                }
                out.add(new ConditionClause(operator, k, values));
            }
        }
        return out;
    }
}
