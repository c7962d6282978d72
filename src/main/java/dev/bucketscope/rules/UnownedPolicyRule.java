package dev.bucketscope.rules;

import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.core.InventoryRule;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.source.Span;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reports a policy file of the run that no component's {@code policy:} points at: nobody declared
 * what it is for, so nothing checks it against declared access (a leftover, or an application the
 * inventory forgot).
 */
public final class UnownedPolicyRule implements InventoryRule {

    @Override
    public void check(InventoryContext ctx) {
        Set<String> owned = new HashSet<>();
        for (Component c : ctx.inventory().components()) {
            Optional<String> name = ctx.policyName(c);
            if (name.isPresent()) owned.add(name.get());
        }
        String message = "no component in " + ctx.inventory().file() + " owns this policy: declare the component it belongs to, or remove the file";
        List<InventoryContext.Linted> files = ctx.policyFiles();
        // Each file in a method C1 compiles (10,000 turns of a loop run once stay interpreted): see dev.bucketscope.core.ComponentRule.
        for (int i = 0; i < files.size(); i++) file(ctx, files.get(i), owned, message);
    }

    private static void file(InventoryContext ctx, InventoryContext.Linted f, Set<String> owned, String message) {
        if (!owned.contains(f.file())) ctx.reportUnowned(f.file(), f.start(), "", message);
    }
}
