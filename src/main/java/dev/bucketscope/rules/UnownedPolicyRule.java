package dev.bucketscope.rules;

import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.core.InventoryRule;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.source.Span;
import java.util.HashSet;
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
        for (InventoryContext.Linted f : ctx.policyFiles()) {
            if (owned.contains(f.file())) continue;
            ctx.reportUnowned(f.file(), f.start(), "", "no component in " + ctx.inventory().file()
                    + " owns this policy: declare the component it belongs to, or remove the file");
        }
    }
}
