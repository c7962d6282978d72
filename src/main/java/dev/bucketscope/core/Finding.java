package dev.bucketscope.core;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One finding: which rule, how severe, where, what. Rules supply the location and message; the
 * engine supplies the id and severity from the rule's documentation.
 *
 * @param related other places the finding is about (first occurrence of a duplicate key, the covering statement)
 * @param fingerprint a stable identity that survives reformatting and moving statements (see {@link Fingerprints})
 * @param component the inventory component the finding is about, or "" when none
 * @param suppression why it does not count, when an exception or the baseline covers it
 */
public record Finding(String ruleId, Severity severity, Location location, String message, List<Related> related,
                      String fingerprint, String component, Optional<Suppression> suppression) {

    /** A secondary location with a short note saying why it matters. */
    public record Related(Location location, String message) {}

    public Finding {
        related = List.copyOf(related);
    }

    /**
     * How many findings a loop over a whole run's findings hands to a method per call. A loop run
     * once per run stays in the interpreter for its every turn (C1 compiles a loop in place only
     * after 30,000 turns with the launcher's flags, and 10,000 policies give 18,000 findings),
     * while a method given runs of 64 is compiled after its first fifty calls or so: such a loop
     * then runs compiled for all but its first few thousand items.
     */
    public static final int RUN = 64;

    /** A finding about no particular component, not suppressed. */
    public Finding(String ruleId, Severity severity, Location location, String message, List<Related> related,
                   String fingerprint) {
        this(ruleId, severity, location, message, related, fingerprint, "", Optional.empty());
    }

    /**
     * The finding's stable identity (see {@link Fingerprints}). A run computes identities only when
     * something reads them ({@link LintRun.Options#fingerprints}); asking one that was not computed
     * is a defect, and fails loudly rather than reporting an empty identity.
     */
    public String fingerprint() {
        if (fingerprint == null) throw new IllegalStateException("this run computed no fingerprints (LintRun.Options.fingerprints)");
        return fingerprint;
    }

    /** The same finding at another severity. */
    public Finding at(Severity s) {
        return new Finding(ruleId, s, location, message, related, fingerprint, component, suppression);
    }

    public boolean suppressed() {
        return suppression.isPresent();
    }

    /** The same finding attributed to a component, with the component's inventory entry as a related location. */
    public Finding ofComponent(String name, Optional<Related> inventoryEntry) {
        List<Related> r = new java.util.ArrayList<>(related);
        if (inventoryEntry.isPresent()) r.add(inventoryEntry.get()); // no r::add per finding: see PolicyRule
        return new Finding(ruleId, severity, location, message, r, fingerprint, name, suppression);
    }

    public Finding suppressedBy(Suppression s) {
        return new Finding(ruleId, severity, location, message, related, fingerprint, component, Optional.of(s));
    }

    /** Report order: file, position, rule, message; total, so output is byte-identical across runs. */
    public static final Comparator<Finding> ORDER = new Comparator<>() { // a class, not Finding::compareInOrder: see PolicyRule
        @Override
        public int compare(Finding a, Finding b) {
            return compareInOrder(a, b);
        }
    };

    // Written out rather than chained (comparing().thenComparing()...): a whole repository sorts
    // tens of thousands of findings, and each chained step was a lambda call and a key extraction.
    private static int compareInOrder(Finding a, Finding b) {
        int c = a.location.compareTo(b.location);
        if (c == 0 && a.ruleId != b.ruleId) c = a.ruleId.compareTo(b.ruleId);
        if (c == 0) c = a.message.compareTo(b.message);
        if (c == 0) c = Integer.compare(a.severity.ordinal(), b.severity.ordinal());
        return c;
    }
}
