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
     * Findings come in catalogue order, each rule's in the order it reported them (a
     * {@link ComponentRule}'s: component by component, in inventory order), whatever the threads.
     *
     * @param roots the parsed tree of each file findings may point into, for their identities
     */
    public List<Finding> lintInventory(InventoryContext ctx, boolean judgingExceptions, Map<String, Node> roots) {
        List<RuleCatalog.Entry> rules = new ArrayList<>();
        for (RuleCatalog.Entry e : catalog.entries()) {
            if (severityOf(e) == Severity.OFF || !(e.rule() instanceof InventoryRule rule)) continue;
            if (rule.judgesExceptions() == judgingExceptions) rules.add(e);
        }
        List<Component> concerned = new ArrayList<>();
        for (Component c : ctx.inventory().components()) if (ctx.concerns(c)) concerned.add(c);
        InventoryWork work = new InventoryWork(this, rules, concerned, roots);
        // Two threads take work items (a whole rule, or a run of components for every component
        // rule) as they come free, each with its own context (evaluator, access maps, reports)
        // and identities; every finding depends on its rule and component alone, so the result is
        // the same whichever thread made it. Small inventories stay on this thread.
        java.util.concurrent.FutureTask<Void> other = null;
        if (work.items() > 1 && ctx.inventory().components().size() >= PARALLEL_FROM_COMPONENTS
                && Runtime.getRuntime().availableProcessors() > 1) {
            // started first: it takes the rules run whole while this thread prepares
            other = new java.util.concurrent.FutureTask<>(work.worker(ctx.fork()), null);
            Parallel.daemon("bucketscope-inventory-rules").execute(other);
        }
        work.prepare(ctx);
        work.worker(ctx).run();
        if (other != null) Parallel.take(other);
        List<Finding> findings = work.findings();
        Timings.mark(judgingExceptions ? "rules judging exceptions" : "inventory rules");
        return findings;
    }

    /** Inventories from this size have their rules run on two threads (below it a thread costs more than it saves). */
    private static final int PARALLEL_FROM_COMPONENTS = 64;

    /**
     * One phase of inventory rules as work items for {@link #lintInventory}: first each rule that
     * is not a {@link ComponentRule}, whole; then runs of {@link #SHARE} components, each checked
     * by every component rule before the next (so that the component's access map, made by the
     * first rule that asks, serves the others, and is dropped after the last).
     */
    private static final class InventoryWork {
        /** Components per work item: small enough for both threads to end together, large enough that handing out costs nothing. */
        private static final int SHARE = 16;
        private final Linter linter;
        private final List<RuleCatalog.Entry> rules;
        private final List<Component> components;
        private final Map<String, Node> roots;
        /** Indexes in {@code rules}: the rules run whole, and the component rules. */
        private final int[] whole;
        private final int[] perComponent;
        private final int shares;
        private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        /** What each component rule prepared; chunks wait for it, whole rules need not. */
        private final Object[] prepared;
        private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        private volatile RuntimeException preparing;
        /** Findings of each whole rule (by its index in {@code rules}), and of each share by component rule. */
        private final List<List<Finding>> byRule;
        private final List<Finding>[][] byShare;
        /** Nanoseconds each rule took, summed over threads (only when timings are on). */
        private final long[] nanos;

        @SuppressWarnings("unchecked")
        InventoryWork(Linter linter, List<RuleCatalog.Entry> rules, List<Component> components, Map<String, Node> roots) {
            this.linter = linter;
            this.rules = rules;
            this.components = components;
            this.roots = roots;
            int n = 0;
            for (RuleCatalog.Entry e : rules) if (e.rule() instanceof ComponentRule) n++;
            perComponent = new int[n];
            whole = new int[rules.size() - n];
            for (int i = 0, w = 0, c = 0; i < rules.size(); i++) {
                if (rules.get(i).rule() instanceof ComponentRule) perComponent[c++] = i;
                else whole[w++] = i;
            }
            shares = n == 0 ? 0 : (components.size() + SHARE - 1) / SHARE;
            prepared = new Object[rules.size()];
            byRule = new ArrayList<>(java.util.Collections.nCopies(rules.size(), List.of()));
            byShare = new List[shares][n];
            nanos = new long[rules.size()];
        }

        int items() {
            return whole.length + shares;
        }

        /** What the component rules need of the whole inventory, made before any share is checked. */
        void prepare(InventoryContext ctx) {
            try {
                for (int i : perComponent) prepared[i] = ((ComponentRule<?>) rules.get(i).rule()).prepare(ctx);
            } catch (RuntimeException e) {
                preparing = e;
                throw e;
            } finally {
                ready.countDown();
            }
        }

        Runnable worker(InventoryContext ctx) {
            return new Worker(this, ctx);
        }

        /** A class, not a lambda: see PolicyRule. */
        private record Worker(InventoryWork work, InventoryContext ctx) implements Runnable {
            @Override
            public void run() {
                Fingerprints fingerprints = new Fingerprints(work.linter.fingerprints);
                for (int item = work.next.getAndIncrement(); item < work.items(); item = work.next.getAndIncrement()) {
                    if (item < work.whole.length) work.whole(ctx, work.whole[item], fingerprints);
                    else work.share(ctx, item - work.whole.length, fingerprints);
                }
            }
        }

        private void whole(InventoryContext ctx, int i, Fingerprints fingerprints) {
            boolean timed = Timings.on();
            long start = timed ? System.nanoTime() : 0;
            RuleCatalog.Entry e = rules.get(i);
            int before = ctx.reports().size();
            ((InventoryRule) e.rule()).check(ctx);
            List<Finding> findings = findings(ctx, e, before, fingerprints);
            synchronized (this) {
                byRule.set(i, findings);
                if (timed) nanos[i] += System.nanoTime() - start;
            }
        }

        @SuppressWarnings("unchecked")
        private void share(InventoryContext ctx, int s, Fingerprints fingerprints) {
            await();
            boolean timed = Timings.on();
            long[] took = new long[perComponent.length];
            List<Finding>[] out = new List[perComponent.length];
            for (int k = 0; k < perComponent.length; k++) out[k] = new ArrayList<>();
            int end = Math.min(components.size(), (s + 1) * SHARE);
            for (int ci = s * SHARE; ci < end; ci++) {
                Component c = components.get(ci);
                for (int k = 0; k < perComponent.length; k++) {
                    long start = timed ? System.nanoTime() : 0;
                    RuleCatalog.Entry e = rules.get(perComponent[k]);
                    int before = ctx.reports().size();
                    ((ComponentRule<Object>) e.rule()).check(ctx, c, prepared[perComponent[k]]);
                    out[k].addAll(findings(ctx, e, before, fingerprints));
                    if (timed) took[k] += System.nanoTime() - start;
                }
                ctx.forget(c); // its access map and patterns die young: no later rule asks for them
            }
            synchronized (this) {
                byShare[s] = out;
                for (int k = 0; k < perComponent.length; k++) nanos[perComponent[k]] += took[k];
            }
        }

        /** The reports a rule added to this thread's context since {@code before}, as findings. */
        private List<Finding> findings(InventoryContext ctx, RuleCatalog.Entry e, int before, Fingerprints fingerprints) {
            Severity severity = linter.severityOf(e);
            List<InventoryContext.Report> reports = ctx.reports();
            List<Finding> findings = new ArrayList<>(reports.size() - before);
            // Each report in a method C1 compiles: a rule's reports (8,000 for unowned-policy on a
            // large repository) were turns of a loop run once per rule, left to the interpreter.
            for (int k = before; k < reports.size(); k++) findings.add(finding(e, severity, reports.get(k), fingerprints, roots));
            return findings;
        }

        private void await() {
            try {
                ready.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the inventory rules were prepared", e);
            }
            if (preparing != null) throw preparing;
        }

        /** Every finding, in catalogue order; each component rule's share by share. */
        synchronized List<Finding> findings() {
            List<Finding> out = new ArrayList<>();
            int k = 0;
            for (int i = 0; i < rules.size(); i++) {
                int before = out.size();
                if (k < perComponent.length && perComponent[k] == i) {
                    for (int s = 0; s < shares; s++) out.addAll(byShare[s][k]);
                    k++;
                } else {
                    out.addAll(byRule.get(i));
                }
                Timings.took("rule " + rules.get(i).meta().id() + " (" + (out.size() - before) + " findings)", nanos[i]);
            }
            return out;
        }
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
