package dev.bucketscope.rules;

import dev.bucketscope.core.ComponentRule;
import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.dialect.Capability;
import dev.bucketscope.eval.AccessMap;
import dev.bucketscope.eval.BucketNames;
import dev.bucketscope.glob.Glob;
import dev.bucketscope.inventory.BucketGrant;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.policy.Statement;
import java.util.ArrayList;
import java.util.BitSet;
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
public final class CrossComponentAccessRule implements ComponentRule<CrossComponentAccessRule.Indexes> {
    private static final List<Capability> CAPS = List.of(Capability.LIST, Capability.READ, Capability.WRITE, Capability.DELETE);

    /** Every component's buckets and scope, by literal prefix: which components a policy can concern (see {@link #candidates}). */
    record Indexes(Index buckets, Index scopes) {}

    @Override
    public Indexes prepare(InventoryContext ctx) {
        List<Component> components = ctx.inventory().components();
        Index.Builder buckets = new Index.Builder();
        Index.Builder scopes = new Index.Builder();
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            for (BucketGrant b : c.buckets()) buckets.add(b.name(), i);
            scopes.add(literalPrefix(c.scope().text()), i);
        }
        return new Indexes(buckets.build(), scopes.build());
    }

    @Override
    public void check(InventoryContext ctx, Component c, Indexes indexes) {
        Optional<PolicyFile> file = ctx.policy(c);
        Optional<AccessMap> access = ctx.access(c);
        if (file.isEmpty() || access.isEmpty()) return;
        List<Component> components = ctx.inventory().components();
        // Per component, bucket and capability: no capturing lambdas (see dev.bucketscope.core.PolicyRule).
        Set<String> own = c.bucketNames();
        List<BucketNames.Reach> reaches = ctx.allowedBuckets(c);
        BitSet candidates = candidates(access.get(), reaches, indexes, components.size());
        // One other component at a time, in a method C1 compiles: see dev.bucketscope.core.ComponentRule.
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Component other = components.get(i);
            if (other != c) against(ctx, c, file.get(), access.get(), own, reaches, other);
        }
    }

    /** What {@code c}'s policy reaches of {@code other}'s buckets and scope. */
    private static void against(InventoryContext ctx, Component c, PolicyFile file, AccessMap access, Set<String> own,
                                List<BucketNames.Reach> reaches, Component other) {
        // statement -> bucket -> capabilities it grants there, in statement order
        Map<Statement, Map<String, List<String>>> grants = new LinkedHashMap<>();
        for (BucketGrant b : other.buckets()) {
            if (own.contains(b.name()) || !access.mayReach(b.name())) continue;
            for (Capability cap : CAPS) {
                Optional<AccessMap.Grant> g = access.granted(b.name(), cap);
                Optional<Statement> st = g.isPresent() ? g.get().outcome().statement() : Optional.empty();
                if (st.isEmpty()) continue;
                Map<String, List<String>> byBucket = grants.get(st.get());
                if (byBucket == null) grants.put(st.get(), byBucket = new LinkedHashMap<>());
                List<String> caps = byBucket.get(b.name());
                if (caps == null) byBucket.put(b.name(), caps = new ArrayList<>());
                caps.add(cap.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        for (Map.Entry<Statement, Map<String, List<String>>> grant : grants.entrySet()) {
            Statement st = grant.getKey();
            // buckets granted the same capabilities are named together
            Map<String, List<String>> byCaps = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> bucket : grant.getValue().entrySet()) {
                String caps = String.join(" and ", bucket.getValue());
                List<String> named = byCaps.get(caps);
                if (named == null) byCaps.put(caps, named = new ArrayList<>());
                named.add("'" + bucket.getKey() + "'");
            }
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : byCaps.entrySet()) parts.add(e.getKey() + " on " + String.join(" and ", e.getValue()));
            ctx.report(file.file(), st.span(), st.pointer(), UndeclaredAccess.named(st) + " grants " + String.join(", ", parts)
                    + " (declared by " + other.id() + ")", c, List.of());
        }
        for (BucketNames.Reach r : reaches) {
            if (grants.containsKey(r.statement())) continue;
            String scope = other.scope().text();
            Optional<String> name = BucketNames.common(ctx.glob(r.bucketPattern()), ctx.glob(scope), own);
            if (name.isPresent()) {
                ctx.report(file.file(), r.resource().span(), r.resource().pointer(), "'" + r.resource().text() + "' reaches "
                        + other.id() + "'s scope '" + scope + "' (e.g. bucket '" + name.get() + "')", c, List.of());
            }
        }
    }

    /**
     * The components this policy can concern, in inventory order: those owning a bucket the policy
     * may reach ({@link AccessMap#mayReach}) and those whose scope can share a name with one of its
     * Allow bucket patterns (two patterns can match a common name only when one literal prefix
     * starts with the other). Every other component would give no finding, so a policy scoped to
     * its own prefix is compared with a few components, not all of them; a policy that may reach
     * any bucket is compared with all.
     */
    private static BitSet candidates(AccessMap access, List<BucketNames.Reach> reaches, Indexes indexes, int n) {
        BitSet out = new BitSet(n);
        List<String> prefixes = access.reachPrefixes();
        if (prefixes == null) {
            out.set(0, n);
            return out;
        }
        Index buckets = indexes.buckets();
        for (int i = 0; i < buckets.odd.length; i++) out.set(buckets.odd[i]);
        for (String p : prefixes) buckets.index.compatible(p, out);
        for (BucketNames.Reach r : reaches) {
            String p = literalPrefix(r.bucketPattern());
            if (p.isEmpty()) {
                out.set(0, n);
                return out;
            }
            indexes.scopes().index.compatible(p, out);
        }
        return out;
    }

    /** Lower-cased text before the first wildcard (see {@link dev.bucketscope.glob.Glob#literalPrefix}). */
    private static String literalPrefix(String pattern) {
        int end = 0;
        while (end < pattern.length() && pattern.charAt(end) != '*' && pattern.charAt(end) != '?') end++;
        return pattern.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    }

    /** Component indexes by lower-cased key (a bucket name or a scope's literal prefix); only read once built. */
    record Index(PrefixIndex index, int[] odd) {
        static final class Builder {
            private final PrefixIndex.Builder builder = new PrefixIndex.Builder();
            private final List<Integer> odd = new ArrayList<>();

            void add(String key, int component) {
                String k = key.toLowerCase(java.util.Locale.ROOT);
                // Names AccessMap.mayReach cannot judge by prefix are always candidates.
                if (!AccessMap.judgedByPrefix(k)) odd.add(component);
                builder.add(k, component);
            }

            Index build() {
                int[] o = new int[odd.size()];
                for (int i = 0; i < o.length; i++) o[i] = odd.get(i);
                return new Index(builder.build(), o);
            }
        }
    }
}
