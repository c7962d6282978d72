package dev.bucketscope.rules;

import dev.bucketscope.core.ComponentRule;
import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.eval.BucketNames;
import dev.bucketscope.glob.Glob;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.policy.PolicyFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reports Allow Resource values that reach bucket names inside the component's scope which the
 * inventory does not list for it, quoting such a name: a bucket the application uses, or could
 * create, that nobody declared.
 */
public final class UndeclaredBucketRule implements ComponentRule<Void> {

    @Override
    public void check(InventoryContext ctx, Component c, Void unused) {
        Optional<PolicyFile> file = ctx.policy(c);
        if (file.isEmpty() || file.get().policy().isEmpty()) return;
        Set<String> declared = c.bucketNames();
        String scope = c.scope().text();
        for (BucketNames.Reach r : ctx.allowedBuckets(c)) {
            Optional<String> name = BucketNames.common(r.bucketPattern(), scope, declared);
            if (name.isEmpty()) continue;
            String v = "'" + r.resource().text() + "'";
            String message = Glob.of(r.bucketPattern()).isLiteral()
                    ? v + " reaches bucket '" + name.get() + "', in " + c.id() + "'s scope but not declared for it"
                    : v + " reaches buckets the inventory does not declare for " + c.id() + ", e.g. '" + name.get() + "'";
            ctx.report(file.get().file(), r.resource().span(), r.resource().pointer(), message, c, List.of());
        }
    }
}
