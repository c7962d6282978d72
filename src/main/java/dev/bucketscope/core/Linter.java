package dev.bucketscope.core;

import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.eval.Evaluator;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the catalogue's rules over policy documents and returns findings in a total order, so the
 * same input always gives byte-identical output. Severity comes from the rule's doc, unless
 * overridden (a rule set to {@code off} is not run at all).
 */
public final class Linter {
    private final RuleCatalog catalog;
    private final Map<String, Severity> overrides;

    public Linter(RuleCatalog catalog, Map<String, Severity> overrides) {
        this.catalog = catalog;
        this.overrides = Map.copyOf(overrides);
    }

    public Severity severityOf(RuleCatalog.Entry e) {
        return overrides.getOrDefault(e.meta().id(), e.meta().severity());
    }

    public List<Finding> lint(List<PolicyFile> files, Dialect dialect) {
        Evaluator evaluator = new Evaluator(dialect);
        List<Finding> findings = new ArrayList<>();
        for (PolicyFile file : files) findings.addAll(lint(file, dialect, evaluator));
        findings.sort(Finding.ORDER);
        return findings;
    }

    public List<Finding> lint(PolicyFile file, Dialect dialect, Evaluator evaluator) {
        List<Finding> findings = new ArrayList<>();
        Fingerprints fingerprints = new Fingerprints();
        Optional<Node> root = file.policy().map(p -> (Node) p.root());
        for (RuleCatalog.Entry e : catalog.entries()) {
            Severity severity = severityOf(e);
            if (severity == Severity.OFF) continue;
            PolicyContext ctx = new PolicyContext(file, dialect, evaluator);
            e.rule().check(ctx);
            for (PolicyContext.Report r : ctx.reports()) {
                findings.add(new Finding(e.meta().id(), severity, new Location(file.file(), r.span(), r.pointer()),
                        r.message(), r.related(), fingerprints.of(e.meta().id(), file.file(), root, r.pointer(), r.message())));
            }
        }
        findings.sort(Finding.ORDER);
        return findings;
    }
}
