package dev.bucketscope.core;

import dev.bucketscope.dialect.Capability;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.eval.AccessMap;
import dev.bucketscope.eval.Evaluator;
import dev.bucketscope.inventory.BucketGrant;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.inventory.Inventory;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.source.Span;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a probe rule sees: the inventory (what is declared), each component's policy from the
 * repository and the evaluator (what is predicted), the recorded observations (what the server
 * did), and, when the admin API was read, the deployed policies.
 */
public final class ProbeContext {
    private final Inventory inventory;
    private final Dialect dialect;
    private final Evaluator evaluator;
    private final Map<String, PolicyFile> policies;
    private final List<ProbeObservation> observations;
    private final Map<String, DeployedPolicy> deployed;
    private final Map<String, AccessMap> access = new HashMap<>();
    private final List<InventoryContext.Report> reports = new ArrayList<>();

    public ProbeContext(Inventory inventory, Dialect dialect, Evaluator evaluator, Map<String, PolicyFile> policies,
                        List<ProbeObservation> observations, Map<String, DeployedPolicy> deployed) {
        this.inventory = inventory;
        this.dialect = dialect;
        this.evaluator = evaluator;
        this.policies = Map.copyOf(policies);
        List<ProbeObservation> sorted = new ArrayList<>(observations);
        sorted.sort(ProbeObservation.ORDER);
        this.observations = List.copyOf(sorted);
        this.deployed = Map.copyOf(deployed);
    }

    public Inventory inventory() {
        return inventory;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    /** Every observation, ordered by component, bucket and capability. */
    public List<ProbeObservation> observations() {
        return observations;
    }

    public List<ProbeObservation> observations(Component c) {
        return observations.stream().filter(o -> o.component().equals(c.id())).toList();
    }

    /** The deployed policies of a component, when the admin API was read. */
    public Optional<DeployedPolicy> deployed(Component c) {
        return Optional.ofNullable(deployed.get(c.id()));
    }

    public Optional<PolicyFile> policy(Component c) {
        return Optional.ofNullable(policies.get(c.id()));
    }

    /** What the repository's policy of the component grants (absent when it has none or it could not be read). */
    public Optional<AccessMap> access(Component c) {
        return policy(c).flatMap(PolicyFile::policy)
                .map(p -> access.computeIfAbsent(c.id(), k -> new AccessMap(evaluator, List.of(p))));
    }

    /** True when the server refused the component's credentials on some probe. */
    public boolean authRefused(Component c) {
        return observations(c).stream().anyMatch(ProbeObservation::authRefused);
    }

    public Optional<BucketGrant> declaredBucket(Component c, String bucket) {
        return c.buckets().stream().filter(b -> b.name().equals(bucket)).findFirst();
    }

    /** The capabilities the inventory declares for the component on the bucket (none for a bucket it does not list). */
    public Set<Capability> declared(Component c, String bucket) {
        return declaredBucket(c, bucket).map(b -> withNone(b.capabilities())).orElse(EnumSet.noneOf(Capability.class));
    }

    private static Set<Capability> withNone(Set<Capability> s) {
        Set<Capability> out = EnumSet.noneOf(Capability.class);
        out.addAll(s);
        return out;
    }

    /** The inventory line a finding about the component's access to the bucket points at. */
    public Location bucketLocation(Component c, String bucket) {
        return declaredBucket(c, bucket).map(b -> new Location(inventory.file(), b.access().span(), b.access().pointer()))
                .orElse(componentLocation(c));
    }

    public Location componentLocation(Component c) {
        return new Location(inventory.file(), c.name().span(), c.name().pointer());
    }

    /** The component's {@code policy:} line, or its name when it has none. */
    public Location policyLocation(Component c) {
        return c.policy().map(p -> new Location(inventory.file(), p.span(), p.pointer())).orElse(componentLocation(c));
    }

    public void report(Location location, String message, Component component, List<Finding.Related> related) {
        reports.add(new InventoryContext.Report(location, message, Optional.of(component), related));
    }

    public Finding.Related related(String file, Span span, String pointer, String message) {
        return new Finding.Related(new Location(file, span, pointer), message);
    }

    List<InventoryContext.Report> reports() {
        return reports;
    }
}
