package dev.bucketscope.core;

import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.eval.AccessMap;
import dev.bucketscope.eval.Evaluator;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.inventory.Inventory;
import dev.bucketscope.policy.PolicyFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An inventory with its dialect and each component's policy, for the commands that show or
 * derive access rather than lint it ({@code matrix}, {@code generate}).
 */
public record Workspace(Inventory inventory, Dialect dialect, Evaluator evaluator, Map<String, PolicyFile> policies,
                        Map<String, String> fileProblems) {

    /** Loads the inventory found as {@code lint} finds it; a run without one is a configuration error. */
    public static Workspace load(List<Path> paths, Path workingDir, Optional<Path> inventory, Optional<String> dialectName)
            throws LintRun.ConfigException {
        List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        LintRun.Options o = new LintRun.Options(roots, workingDir, inventory, dialectName, Map.of(),
                java.time.LocalDate.now(java.time.ZoneOffset.UTC), Set.of(), "");
        Inventory inv = LintRun.inventory(o, roots).orElseThrow(() -> new LintRun.ConfigException(
                "no inventory: give --inventory FILE or put " + LintRun.INVENTORY_NAME + " at the root of " + roots.get(0)));
        Dialect dialect = LintRun.dialect(o, Optional.of(inv));
        Map<String, String> problems = new HashMap<>();
        Map<String, PolicyFile> policies = LintRun.componentPolicies(inv, Map.of(), Map.of(), workingDir, dialect, problems, null).read();
        return new Workspace(inv, dialect, new Evaluator(dialect), policies, problems);
    }

    /** What the component's policy grants, when it could be read. */
    public Optional<AccessMap> access(Component c) {
        return Optional.ofNullable(policies.get(c.id())).flatMap(PolicyFile::policy)
                .map(p -> new AccessMap(evaluator, List.of(p)));
    }
}
