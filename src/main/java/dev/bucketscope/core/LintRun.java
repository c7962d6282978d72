package dev.bucketscope.core;

import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.dialect.UnknownDialectException;
import dev.bucketscope.eval.Evaluator;
import dev.bucketscope.inventory.AcceptedException;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.inventory.CredentialsFile;
import dev.bucketscope.inventory.Inventory;
import dev.bucketscope.inventory.InventoryPrescan;
import dev.bucketscope.inventory.InventoryReader;
import dev.bucketscope.inventory.SchemaPasses;
import dev.bucketscope.policy.CanonicalForm;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.policy.Statement;
import dev.bucketscope.scan.PolicyLoader;
import dev.bucketscope.scan.PolicySources;
import dev.bucketscope.source.Node;
import dev.bucketscope.source.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.FutureTask;

/**
 * One lint run, from paths to sorted findings: find and read the policies, read the inventory
 * and the credentials file, run the policy rules and the inventory rules, attribute findings to
 * components, apply the inventory's exceptions and the baseline. The command line only parses
 * options into {@link Options} and renders the {@link Result}.
 */
public final class LintRun {
    public static final String INVENTORY_NAME = "bucketscope.yaml";

    private LintRun() {}

    /**
     * @param dialectName  the --dialect option when given; else the inventory's, else rustfs
     * @param baseline     fingerprints of accepted findings, already read
     * @param onlyPolicies treat named files like files found in a directory: skip what is not a
     *                     policy instead of reporting it (for hooks that pass every changed file)
     * @param schemaPasses inventory texts known to pass the schema check (see {@link SchemaPasses})
     * @param fingerprints whether findings get their identities ({@link Fingerprints}): the reports
     *                     that print them and baselines need them; a text report does not, and
     *                     on 10,000 policies computing them cost 7 % of the run. A baseline turns
     *                     them on whatever this says.
     */
    public record Options(List<Path> paths, Path workingDir, Optional<Path> inventory, Optional<String> dialectName,
                          Map<String, Severity> severities, LocalDate today, Set<String> baseline, String baselineName,
                          boolean onlyPolicies, SchemaPasses schemaPasses, boolean fingerprints) {
        public Options(List<Path> paths, Path workingDir, Optional<Path> inventory, Optional<String> dialectName,
                       Map<String, Severity> severities, LocalDate today, Set<String> baseline, String baselineName) {
            this(paths, workingDir, inventory, dialectName, severities, today, baseline, baselineName, false, SchemaPasses.none(), true);
        }
    }

    /** @param severities the effective severity of every rule in the run (OFF = not run) */
    public record Result(Dialect dialect, int files, List<Finding> findings, List<String> notices,
                         Optional<Inventory> inventory, Map<String, Severity> severities) {}

    /** Configuration that stops the run (exit code 2): each line names the file and position. */
    public static final class ConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        public ConfigException(String message) {
            super(message, null, false, false);
        }
    }

    public static Result run(Options o, RuleCatalog catalog) throws ConfigException {
        List<Path> roots = o.paths().isEmpty() ? List.of(Path.of(".")) : o.paths();
        // The inventory is read on a second thread while the sources are found and the policies
        // linted: the two are independent, and on a large repository each takes a fifth of a
        // second or more. A commit hook's run gains too (0.94x, bench/): its cold start leaves
        // the second core mostly idle.
        // Completed as soon as the inventory tells what the policy phase needs (see below).
        Parallel.Promise<Optional<Early>> early = new Parallel.Promise<>();
        // The credentials file is read beside the policy phase too, once the inventory has named it.
        Parallel.Promise<FutureTask<CredentialsRead>> credentials = new Parallel.Promise<>();
        // Classes, not lambdas, for these tasks: see Parallel.Daemon.
        FutureTask<Optional<Inventory>> reading = new FutureTask<>(new Reading(o, roots, early, credentials));
        Parallel.daemon("bucketscope-inventory").execute(reading);
        PolicySources.Found found = PolicySources.find(roots, o.workingDir());
        if (o.onlyPolicies()) found = found.withoutExplicitFiles();
        Timings.mark("find sources");
        List<String> notices = new ArrayList<>();
        for (PolicySources.Skipped s : found.skipped()) notices.add(s.displayPath() + ": " + s.reason());
        if (!anyExists(roots, o.workingDir())) throw new ConfigException(String.join("\n", notices));

        // The policy phase needs the dialect and which files the components own. It starts as soon
        // as the inventory's lines tell them (InventoryPrescan, for a plainly written inventory),
        // while the reader parses it and checks it against the schema (on a large inventory,
        // longer than the walk). The rules then run at the command line's severities; the
        // inventory's are applied once it is read. If the inventory fails, the run stops as it
        // always did; if its dialect turns out to differ from the one the phase started with, the
        // policies are linted again. An inventory the prescan cannot read is waited for.
        PolicyPhase phase = null;
        Optional<Early> start = Parallel.take(early, ConfigException.class);
        if (start.isPresent()) {
            phase = policyPhase(found, start.get().dialect(), new Linter(catalog, o.severities(), fingerprints(o)), start.get().wanted());
        }
        Optional<Inventory> inventory = Parallel.take(reading, ConfigException.class);
        Timings.mark("read inventory");
        Dialect dialect = dialect(o, inventory);
        Map<String, Severity> severities = severities(o, inventory, catalog);
        Linter linter = new Linter(catalog, severities, fingerprints(o));
        Evaluator evaluator = new Evaluator(dialect);
        if (phase == null || !phase.dialect().id().equals(dialect.id())) {
            phase = policyPhase(found, dialect, linter, inventory.isPresent() ? componentPaths(inventory.get()) : Wanted.NONE);
        } else {
            phase = phase.atSeverities(linter, catalog);
        }

        List<Finding> findings = phase.findings();
        if (inventory.isPresent()) {
            Inventory inv = inventory.get();
            CredentialsRead creds = Parallel.take(Parallel.take(credentials), ConfigException.class);
            Optional<Focus> focus = focus(roots, o, inv);
            findings = inventoryPhase(inv, o, phase.linted(), phase.byPath(), phase.realOf(), findings, linter, dialect, evaluator, creds,
                    focus);
            if (focus.isPresent()) {
                List<Finding> kept = new ArrayList<>();
                for (Finding f : findings) if (focus.get().keeps(f)) kept.add(f);
                findings = kept;
            }
        }
        findings = baseline(findings, o);
        Parallel.sort(findings, Finding.ORDER);
        Timings.mark("baseline and sort");
        Map<String, Severity> effective = new LinkedHashMap<>();
        for (RuleCatalog.Entry e : catalog.entries()) effective.put(e.meta().id(), linter.severityOf(e));
        return new Result(dialect, phase.files(), findings, notices, inventory, effective);
    }

    /** What the policy phase can start with before the inventory is checked. */
    private record Early(Dialect dialect, Wanted wanted) {}

    /**
     * The inventory thread's task: reads the inventory (completing {@code early} from its lines
     * when it can), then starts reading the credentials file it names.
     */
    private record Reading(Options o, List<Path> roots, Parallel.Promise<Optional<Early>> early,
                           Parallel.Promise<FutureTask<CredentialsRead>> credentials)
            implements java.util.concurrent.Callable<Optional<Inventory>> {
        @Override
        public Optional<Inventory> call() throws ConfigException {
            try {
                Optional<Inventory> inv = inventory(o, roots, early);
                if (inv.isPresent()) {
                    FutureTask<CredentialsRead> read = new FutureTask<>(new CredentialsReading(inv.get(), o));
                    Parallel.daemon("bucketscope-credentials").execute(read);
                    credentials.complete(read);
                }
                return inv;
            } finally {
                early.complete(Optional.empty()); // no inventory, or not plain: nothing was started early
            }
        }
    }

    /** The credentials thread's task. */
    private record CredentialsReading(Inventory inv, Options o) implements java.util.concurrent.Callable<CredentialsRead> {
        @Override
        public CredentialsRead call() {
            return readCredentials(inv, o);
        }
    }

    /**
     * Completes {@code early} from the inventory's lines when they are plain enough to read that
     * way; otherwise (or on a doubt, such as an unknown dialect) the run waits for the inventory,
     * and reports what is wrong with it.
     */
    private static java.util.function.Consumer<String> prescan(Options o, Path dir, Parallel.Promise<Optional<Early>> early) {
        return new Prescan(o, dir, early);
    }

    /** {@link #prescan}'s consumer of the inventory's text (a class: see Parallel.Daemon). */
    private record Prescan(Options o, Path dir, Parallel.Promise<Optional<Early>> promise) implements java.util.function.Consumer<String> {
        @Override
        public void accept(String text) {
            if (promise.isDone()) return; // nobody waits (another command)
            Optional<InventoryPrescan> p = InventoryPrescan.of(text);
            Optional<Early> e = p.isPresent() ? early(o, p.get().dialect(), dir, p.get().policies()) : Optional.empty();
            if (e.isPresent()) promise.complete(e);
        }
    }

    /** The command line's dialect, else the one named (the default when none is), with the component policies. */
    private static Optional<Early> early(Options o, Optional<String> named, Path dir, List<String> policies) {
        try {
            Dialect dialect = o.dialectName().isPresent() ? Dialect.parse(o.dialectName().get())
                    : named.isPresent() ? Dialect.parse(named.get()) : Dialect.defaultDialect();
            return Optional.of(new Early(dialect, wanted(dir, policies)));
        } catch (UnknownDialectException e) {
            return Optional.empty();
        }
    }

    /** What the policy phase leaves for the rest of the run. */
    private record PolicyPhase(Dialect dialect, int files, List<InventoryContext.Linted> linted, Map<Path, PolicyFile> byPath,
                               List<Finding> findings, Map<Path, Path> realOf) {
        /** The findings at the severities of {@code linter}, without those of rules it turns off. */
        PolicyPhase atSeverities(Linter linter, RuleCatalog catalog) {
            List<Finding> out = new ArrayList<>(findings.size());
            // A run of findings per call: see Finding#RUN.
            for (int from = 0; from < findings.size(); from += Finding.RUN) {
                atSeverities(findings, from, Math.min(findings.size(), from + Finding.RUN), linter, catalog, out);
            }
            return new PolicyPhase(dialect, files, linted, byPath, out, realOf);
        }

        private static void atSeverities(List<Finding> findings, int from, int to, Linter linter, RuleCatalog catalog, List<Finding> out) {
            for (int i = from; i < to; i++) {
                Finding f = findings.get(i);
                Severity s = linter.severityOf(catalog.find(f.ruleId()).orElseThrow());
                if (s == Severity.OFF) continue;
                out.add(s == f.severity() ? f : f.at(s));
            }
        }
    }

    /**
     * Files are read and linted on all cores; results are taken in discovery order, so the run
     * is the same whatever the parallelism. Only component policies (for the inventory phase)
     * are kept whole; of the other files, the name and start position (for unowned-policy).
     */
    private static PolicyPhase policyPhase(PolicySources.Found found, Dialect dialect, Linter linter, Wanted wanted) {
        Gathered g = new Gathered(found.sources().size());
        Parallel.forEachInOrder(found.sources(), new Load(dialect, linter, wanted), g);
        Timings.mark("read and lint policies");
        return new PolicyPhase(dialect, g.files, g.linted, g.byPath, g.findings, wanted.realOf());
    }

    /** {@link #load} of each source, for the workers (a class: see Parallel.Daemon). */
    private record Load(Dialect dialect, Linter linter, Wanted wanted) implements java.util.function.Function<PolicySources.Source, Loaded> {
        @Override
        public Loaded apply(PolicySources.Source s) {
            return load(s, dialect, linter, wanted);
        }
    }

    /** What the policy phase keeps of each file's {@link Loaded}, taken in discovery order. */
    private static final class Gathered implements java.util.function.Consumer<Loaded> {
        int files;
        final List<InventoryContext.Linted> linted;
        final Map<Path, PolicyFile> byPath = new HashMap<>();
        final List<Finding> findings = new ArrayList<>();

        Gathered(int sources) {
            linted = new ArrayList<>(sources);
        }

        @Override
        public void accept(Loaded l) {
            files += l.documents();
            linted.addAll(l.linted());
            if (l.kept() != null) keep(l.real(), l.kept());
            findings.addAll(l.findings());
        }

        /**
         * Two files that are one (a link beside its target) give the component the document
         * found under the greater display path, whichever the walk found first: files come in the
         * file system's order (see PolicySources), and the document's name is in its findings.
         */
        private void keep(Path real, PolicyFile doc) {
            PolicyFile known = byPath.get(real);
            if (known == null || known.file().compareTo(doc.file()) < 0) byPath.put(real, doc);
        }
    }

    /** What the run keeps of one source: its policy findings, and the document when a component owns it. */
    private record Loaded(int documents, List<InventoryContext.Linted> linted, Path real, PolicyFile kept, List<Finding> findings) {}

    private static Loaded load(PolicySources.Source s, Dialect dialect, Linter linter, Wanted wanted) {
        List<PolicyFile> docs = PolicyLoader.load(s, dialect);
        Evaluator evaluator = new Evaluator(dialect); // one per file: its glob cache is not shared between threads
        List<Finding> findings;
        List<InventoryContext.Linted> linted;
        if (docs.size() == 1) { // the usual file: its own lists, no copies
            PolicyFile d = docs.get(0);
            findings = linter.lint(d, dialect, evaluator);
            linted = PolicySources.isMarkdown(d.file()) ? List.of() : List.of(InventoryContext.Linted.of(d));
        } else {
            findings = new ArrayList<>();
            linted = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                PolicyFile d = docs.get(i);
                findings.addAll(linter.lint(d, dialect, evaluator));
                if (!PolicySources.isMarkdown(d.file())) linted.add(InventoryContext.Linted.of(d));
            }
        }
        // Only a file named like a component policy can be one: the others are not resolved (a
        // system call per path element). A component policy missed here is read again later.
        Path real = !s.markdown() && docs.size() == 1 && wanted.names().contains(s.fileName())
                ? wanted.real(s.path()) : null;
        PolicyFile kept = real != null && wanted.paths().contains(real) ? docs.get(0) : null;
        return new Loaded(docs.size(), linted, real, kept, findings);
    }

    /**
     * The component policies the run keeps whole: their real paths, and their file names as given
     * and as resolved; {@code realOf} maps each given path (absolute, normalised) that resolved to
     * its real path, so that the walk's copy of it and the inventory phase do not resolve it again
     * (a system call per path element, the largest single cost of 10,000 policies after reading).
     */
    private record Wanted(Set<Path> paths, Set<String> names, Map<Path, Path> realOf) {
        static final Wanted NONE = new Wanted(Set.of(), Set.of(), Map.of());

        Path real(Path p) {
            Path known = realOf.get(p.toAbsolutePath().normalize());
            return known != null ? known : LintRun.real(p);
        }
    }

    /** The real paths of the component policies (the files the inventory phase reads again). */
    private static Wanted componentPaths(Inventory inv) {
        List<String> policies = new ArrayList<>();
        for (Component c : inv.components()) if (c.policy().isPresent()) policies.add(c.policy().get().text());
        return wanted(inv.dir(), policies);
    }

    private static Wanted wanted(Path dir, List<String> policies) {
        Set<Path> paths = new java.util.HashSet<>();
        Set<String> names = new java.util.HashSet<>();
        Map<Path, Path> realOf = new HashMap<>();
        Map<Path, Path> realDirs = new HashMap<>();
        for (int i = 0; i < policies.size(); i++) want(dir, policies.get(i), paths, names, realOf, realDirs);
        return new Wanted(paths, names, realOf);
    }

    /** One policy for {@link #wanted}: a method C1 compiles, not the body of a loop run once (see {@link #componentPolicy}). */
    private static void want(Path dir, String p, Set<Path> paths, Set<String> names, Map<Path, Path> realOf, Map<Path, Path> realDirs) {
        Path given = dir.resolve(p).toAbsolutePath().normalize();
        Path real;
        try {
            real = realPath(given, realDirs);
            realOf.put(given, real);
        } catch (IOException e) {
            real = given; // read later, where its problem is reported
        }
        paths.add(real);
        if (given.getFileName() != null) names.add(given.getFileName().toString());
        if (real.getFileName() != null) names.add(real.getFileName().toString());
    }

    /** The credentials file named by the inventory, or why it was not read. */
    private record CredentialsRead(Optional<CredentialsFile> file, Optional<String> problem) {}

    private static CredentialsRead readCredentials(Inventory inv, Options o) {
        if (inv.credentials().isEmpty()) return new CredentialsRead(Optional.empty(), Optional.empty());
        Path p = inv.dir().resolve(inv.credentials().get().file().text()).normalize();
        Optional<String> problem = inside(inv.dir(), p).problem();
        if (problem.isPresent()) return new CredentialsRead(Optional.empty(), problem);
        return new CredentialsRead(Optional.of(CredentialsFile.read(p, PolicySources.display(p, o.workingDir()))), Optional.empty());
    }

    private static List<Finding> inventoryPhase(Inventory inv, Options o, List<InventoryContext.Linted> jsonFiles, Map<Path, PolicyFile> byPath,
                                                Map<Path, Path> realOf,
                                                List<Finding> policyFindings, Linter linter, Dialect dialect,
                                                Evaluator evaluator, CredentialsRead credentialsRead, Optional<Focus> focus) {
        Map<String, String> fileProblems = new HashMap<>();
        // A commit hook's run reads the policies of the components it reports on only.
        ComponentPolicies read = componentPolicies(inv, byPath, realOf, o.workingDir(), dialect, fileProblems,
                focus.isPresent() ? focus.get().components() : null);
        Map<String, PolicyFile> policies = read.read();
        Map<String, Component> owners = new HashMap<>();
        Map<String, Node> roots = new HashMap<>();
        roots.put(inv.file(), inv.root());
        List<Component> components = inv.components();
        for (int i = 0; i < components.size(); i++) owner(components.get(i), read, owners, roots);
        Optional<CredentialsFile> credentials = credentialsRead.file();
        if (credentialsRead.problem().isPresent()) fileProblems.put(InventoryContext.CREDENTIALS, credentialsRead.problem().get());
        InventoryContext ctx = new InventoryContext(inv, policies, read.names(), jsonFiles, credentials, fileProblems, dialect, evaluator, o.today());
        Timings.mark("component policies, credentials");
        ctx.knownRuleIds(Set.copyOf(linter.ruleIds()));
        // Findings about other components would be dropped: rules need not look for them.
        if (focus.isPresent()) ctx.concernOnly(focus.get().components());

        List<Finding> all = new ArrayList<>(policyFindings.size());
        // Runs of findings per call, here and below: see Finding#RUN.
        for (int from = 0; from < policyFindings.size(); from += Finding.RUN) {
            owned(ctx, owners, policyFindings, from, Math.min(policyFindings.size(), from + Finding.RUN), all);
        }
        withEntries(ctx, linter.lintInventory(ctx, false, roots), inv, all);
        Map<AcceptedException, InventoryContext.ExceptionUse> uses = new LinkedHashMap<>();
        all = applyExceptions(all, inv, policies, o.today(), uses);
        Timings.mark("exceptions");
        ctx.exceptionUses(uses);
        withEntries(ctx, linter.lintInventory(ctx, true, roots), inv, all);
        return all;
    }

    private static void owned(InventoryContext ctx, Map<String, Component> owners, List<Finding> findings, int from, int to, List<Finding> out) {
        for (int i = from; i < to; i++) out.add(owned(ctx, owners, findings.get(i)));
    }

    /** Adds the inventory rules' findings to {@code out}, each with its component's entry (see {@link #withEntry}). */
    private static void withEntries(InventoryContext ctx, List<Finding> findings, Inventory inv, List<Finding> out) {
        for (int from = 0; from < findings.size(); from += Finding.RUN) withEntries(ctx, findings, from, Math.min(findings.size(), from + Finding.RUN), inv, out);
    }

    private static void withEntries(InventoryContext ctx, List<Finding> findings, int from, int to, Inventory inv, List<Finding> out) {
        for (int i = from; i < to; i++) out.add(withEntry(ctx, findings.get(i), inv));
    }

    /**
     * The components' policies: those read, by component id, and the file name each component's
     * policy is read as (its display path), whether read or not.
     */
    record ComponentPolicies(Map<String, PolicyFile> read, Map<String, String> names) {}

    /**
     * Each component's policy, read from inside the inventory's directory (reusing the documents
     * the run already read, and the real paths it already resolved); why a file was not read goes
     * into {@code fileProblems}. Only the components named in {@code wanted} are read (all of
     * them when it is null): the others' (in a commit hook's run, components it does not report
     * on) get their name alone, which is the display path a JSON policy is read as.
     */
    static ComponentPolicies componentPolicies(Inventory inv, Map<Path, PolicyFile> byPath, Map<Path, Path> realOf, Path workingDir,
                                               Dialect dialect, Map<String, String> fileProblems,
                                               Set<String> wanted) {
        Map<String, PolicyFile> policies = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        Path root = inv.dir().toAbsolutePath().normalize();
        Path realRoot = real(root);
        List<Component> components = inv.components();
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            if (c.policy().isPresent()) {
                componentPolicy(c, inv, root, realRoot, byPath, realOf, workingDir, dialect, wanted, policies, names, fileProblems);
            }
        }
        return new ComponentPolicies(policies, names);
    }

    /**
     * One component's policy for {@link #componentPolicies}. A method rather than the body of its
     * loop: that loop runs once, on the run's critical path, so it ran in the interpreter (C1
     * compiles a loop in place only after 30,000 turns with the launcher's flags), while this is
     * compiled after its first hundred calls.
     */
    private static void componentPolicy(Component c, Inventory inv, Path root, Path realRoot, Map<Path, PolicyFile> byPath,
                                        Map<Path, Path> realOf, Path workingDir, Dialect dialect,
                                        Set<String> wanted, Map<String, PolicyFile> policies,
                                        Map<String, String> names, Map<String, String> fileProblems) {
        Path p = inv.dir().resolve(c.policy().get().text()).normalize();
        Inside in = inside(root, realRoot, p, realOf);
        if (in.problem().isPresent()) {
            fileProblems.put(c.id(), in.problem().get());
            return;
        }
        PolicyFile f = byPath.get(in.real().orElseThrow());
        if (f == null) {
            PolicySources.Source source = new PolicySources.Source(p, PolicySources.display(p, workingDir), true);
            if (wanted != null && !wanted.contains(c.id()) && !source.markdown()) {
                // PolicyLoader reads a named JSON file as exactly one document of this name.
                names.put(c.id(), source.displayPath());
                return;
            }
            List<PolicyFile> docs = PolicyLoader.load(source, dialect);
            f = docs.isEmpty() ? null : docs.get(0);
        }
        if (f != null) {
            policies.put(c.id(), f);
            names.put(c.id(), f.file());
        }
    }

    /** The findings a run keeps: those in the given files, and those about the given components. */
    private record Focus(Set<String> files, Set<String> components) {
        boolean keeps(Finding f) {
            return files.contains(f.location().file()) || components.contains(f.component());
        }
    }

    /**
     * When only files are given (a commit hook passing the changed files), inventory findings are
     * kept for those files and for the components whose policy is among them; all of them (no
     * focus) when the inventory or the credentials file itself changed. Unchanged files do not
     * block a commit.
     */
    private static Optional<Focus> focus(List<Path> roots, Options o, Inventory inv) {
        if (!allFiles(roots, o.workingDir())) return Optional.empty();
        Set<String> given = new java.util.HashSet<>();
        for (Path r : roots) given.add(PolicySources.display(o.workingDir().resolve(r), o.workingDir()));
        if (given.contains(inv.file())) return Optional.empty();
        if (inv.credentials().isPresent()) {
            Path creds = inv.dir().resolve(inv.credentials().get().file().text()).normalize();
            if (given.contains(PolicySources.display(creds, o.workingDir()))) return Optional.empty();
        }
        Set<String> components = new java.util.HashSet<>();
        for (Component c : inv.components()) {
            if (c.policy().isEmpty()) continue;
            Path p = inv.dir().resolve(c.policy().get().text()).normalize();
            if (given.contains(PolicySources.display(p, o.workingDir()))) components.add(c.id());
        }
        return Optional.of(new Focus(given, components));
    }

    /** A component's policy file, as its owner's name and as a root for fingerprints (a method, not a loop's body: see {@link #componentPolicy}). */
    private static void owner(Component c, ComponentPolicies read, Map<String, Component> owners, Map<String, Node> roots) {
        String name = read.names().get(c.id());
        if (name != null) owners.putIfAbsent(name, c);
        PolicyFile f = read.read().get(c.id());
        if (f != null && f.policy().isPresent()) roots.put(f.policy().get().file(), f.policy().get().root());
    }

    /** A policy finding with its owner, if a component owns its file. */
    private static Finding owned(InventoryContext ctx, Map<String, Component> owners, Finding f) {
        Component owner = owners.get(f.location().file());
        return owner == null ? f : f.ofComponent(owner.id(), Optional.of(entryOf(ctx, owner)));
    }

    private static Finding.Related entryOf(InventoryContext ctx, Component c) {
        return ctx.relatedInInventory(c.name().span(), c.pointer(), "component '" + c.id() + "' in the inventory");
    }

    /** Inventory-rule findings outside the inventory file get the component's entry as related location. */
    private static Finding withEntry(InventoryContext ctx, Finding f, Inventory inv) {
        if (f.component().isEmpty() || f.location().file().equals(inv.file())) return f;
        Optional<Component> c = inv.component(f.component());
        // Per finding (10,000 and more on a whole repository): no capturing lambda, see PolicyRule.
        return c.isPresent() ? f.ofComponent(c.get().id(), Optional.of(entryOf(ctx, c.get()))) : f;
    }

    /**
     * Suppresses findings covered by a live exception; records how each exception fared. Returns
     * {@code findings} itself when the inventory has no exception, else a new list.
     */
    static List<Finding> applyExceptions(List<Finding> findings, Inventory inv, Map<String, PolicyFile> policies,
                                         LocalDate today, Map<AcceptedException, InventoryContext.ExceptionUse> uses) {
        for (AcceptedException e : inv.exceptions()) uses.put(e, InventoryContext.ExceptionUse.UNUSED);
        if (inv.exceptions().isEmpty()) return findings; // the usual case: no pass over every finding
        List<Finding> out = new ArrayList<>(findings.size());
        // Runs of findings per call: see Finding#RUN.
        for (int from = 0; from < findings.size(); from += Finding.RUN) {
            excepted(findings, from, Math.min(findings.size(), from + Finding.RUN), inv, policies, today, uses, out);
        }
        return out;
    }

    private static void excepted(List<Finding> findings, int from, int to, Inventory inv, Map<String, PolicyFile> policies, LocalDate today,
                                 Map<AcceptedException, InventoryContext.ExceptionUse> uses, List<Finding> out) {
        for (int i = from; i < to; i++) out.add(excepted(findings.get(i), inv, policies, today, uses));
    }

    /** The finding, suppressed by the first live exception that covers it; records each exception's use. */
    private static Finding excepted(Finding f, Inventory inv, Map<String, PolicyFile> policies, LocalDate today,
                                    Map<AcceptedException, InventoryContext.ExceptionUse> uses) {
        List<AcceptedException> exceptions = inv.exceptions();
        for (int k = 0; k < exceptions.size(); k++) {
            AcceptedException e = exceptions.get(k);
            if (!e.rule().text().equals(f.ruleId()) || !e.component().text().equals(f.component())) continue;
            if (e.expiryDate().isBefore(today)) continue;
            if (e.statement().isPresent()) {
                InventoryContext.ExceptionUse use = statementMatch(e, f, policies.get(e.component().text()));
                if (use != InventoryContext.ExceptionUse.USED) {
                    if (uses.get(e) == InventoryContext.ExceptionUse.UNUSED) uses.put(e, use);
                    continue;
                }
            }
            uses.put(e, InventoryContext.ExceptionUse.USED);
            return f.suppressedBy(new Suppression(Suppression.Kind.EXCEPTION, e.reason().text()));
        }
        return f;
    }

    /** Does a statement-narrowed exception cover this finding, and is its statement unchanged? */
    private static InventoryContext.ExceptionUse statementMatch(AcceptedException e, Finding f, PolicyFile policy) {
        if (policy == null || policy.policy().isEmpty()) return InventoryContext.ExceptionUse.STATEMENT_MISSING;
        Optional<Statement> st = statement(policy, e.statement().get().text());
        if (st.isEmpty()) return InventoryContext.ExceptionUse.STATEMENT_MISSING;
        if (!f.location().file().equals(policy.file())
                || !(f.location().pointer() + "/").startsWith(st.get().pointer() + "/")) {
            return InventoryContext.ExceptionUse.UNUSED;
        }
        String accepted = e.statementHash().isPresent() ? e.statementHash().get().text() : "";
        return statementHash(st.get()).equals(accepted) ? InventoryContext.ExceptionUse.USED : InventoryContext.ExceptionUse.STATEMENT_CHANGED;
    }

    /** A statement named by its Sid or its JSON pointer (plain loops: no lambda on a run's path, see Parallel.Daemon). */
    public static Optional<Statement> statement(PolicyFile policy, String ref) {
        if (policy.policy().isEmpty()) return Optional.empty();
        List<Statement> statements = policy.policy().get().statements();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            if (ref.equals(s.pointer()) || s.sid().isPresent() && s.sid().get().text().equals(ref)) return Optional.of(s);
        }
        return Optional.empty();
    }

    private static boolean fingerprints(Options o) {
        return o.fingerprints() || !o.baseline().isEmpty();
    }

    /** The hash an exception binds to: the first 12 hex digits of SHA-256 over the statement's canonical form. */
    public static String statementHash(Statement st) {
        return Fingerprints.sha256(CanonicalForm.of(st.node())).substring(0, 12);
    }

    private static List<Finding> baseline(List<Finding> findings, Options o) {
        if (o.baseline().isEmpty()) return findings;
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(!f.suppressed() && o.baseline().contains(f.fingerprint())
                    ? f.suppressedBy(new Suppression(Suppression.Kind.BASELINE, "in the baseline " + o.baselineName()))
                    : f);
        }
        return out;
    }

    /** A file the inventory names, resolved: its real path, or why it is not read. */
    private record Inside(Optional<Path> real, Optional<String> problem) {
        static Inside not(String why) {
            return new Inside(Optional.empty(), Optional.of(why));
        }
    }

    private static Inside inside(Path root, Path p) {
        return inside(root.toAbsolutePath().normalize(), real(root), p, Map.of());
    }

    /**
     * @param realRoot {@code root}'s real path, resolved once by callers that check many files
     * @param realOf   real paths already resolved, by absolute normalised path
     */
    private static Inside inside(Path root, Path realRoot, Path p, Map<Path, Path> realOf) {
        Path abs = p.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) return Inside.not("points outside the inventory's directory; not read");
        Path real = realOf.get(abs);
        if (real == null) {
            try {
                real = p.toRealPath();
            } catch (java.nio.file.NoSuchFileException e) {
                return Inside.not("does not exist");
            } catch (IOException e) {
                return Inside.not(Files.exists(p) ? "cannot be read" : "does not exist");
            }
        }
        if (!real.startsWith(realRoot)) return Inside.not("is a symlink leading outside the inventory's directory; not read");
        return new Inside(Optional.of(real), Optional.empty());
    }

    /**
     * {@code abs.toRealPath()} for an absolute normalised path, each directory resolved once: a
     * file that is not a symlink is an entry of its directory's real path. The components'
     * policies share a folder or two, and resolving a path costs a system call per element
     * (16,000 for 2,000 components; now one each).
     *
     * @param realDirs real paths of the directories met so far
     */
    static Path realPath(Path abs, Map<Path, Path> realDirs) throws IOException {
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null) return abs.toRealPath();
        // Fails as toRealPath does when the file is missing or a path element is not a directory.
        if (Files.readAttributes(abs, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                .isSymbolicLink()) {
            return abs.toRealPath();
        }
        Path realParent = realDirs.get(parent);
        if (realParent == null) {
            realParent = parent.toRealPath();
            realDirs.put(parent, realParent);
        }
        return realParent.resolve(abs.getFileName());
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Whether some of the paths exists (a loop, not a stream: see PolicyRule on lambdas). */
    private static boolean anyExists(List<Path> roots, Path workingDir) {
        for (Path r : roots) if (Files.exists(workingDir.resolve(r))) return true;
        return false;
    }

    /** Whether every path is a file (a commit hook passing files one by one). */
    private static boolean allFiles(List<Path> roots, Path workingDir) {
        for (Path r : roots) if (!Files.isRegularFile(workingDir.resolve(r))) return false;
        return true;
    }

    static Optional<Inventory> inventory(Options o, List<Path> roots) throws ConfigException {
        return inventory(o, roots, Parallel.Promise.of(Optional.empty()));
    }

    /** @param early completed, when the inventory tells, with what the policy phase may start with */
    private static Optional<Inventory> inventory(Options o, List<Path> roots, Parallel.Promise<Optional<Early>> early)
            throws ConfigException {
        Optional<Path> path = o.inventory().isPresent() ? Optional.of(o.workingDir().resolve(o.inventory().get())) : Optional.empty();
        if (path.isEmpty()) {
            for (Path r : roots) {
                Path candidate = o.workingDir().resolve(r).resolve(INVENTORY_NAME);
                if (Files.isDirectory(o.workingDir().resolve(r)) && Files.isRegularFile(candidate)) {
                    path = Optional.of(candidate);
                    break;
                }
            }
        }
        if (path.isEmpty()) {
            // Files given one by one (a commit hook): the inventory at the working directory's root.
            Path candidate = o.workingDir().resolve(INVENTORY_NAME);
            if (allFiles(roots, o.workingDir()) && Files.isRegularFile(candidate)) path = Optional.of(candidate);
        }
        if (path.isEmpty()) return Optional.empty();
        String display = PolicySources.display(path.get(), o.workingDir());
        if (!Files.isRegularFile(path.get())) throw new ConfigException(display + ": inventory not found");
        Path dir = path.get().toAbsolutePath().normalize().getParent();
        InventoryReader.Result r = InventoryReader.read(path.get(), display, prescan(o, dir, early), o.schemaPasses());
        if (r.inventory().isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (Problem p : r.problems()) {
                lines.add(display + ":" + p.span().line() + ":" + p.span().column() + ": " + p.message());
            }
            throw new ConfigException(String.join("\n", lines));
        }
        return r.inventory();
    }

    static Dialect dialect(Options o, Optional<Inventory> inv) throws ConfigException {
        try {
            if (o.dialectName().isPresent()) return Dialect.parse(o.dialectName().get());
            if (inv.isPresent() && inv.get().dialect().isPresent()) {
                var v = inv.get().dialect().get();
                try {
                    return Dialect.parse(v.text());
                } catch (UnknownDialectException e) {
                    throw new ConfigException(inv.get().file() + ":" + v.span().line() + ":" + v.span().column() + ": " + e.getMessage());
                }
            }
            return Dialect.defaultDialect();
        } catch (UnknownDialectException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static Map<String, Severity> severities(Options o, Optional<Inventory> inv, RuleCatalog catalog) throws ConfigException {
        Map<String, Severity> out = new HashMap<>();
        if (inv.isPresent()) {
            for (var e : inv.get().severities().entrySet()) {
                if (catalog.find(e.getKey()).isEmpty()) {
                    var v = e.getValue();
                    throw new ConfigException(inv.get().file() + ":" + v.span().line() + ":" + v.span().column()
                            + ": severity names unknown rule '" + e.getKey() + "'; 'bucketscope rules' lists them");
                }
                out.put(e.getKey(), Severity.parse(e.getValue().text()).orElseThrow());
            }
        }
        out.putAll(o.severities());
        return out;
    }
}
