package dev.bucketscope.rules;

import dev.bucketscope.core.ComponentRule;
import dev.bucketscope.core.Finding;
import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.dialect.Capability;
import dev.bucketscope.eval.AccessMap;
import dev.bucketscope.eval.Decision;
import dev.bucketscope.eval.Outcome;
import dev.bucketscope.inventory.BucketGrant;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.policy.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Reports a declared capability the component's policy does not grant on the whole bucket (the
 * evaluator's answer for a neutral key, Deny statements included), on the inventory's bucket entry:
 * the application will get AccessDenied. A component whose policy could not be read is
 * inventory-reference's business.
 */
public final class MissingPermissionRule implements ComponentRule<Void> {

    @Override
    public void check(InventoryContext ctx, Component c, Void unused) {
        Optional<PolicyFile> file = ctx.policy(c);
        Optional<AccessMap> access = ctx.access(c);
        if (file.isEmpty() || access.isEmpty()) return;
        for (BucketGrant b : c.buckets()) {
            for (Capability cap : List.of(Capability.LIST, Capability.READ, Capability.WRITE, Capability.DELETE)) {
                if (!b.capabilities().contains(cap)) continue;
                Outcome whole = access.get().wholeBucket(b.name(), cap);
                if (whole.allowed()) continue;
                String head = c.id() + " declares " + UndeclaredAccess.word(cap) + " on '" + b.name() + "' but "
                        + AccessMap.PRIMARY.get(cap) + " is ";
                List<Finding.Related> related = List.of();
                String why;
                if (whole.decision() == Decision.EXPLICIT_DENY && whole.statement().isPresent()) {
                    Statement st = whole.statement().get();
                    why = "denied (explicitly, by " + UndeclaredAccess.named(st) + " at " + file.get().file() + ":" + st.span().line() + ":"
                            + st.span().column() + ")";
                    related = List.of(ctx.related(file.get().file(), st.span(), st.pointer(), "the Deny statement"));
                } else {
                    // Plain ifs, no lambda on a lint run's path (see core.Parallel's Daemon).
                    Optional<AccessMap.Grant> g = access.get().granted(b.name(), cap);
                    why = g.isEmpty() ? "denied (no statement allows it)"
                            : "allowed only for keys like '" + g.get().key() + "' (by "
                                    + (g.get().outcome().statement().isPresent() ? UndeclaredAccess.named(g.get().outcome().statement().get()) : "?") + ")";
                }
                ctx.report(ctx.inventory().file(), b.bucket().span(), b.bucket().pointer(), head + why, c, related);
            }
        }
    }
}
