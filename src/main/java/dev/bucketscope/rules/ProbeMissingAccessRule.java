package dev.bucketscope.rules;

import dev.bucketscope.core.ProbeContext;
import dev.bucketscope.core.ProbeObservation;
import dev.bucketscope.core.ProbeRule;
import dev.bucketscope.dialect.Capability;
import dev.bucketscope.inventory.Component;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The server denied an operation the inventory declares for the component. */
public final class ProbeMissingAccessRule implements ProbeRule {
    @Override
    public void check(ProbeContext ctx) {
        for (Component c : ctx.inventory().components()) {
            if (ctx.authRefused(c)) continue;
            for (Map.Entry<String, List<ProbeObservation>> e : ProbeFacts.conclusiveByBucket(ctx, c).entrySet()) {
                String bucket = e.getKey();
                Set<Capability> declared = ctx.declared(c, bucket);
                List<ProbeObservation> missing = e.getValue().stream()
                        .filter(o -> o.outcome() == ProbeObservation.Outcome.DENIED && declared.contains(o.capability()))
                        .toList();
                if (missing.isEmpty()) continue;
                ctx.report(ctx.bucketLocation(c, bucket), "the server denied '" + c.id() + "' "
                                + ProbeFacts.capabilities(missing) + " on bucket '" + bucket + "', which the inventory declares (observed: "
                                + ProbeFacts.evidence(missing) + ")",
                        c, ProbeFacts.statements(ctx, c, missing, "the repository's policy grants it here"));
            }
        }
    }
}
