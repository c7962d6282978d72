package dev.bucketscope.core;

import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.eval.AccessMap;
import dev.bucketscope.eval.BucketNames;
import dev.bucketscope.eval.Evaluator;
import dev.bucketscope.glob.Glob;
import dev.bucketscope.inventory.AcceptedException;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.inventory.CredentialsFile;
import dev.bucketscope.inventory.Inventory;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.source.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an inventory rule sees: the inventory, each component's policy (when it could be read),
 * every policy file of the run, the credentials file, the dialect, today's date, and how the
 * inventory's exceptions were used. Reports are attributed to a component, so the engine can
 * attach the component's inventory entry and apply exceptions.
 */
public final class InventoryContext {
    private final Inventory inventory;
    private final Map<String, PolicyFile> policies;
    private final Map<String, String> policyNames;
    private final List<Linted> policyFiles;
    private final Optional<CredentialsFile> credentials;
    private final Dialect dialect;
    private final Evaluator evaluator;
    private final LocalDate today;
    private final Map<String, AccessMap> access = new HashMap<>();
    private final Map<String, List<BucketNames.Reach>> allowed = new HashMap<>();
    private final Map<String, Glob> globs = new HashMap<>();
    private final List<Report> reports = new ArrayList<>();
    private final Map<String, String> fileProblems;
    private Set<String> concerned; // null: every component
    private Map<AcceptedException, ExceptionUse> exceptionUses = Map.of();
    private Set<String> knownRuleIds = Set.of();

    /**
     * What a rule said; the engine turns it into a {@link Finding}.
     *
     * @param atMost the most severe this finding may be: the engine reports it at the rule's severity
     *               or this, whichever is less severe (a rule whose findings differ in weight, such as
     *               an unused exception being only a note)
     */
    public record Report(Location location, String message, Optional<Component> component, List<Finding.Related> related,
                         Optional<Severity> atMost) {
        public Report(Location location, String message, Optional<Component> component, List<Finding.Related> related) {
            this(location, message, component, related, Optional.empty());
        }
    }

    /** A policy file of the run as inventory rules see it: its name and where its document starts. */
    public record Linted(String file, Span start) {
        // No lambda, here and in a few other places every file or component passes: a lambda
        // whose class the launcher's archive lacks is spun at run time, by the JDK's bytecode
        // library running in the interpreter. The archive (JDK 17, dynamic) never held this one
        // (nor PrefixIndex.Builder's), and in some runs others were spun again when two worker
        // threads linked them at once (-Xlog:class+load shows the classes not from the archive).
        public static Linted of(PolicyFile f) {
            return new Linted(f.file(), f.policy().isPresent() ? f.policy().get().root().span() : Span.point(1, 1));
        }
    }

    /** How an exception fared in this run. */
    public enum ExceptionUse { USED, UNUSED, STATEMENT_CHANGED, STATEMENT_MISSING }

    /**
     * @param fileProblems why a referenced file was not read, keyed by component name (its policy)
     *                     or {@link #CREDENTIALS} (the credentials file): missing, outside the tree, not a policy
     */
    public InventoryContext(Inventory inventory, Map<String, PolicyFile> policies, Map<String, String> policyNames,
                            List<Linted> policyFiles, Optional<CredentialsFile> credentials, Map<String, String> fileProblems,
                            Dialect dialect, Evaluator evaluator, LocalDate today) {
        this.fileProblems = Map.copyOf(fileProblems);
        this.inventory = inventory;
        // HashMaps that are never changed, not Map.copyOf: every component rule asks them, for
        // 2,000 components, and the immutable map calls equals on each slot it probes, where a
        // HashMap compares the cached hashes first (9 ms of CPU a run against 3 over 10,000 policies).
        this.policies = new HashMap<>(policies);
        this.policyNames = new HashMap<>(policyNames);
        this.policyFiles = List.copyOf(policyFiles);
        this.credentials = credentials;
        this.dialect = dialect;
        this.evaluator = evaluator;
        this.today = today;
    }

    /**
     * A context over the same inputs for another thread: its own evaluator, access maps and
     * reports (none of which may be shared), the same exception uses and rule ids.
     */
    InventoryContext fork() {
        InventoryContext f = new InventoryContext(inventory, policies, policyNames, policyFiles, credentials, fileProblems, dialect,
                new Evaluator(dialect), today);
        f.exceptionUses = exceptionUses;
        f.knownRuleIds = knownRuleIds;
        f.concerned = concerned;
        return f;
    }

    /**
     * Whether the run keeps findings about this component. All are kept, except when a commit hook
     * passes some policy files: then those of the components owning them ({@code LintRun.focus}).
     * A rule that looks at one component at a time, and reports only about it, skips the others.
     */
    public boolean concerns(Component c) {
        return concerned == null || concerned.contains(c.id());
    }

    /** Keeps findings about these components only (by id); see {@link #concerns}. */
    void concernOnly(Set<String> componentIds) {
        this.concerned = Set.copyOf(componentIds);
    }

    /** Key of {@link #fileProblem} for the credentials file. */
    public static final String CREDENTIALS = "\u0000credentials";

    /** Why the file a component (or the credentials entry) points at was not read, if it was not. */
    public Optional<String> fileProblem(String key) {
        return Optional.ofNullable(fileProblems.get(key));
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

    public LocalDate today() {
        return today;
    }

    /** The component's policy as read, when its file exists inside the tree. */
    public Optional<PolicyFile> policy(Component c) {
        return Optional.ofNullable(policies.get(c.id()));
    }

    /**
     * The file name (display path) the component's policy is read as, also when this run did not
     * read it (a commit hook reads only the policies of the components it reports on).
     */
    public Optional<String> policyName(Component c) {
        return Optional.ofNullable(policyNames.get(c.id()));
    }

    /** Every policy file of the run (Markdown blocks excluded: no component owns documentation). */
    public List<Linted> policyFiles() {
        return policyFiles;
    }

    public Optional<CredentialsFile> credentials() {
        return credentials;
    }

    /** The credentials file when it was read well enough to judge its keys (see {@link CredentialsFile#readable}). */
    public Optional<CredentialsFile> readableCredentials() {
        return credentials.isPresent() && credentials.get().readable() ? credentials : Optional.empty();
    }

    /** What the component's policy grants, per bucket and capability (computed once per component). */
    public Optional<AccessMap> access(Component c) {
        // Asked per component by several rules: no capturing lambda (see PolicyRule).
        AccessMap known = access.get(c.id());
        if (known != null) return Optional.of(known);
        PolicyFile file = policies.get(c.id());
        if (file == null || file.policy().isEmpty()) return Optional.empty();
        AccessMap made = new AccessMap(evaluator, List.of(file.policy().get()));
        access.put(c.id(), made);
        return Optional.of(made);
    }

    /**
     * The Allow Resource values of the component's policy with their bucket patterns
     * ({@link BucketNames#allowed}), made once per component: scope-drift, undeclared-bucket and
     * cross-component-access each ask for every component. Empty when its policy was not read.
     */
    public List<BucketNames.Reach> allowedBuckets(Component c) {
        List<BucketNames.Reach> known = allowed.get(c.id());
        if (known != null) return known;
        PolicyFile file = policies.get(c.id());
        if (file == null || file.policy().isEmpty()) return List.of();
        List<BucketNames.Reach> made = List.copyOf(BucketNames.allowed(file.policy().get(), dialect));
        allowed.put(c.id(), made);
        return made;
    }

    /**
     * Forgets what was made for this component ({@link #access}, {@link #allowedBuckets}): the
     * engine calls it once every component rule has checked the component, so that the maps die
     * young rather than live through the phase's collections.
     */
    void forget(Component c) {
        access.remove(c.id());
        allowed.remove(c.id());
    }

    /**
     * The pattern compiled once for this context (a rule comparing every component's policy with
     * the same few scopes); like the evaluator, a context's globs belong to one thread.
     */
    public Glob glob(String pattern) {
        return Glob.of(pattern, globs);
    }

    /** How each exception was used; filled in before rules that judge exceptions run. */
    public Map<AcceptedException, ExceptionUse> exceptionUses() {
        return exceptionUses;
    }

    void exceptionUses(Map<AcceptedException, ExceptionUse> uses) {
        this.exceptionUses = Map.copyOf(uses);
    }

    /** Every rule id the catalogue knows, run or not (a rule set to off is still known). */
    public Set<String> knownRuleIds() {
        return knownRuleIds;
    }

    void knownRuleIds(Set<String> ids) {
        this.knownRuleIds = Set.copyOf(ids);
    }

    /** A finding in the inventory file itself. */
    public void reportInventory(Span span, String pointer, String message, Optional<Component> component) {
        reports.add(new Report(new Location(inventory.file(), span, pointer), message, component, List.of()));
    }

    /** A finding in the inventory file that is at most {@code atMost} severe, whatever the rule's severity. */
    public void reportInventory(Span span, String pointer, String message, Optional<Component> component, Severity atMost) {
        reports.add(new Report(new Location(inventory.file(), span, pointer), message, component, List.of(), Optional.of(atMost)));
    }

    /** A finding in a policy file that belongs to no component. */
    public void reportUnowned(String file, Span span, String pointer, String message) {
        reports.add(new Report(new Location(file, span, pointer), message, Optional.empty(), List.of()));
    }

    /** A finding in another file (a policy, the credentials file) about a component. */
    public void report(String file, Span span, String pointer, String message, Component component,
                       List<Finding.Related> related) {
        reports.add(new Report(new Location(file, span, pointer), message, Optional.of(component), related));
    }

    /** A related location in the inventory. */
    public Finding.Related relatedInInventory(Span span, String pointer, String message) {
        return new Finding.Related(new Location(inventory.file(), span, pointer), message);
    }

    public Finding.Related related(String file, Span span, String pointer, String message) {
        return new Finding.Related(new Location(file, span, pointer), message);
    }

    List<Report> reports() {
        return reports;
    }
}
