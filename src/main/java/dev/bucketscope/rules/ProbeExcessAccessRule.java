package dev.bucketscope.rules;

import dev.bucketscope.core.ProbeContext;
import dev.bucketscope.core.ProbeObservation;
import dev.bucketscope.core.ProbeRule;
import dev.bucketscope.dialect.Capability;
import dev.bucketscope.inventory.Component;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The server allowed an operation the inventory does not declare for the component. */
public final class ProbeExcessAccessRule implements ProbeRule {
    @Override
    public void check(ProbeContext ctx) {
        for (Component c : ctx.inventory().components()) {
            if (ctx.authRefused(c)) continue;
            for (Map.Entry<String, List<ProbeObservation>> e : ProbeFacts.conclusiveByBucket(ctx, c).entrySet()) {
                String bucket = e.getKey();
                Set<Capability> declared = ctx.declared(c, bucket);
                List<ProbeObservation> excess = e.getValue().stream()
                        .filter(o -> o.outcome() == ProbeObservation.Outcome.ALLOWED && !declared.contains(o.capability()))
                        .toList();
                if (excess.isEmpty()) continue;
                String where = declared.isEmpty() && ctx.declaredBucket(c, bucket).isEmpty()
                        ? "bucket '" + bucket + "', which the inventory does not list for it"
                        : "bucket '" + bucket + "' beyond what the inventory declares";
                ctx.report(ctx.bucketLocation(c, bucket), "the server allowed '" + c.id() + "' to "
                                + ProbeFacts.capabilities(excess) + " on " + where + " (observed: " + ProbeFacts.evidence(excess) + ")",
                        c, ProbeFacts.statements(ctx, c, excess, "the repository's policy grants it here"));
            }
        }
    }
}
