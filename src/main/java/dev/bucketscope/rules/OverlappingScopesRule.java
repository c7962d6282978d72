package dev.bucketscope.rules;

import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.core.InventoryRule;
import dev.bucketscope.eval.BucketNames;
import dev.bucketscope.glob.Glob;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.policy.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reports two components whose scopes can match the same bucket name, once per pair, on the later
 * component's scope, with a name both match.
 *
 * <p>Cost: two globs can only share a name when one's literal prefix is a prefix of the other's,
 * so scopes are indexed by literal prefix in a sorted map and each scope is compared only with
 * those whose prefix is one of its own prefixes (|p| lookups) or starts with it (one subMap range).
 * That is O(n·L·log n + k·C) for n components, prefix length L, k compatible pairs and C one
 * intersection test (O(|a|·|b|)), instead of n²/2 tests; scopes with an empty prefix ({@code *-logs})
 * are compatible with every scope and bring back the quadratic case, as they must.
 */
public final class OverlappingScopesRule implements InventoryRule {

    @Override
    public void check(InventoryContext ctx) {
        TreeMap<String, List<Component>> byPrefix = new TreeMap<>();
        for (Component c : ctx.inventory().components()) {
            String prefix = Glob.of(c.scope().text()).literalPrefix();
            for (Component earlier : compatible(byPrefix, prefix)) {
                Value mine = c.scope();
                Value theirs = earlier.scope();
                Optional<String> both = BucketNames.common(mine.text(), theirs.text(), Set.of());
                if (both.isEmpty()) continue;
                ctx.report(ctx.inventory().file(), mine.span(), mine.pointer(), c.id() + "'s scope '" + mine.text() + "'" + defaulted(c)
                                + " overlaps " + earlier.id() + "'s scope '" + theirs.text() + "'" + defaulted(earlier)
                                + ": both match bucket '" + both.get() + "'", c,
                        List.of(ctx.relatedInInventory(theirs.span(), theirs.pointer(), earlier.id() + "'s scope")));
            }
            List<Component> same = byPrefix.get(prefix);
            if (same == null) byPrefix.put(prefix, same = new ArrayList<>());
            same.add(c);
        }
    }

    /** Earlier components whose scope prefix is a prefix of this one, or starts with it, in inventory order. */
    private static List<Component> compatible(TreeMap<String, List<Component>> byPrefix, String prefix) {
        List<Component> out = new ArrayList<>();
        for (int k = 0; k < prefix.length(); k++) {
            List<Component> shorter = byPrefix.get(prefix.substring(0, k));
            if (shorter != null) out.addAll(shorter);
        }
        // Keys starting with the prefix (itself included) form one contiguous range from the prefix on.
        for (var e : byPrefix.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) break;
            out.addAll(e.getValue());
        }
        return out;
    }

    private static String defaulted(Component c) {
        return c.scopeDefaulted() ? " (the default)" : "";
    }
}
