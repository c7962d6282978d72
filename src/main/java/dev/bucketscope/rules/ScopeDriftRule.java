package dev.bucketscope.rules;

import dev.bucketscope.core.ComponentRule;
import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.eval.BucketNames;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.policy.PolicyFile;
import java.util.List;
import java.util.Optional;

/**
 * Reports Allow Resource values of a component's policy whose bucket part can match a bucket name
 * outside the component's scope, decided exactly with the pattern algebra and quoting such a name.
 */
public final class ScopeDriftRule implements ComponentRule<Void> {

    @Override
    public void check(InventoryContext ctx, Component c, Void unused) {
        Optional<PolicyFile> file = ctx.policy(c);
        if (file.isEmpty() || file.get().policy().isEmpty()) return;
        String scope = c.scope().text();
        for (BucketNames.Reach r : ctx.allowedBuckets(c)) {
            Optional<String> name = BucketNames.outside(scope, r.bucketPattern()); // no capturing lambda: see PolicyRule
            if (name.isEmpty()) continue;
            ctx.report(file.get().file(), r.resource().span(), r.resource().pointer(),
                    "'" + r.resource().text() + "' also matches bucket '" + name.get() + "', outside " + c.id()
                            + "'s scope '" + scope + "'" + (c.scopeDefaulted() ? " (the default, <name>-*)" : ""),
                    c, List.of());
        }
    }
}
