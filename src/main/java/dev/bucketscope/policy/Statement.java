package dev.bucketscope.policy;

import dev.bucketscope.dialect.ActionFamily;
import dev.bucketscope.source.FrozenList;
import dev.bucketscope.source.Node;
import dev.bucketscope.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * One statement as the chosen dialect reads it. Elements the dialect ignores (unknown or
 * mis-cased keys on servers that ignore them) are absent here, exactly as the server would not
 * see them; the validator reports them separately.
 *
 * @param index position in the policy's Statement array (0-based)
 * @param effectValue the raw Effect value, when present
 * @param actions Action values (empty when the element is absent or empty; see {@link #hasAction})
 */
public record Statement(
        int index,
        Node.ObjectNode node,
        Optional<Value> sid,
        Effect effect,
        Optional<Value> effectValue,
        List<Value> actions,
        List<Value> notActions,
        List<Value> resources,
        List<Value> notResources,
        Optional<Node> principal,
        List<ConditionClause> conditions,
        boolean hasAction,
        boolean hasNotAction,
        boolean hasResource,
        boolean hasNotResource) {

    public Statement {
        actions = FrozenList.copyOf(actions);
        notActions = FrozenList.copyOf(notActions);
        resources = FrozenList.copyOf(resources);
        notResources = FrozenList.copyOf(notResources);
        conditions = FrozenList.copyOf(conditions);
    }

    /**
     * From the position alone (equal statements share it; equals stays the record's): rules key
     * maps by statement, and the record's own hash would walk the whole statement tree each time.
     */
    @Override
    public int hashCode() {
        return index * 31 + node.span().hashCode();
    }

    public Span span() {
        return node.span();
    }

    public String pointer() {
        return node.pointer();
    }

    /** "Sid" when the statement has one, otherwise "Statement[i]": how messages name a statement. */
    public String label() { // no lambda: see InventoryContext.Linted#of
        return sid.isPresent() && !sid.get().text().isEmpty() ? sid.get().text() : "Statement[" + index + "]";
    }

    public boolean isAllow() {
        return effect == Effect.ALLOW;
    }

    public boolean isDeny() {
        return effect == Effect.DENY;
    }

    /** Whether any Action value is of this family (by its prefix, as the server parses it). */
    public boolean namesFamily(ActionFamily family) {
        // Asked of every statement for every request the evaluator decides: an indexed loop, as
        // C1 allocates an iterator for a for-each.
        for (int i = 0; i < actions.size(); i++) {
            if (family.starts(actions.get(i).text())) return true;
        }
        return false;
    }
}
