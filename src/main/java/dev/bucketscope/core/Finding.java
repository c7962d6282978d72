package dev.bucketscope.core;

import java.util.Comparator;
import java.util.List;

/**
 * One finding: which rule, how severe, where, what. Rules supply the location and message; the
 * engine supplies the id and severity from the rule's documentation.
 *
 * @param related other places the finding is about (first occurrence of a duplicate key, the covering statement)
 * @param fingerprint a stable identity that survives reformatting and moving statements (see {@link Fingerprints})
 */
public record Finding(String ruleId, Severity severity, Location location, String message, List<Related> related,
                      String fingerprint) {

    /** A secondary location with a short note saying why it matters. */
    public record Related(Location location, String message) {}

    public Finding {
        related = List.copyOf(related);
    }

    /** Report order: file, position, rule, message; total, so output is byte-identical across runs. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message)
            .thenComparing(f -> f.severity().ordinal());
}
