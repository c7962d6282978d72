package dev.bucketscope.core;

import dev.bucketscope.inventory.Inventory;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.source.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns recorded probe observations into findings: the catalogue's probe rules over the
 * workspace (inventory, policies, dialect) and the observations. No network here: the
 * {@code probe} package observes, this judges, so fixtures replay recorded observations.
 */
public final class ProbeRun {
    private ProbeRun() {}

    /** Severity overrides: the inventory's {@code severity:} map, then the command line's. */
    public static Map<String, Severity> severities(Inventory inv, Map<String, Severity> commandLine, RuleCatalog catalog) {
        Map<String, Severity> out = new HashMap<>();
        for (var e : inv.severities().entrySet()) {
            if (catalog.find(e.getKey()).isEmpty()) continue;
            Severity.parse(e.getValue().text()).ifPresent(s -> out.put(e.getKey(), s));
        }
        out.putAll(commandLine);
        return out;
    }

    public static List<Finding> findings(Workspace ws, List<ProbeObservation> observations,
                                         Map<String, DeployedPolicy> deployed, RuleCatalog catalog,
                                         Map<String, Severity> overrides) {
        Inventory inv = ws.inventory();
        ProbeContext ctx = new ProbeContext(inv, ws.dialect(), ws.evaluator(), ws.policies(), observations, deployed);
        Map<String, Node> roots = new HashMap<>();
        roots.put(inv.file(), inv.root());
        for (PolicyFile f : ws.policies().values()) f.policy().ifPresent(p -> roots.put(p.file(), p.root()));
        Linter linter = new Linter(catalog, severities(inv, overrides, catalog));
        // Every probe finding points into the inventory, at the component's own lines: no related entry needed.
        List<Finding> out = new ArrayList<>(linter.lintProbe(ctx, roots));
        out.sort(Finding.ORDER);
        return out;
    }
}
