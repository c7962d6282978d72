package dev.bucketscope.core;

import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.eval.Evaluator;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the catalogue's rules and returns findings in a total order, so the same input always
 * gives byte-identical output. Severity comes from the rule's doc unless overridden (a rule set
 * to {@code off} is not run at all); the engine, not the rule, attaches id, severity and identity.
 */
public final class Linter {
    private final RuleCatalog catalog;
    private final Map<String, Severity> overrides;
    private final boolean fingerprints;
    /** The policy rules that run, with their severities, fixed once: lint() runs per document. */
    private final List<Running> policyRules;

    private record Running(RuleCatalog.Entry entry, PolicyRule rule, Severity severity) {}

    public Linter(RuleCatalog catalog, Map<String, Severity> overrides) {
        this(catalog, overrides, true);
    }

    /** @param fingerprints whether findings get their identities (see {@link LintRun.Options#fingerprints}) */
    public Linter(RuleCatalog catalog, Map<String, Severity> overrides, boolean fingerprints) {
        this.catalog = catalog;
        this.overrides = Map.copyOf(overrides);
        this.fingerprints = fingerprints;
        List<Running> rules = new ArrayList<>();
        for (RuleCatalog.Entry e : catalog.entries()) {
            Severity severity = severityOf(e);
            if (severity == Severity.OFF || !(e.rule() instanceof PolicyRule rule)) continue;
            rules.add(new Running(e, rule, severity));
        }
        this.policyRules = List.copyOf(rules);
    }

    /** Every rule id of the catalogue, including rules set to off. */
    public List<String> ruleIds() {
        return catalog.ids();
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

    /** The policy rules over one document. */
    public List<Finding> lint(PolicyFile file, Dialect dialect, Evaluator evaluator) {
        List<Finding> findings = new ArrayList<>();
        Fingerprints fingerprints = new Fingerprints(this.fingerprints);
        Optional<Node> root = file.policy().isPresent() ? Optional.of(file.policy().get().root()) : Optional.empty();
        // One context for the document; each rule's reports are those it added (no context and
        // iterator per rule and document: 270,000 of each on 10,000 policies).
        PolicyContext ctx = new PolicyContext(file, dialect, evaluator);
        List<PolicyContext.Report> reports = ctx.reports();
        for (int i = 0; i < policyRules.size(); i++) {
            RuleCatalog.Entry e = policyRules.get(i).entry();
            Severity severity = policyRules.get(i).severity();
            int before = reports.size();
            policyRules.get(i).rule().check(ctx);
            for (int k = before; k < reports.size(); k++) {
                PolicyContext.Report r = reports.get(k);
                findings.add(new Finding(e.meta().id(), severity, new Location(file.file(), r.span(), r.pointer()),
                        r.message(), r.related(), fingerprints.of(e.meta().id(), file.file(), root, r.pointer(), r.message())));
            }
        }
        findings.sort(Finding.ORDER);
        return findings;
    }

    /**
     * The inventory rules, in one of two phases: before exceptions are applied (every rule but
     * those that judge exceptions) or after (those alone, with {@link InventoryContext#exceptionUses()} set).
     *
     * @param roots the parsed tree of each file findings may point into, for their identities
     */
    public List<Finding> lintInventory(InventoryContext ctx, boolean judgingExceptions, Map<String, Node> roots) {
        List<RuleCatalog.Entry> rules = new ArrayList<>();
        for (RuleCatalog.Entry e : catalog.entries()) {
            if (severityOf(e) == Severity.OFF || !(e.rule() instanceof InventoryRule rule)) continue;
            if (rule.judgesExceptions() == judgingExceptions) rules.add(e);
        }
        List<List<Finding>> byRule = new ArrayList<>(java.util.Collections.nCopies(rules.size(), List.of()));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        // Each thread takes the next rule not yet taken, with its own context (evaluator, access
        // maps, reports) and identities; every rule's findings depend on that rule alone, so the
        // result is the same whichever thread ran it. Small inventories stay on this thread.
        Runnable worker = workerFor(ctx, rules, byRule, next, roots);
        if (rules.size() > 1 && ctx.inventory().components().size() >= PARALLEL_FROM_COMPONENTS
                && Runtime.getRuntime().availableProcessors() > 1) {
            java.util.concurrent.FutureTask<Void> other = new java.util.concurrent.FutureTask<>(workerFor(ctx.fork(), rules, byRule, next, roots), null);
            Parallel.daemon("bucketscope-inventory-rules").execute(other);
            worker.run();
            Parallel.take(other);
        } else {
            worker.run();
        }
        List<Finding> findings = new ArrayList<>();
        for (List<Finding> f : byRule) findings.addAll(f);
        return findings;
    }

    /** Inventories from this size have their rules run on two threads (below it a thread costs more than it saves). */
    private static final int PARALLEL_FROM_COMPONENTS = 64;

    private Runnable workerFor(InventoryContext ctx, List<RuleCatalog.Entry> rules, List<List<Finding>> byRule,
                               java.util.concurrent.atomic.AtomicInteger next, Map<String, Node> roots) {
        return () -> {
            Fingerprints fingerprints = new Fingerprints(this.fingerprints);
            for (int i = next.getAndIncrement(); i < rules.size(); i = next.getAndIncrement()) {
                RuleCatalog.Entry e = rules.get(i);
                Severity severity = severityOf(e);
                int before = ctx.reports().size();
                ((InventoryRule) e.rule()).check(ctx);
                List<InventoryContext.Report> reports = ctx.reports();
                List<Finding> findings = new ArrayList<>(reports.size() - before);
                // Each report in a method C1 compiles: a rule's reports (8,000 for unowned-policy on a
                // large repository) were turns of a loop run once per rule, left to the interpreter.
                for (int k = before; k < reports.size(); k++) findings.add(finding(e, severity, reports.get(k), fingerprints, roots));
                synchronized (byRule) {
                    byRule.set(i, findings);
                }
                Timings.mark("rule " + e.meta().id() + " (" + findings.size() + " findings)");
            }
        };
    }

    /** A report of an inventory or probe rule as a finding, with its identity and the severity it may have. */
    private static Finding finding(RuleCatalog.Entry e, Severity severity, InventoryContext.Report r, Fingerprints fingerprints,
                                   Map<String, Node> roots) {
        String component = r.component().isPresent() ? r.component().get().id() : "";
        Location l = r.location();
        String fp = fingerprints.of(e.meta().id(), l.file(), component, Optional.ofNullable(roots.get(l.file())), l.pointer(), r.message());
        // A report may ask to be less severe than its rule, never more.
        return new Finding(e.meta().id(), atMost(r, severity), l, r.message(), r.related(), fp, component, Optional.empty());
    }

    /** The report's severity: its rule's, or the cap it asks for when that is less severe (not a lambda per finding: see PolicyRule). */
    private static Severity atMost(InventoryContext.Report r, Severity severity) {
        Optional<Severity> cap = r.atMost();
        return cap.isPresent() && cap.get() != Severity.OFF && cap.get().ordinal() > severity.ordinal() ? cap.get() : severity;
    }

    /**
     * The probe rules over recorded observations. {@link #lint} and {@link #lintInventory} never run
     * them: a rule of this kind needs what only {@code probe} observes.
     */
    public List<Finding> lintProbe(ProbeContext ctx, Map<String, Node> roots) {
        List<Finding> findings = new ArrayList<>();
        Fingerprints fingerprints = new Fingerprints(this.fingerprints);
        for (RuleCatalog.Entry e : catalog.entries()) {
            Severity severity = severityOf(e);
            if (severity == Severity.OFF || !(e.rule() instanceof ProbeRule rule)) continue;
            int before = ctx.reports().size();
            rule.check(ctx);
            List<InventoryContext.Report> reports = ctx.reports();
            for (int k = before; k < reports.size(); k++) findings.add(finding(e, severity, reports.get(k), fingerprints, roots));
        }
        findings.sort(Finding.ORDER);
        return findings;
    }
}
