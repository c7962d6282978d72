package dev.bucketscope.rules;

import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.core.InventoryRule;
import dev.bucketscope.dialect.Capability;
import dev.bucketscope.eval.AccessMap;
import dev.bucketscope.eval.BucketNames;
import dev.bucketscope.inventory.BucketGrant;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.policy.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reports a policy that reaches another component's buckets or scope: what the evaluator says it
 * grants on buckets the other component declares (one finding per granting statement), and Allow
 * Resource values whose bucket pattern meets the other's scope where that statement was not
 * already reported for that component. Buckets the component declares itself are its own business.
 */
public final class CrossComponentAccessRule implements InventoryRule {
    private static final List<Capability> CAPS = List.of(Capability.LIST, Capability.READ, Capability.WRITE, Capability.DELETE);

    @Override
    public void check(InventoryContext ctx) {
        for (Component c : ctx.inventory().components()) {
            Optional<PolicyFile> file = ctx.policy(c);
            Optional<AccessMap> access = ctx.access(c);
            if (file.isEmpty() || access.isEmpty()) continue;
            Set<String> own = new HashSet<>();
            c.buckets().forEach(b -> own.add(b.name()));
            for (Component other : ctx.inventory().components()) {
                if (other == c) continue;
                // statement -> bucket -> capabilities it grants there, in statement order
                Map<Statement, Map<String, List<String>>> grants = new LinkedHashMap<>();
                for (BucketGrant b : other.buckets()) {
                    if (own.contains(b.name())) continue;
                    for (Capability cap : CAPS) {
                        access.get().granted(b.name(), cap).flatMap(g -> g.outcome().statement()).ifPresent(st -> grants
                                .computeIfAbsent(st, k -> new LinkedHashMap<>())
                                .computeIfAbsent(b.name(), k -> new ArrayList<>()).add(cap.name().toLowerCase(java.util.Locale.ROOT)));
                    }
                }
                grants.forEach((st, byBucket) -> {
                    // buckets granted the same capabilities are named together
                    Map<String, List<String>> byCaps = new LinkedHashMap<>();
                    byBucket.forEach((bucket, caps) -> byCaps.computeIfAbsent(String.join(" and ", caps),
                            k -> new ArrayList<>()).add("'" + bucket + "'"));
                    List<String> parts = new ArrayList<>();
                    byCaps.forEach((caps, buckets) -> parts.add(caps + " on " + String.join(" and ", buckets)));
                    ctx.report(file.get().file(), st.span(), st.pointer(), UndeclaredAccess.named(st) + " grants " + String.join(", ", parts)
                            + " (declared by " + other.id() + ")", c, List.of());
                });
                for (BucketNames.Reach r : BucketNames.allowed(file.get().policy().orElseThrow(), ctx.dialect())) {
                    if (grants.containsKey(r.statement())) continue;
                    String scope = other.scope().text();
                    BucketNames.common(r.bucketPattern(), scope, own).ifPresent(name -> ctx.report(file.get().file(),
                            r.resource().span(), r.resource().pointer(), "'" + r.resource().text() + "' reaches " + other.id()
                                    + "'s scope '" + scope + "' (e.g. bucket '" + name + "')", c, List.of()));
                }
            }
        }
    }
}
