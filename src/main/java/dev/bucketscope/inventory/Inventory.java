package dev.bucketscope.inventory;

import dev.bucketscope.policy.Value;
import dev.bucketscope.source.FrozenList;
import dev.bucketscope.source.Node;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inventory ({@code bucketscope.yaml}): components, credentials, exceptions, severity
 * overrides. Every value keeps its position so findings can point at the inventory line.
 *
 * @param file the path reports show
 * @param dir the directory paths in the inventory are relative to
 * @param byName the components by name (the first of a duplicated name), for lookups in O(1):
 *               rules ask for components by name once per finding
 */
public record Inventory(String file, Path dir, Node.ObjectNode root, Optional<Value> dialect, Optional<Value> endpoint,
                        List<Component> components, Optional<Credentials> credentials,
                        List<AcceptedException> exceptions, Map<String, Value> severities,
                        Map<String, Component> byName) {
    public Inventory {
        components = FrozenList.copyOf(components);
        exceptions = List.copyOf(exceptions);
        severities = Map.copyOf(severities);
        Map<String, Component> index = new java.util.HashMap<>();
        for (Component c : components) index.putIfAbsent(c.id(), c);
        byName = java.util.Collections.unmodifiableMap(index);
    }

    public Inventory(String file, Path dir, Node.ObjectNode root, Optional<Value> dialect, Optional<Value> endpoint,
                     List<Component> components, Optional<Credentials> credentials,
                     List<AcceptedException> exceptions, Map<String, Value> severities) {
        this(file, dir, root, dialect, endpoint, components, credentials, exceptions, severities, Map.of());
    }

    public Optional<Component> component(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
