package dev.bucketscope.inventory;

import dev.bucketscope.policy.Value;
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
 */
public record Inventory(String file, Path dir, Node.ObjectNode root, Optional<Value> dialect, Optional<Value> endpoint,
                        List<Component> components, Optional<Credentials> credentials,
                        List<AcceptedException> exceptions, Map<String, Value> severities) {
    public Inventory {
        components = List.copyOf(components);
        exceptions = List.copyOf(exceptions);
        severities = Map.copyOf(severities);
    }

    public Optional<Component> component(String name) {
        return components.stream().filter(c -> c.id().equals(name)).findFirst();
    }
}
