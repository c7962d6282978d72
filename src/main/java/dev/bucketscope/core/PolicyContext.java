package dev.bucketscope.core;

import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.eval.Evaluator;
import dev.bucketscope.policy.Policy;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.policy.Violation;
import dev.bucketscope.source.Problem;
import dev.bucketscope.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a rule sees of one policy document, and where it reports. The engine creates one per
 * document and takes each rule's reports as that rule adds them, so a rule never names its own
 * id or severity.
 */
public final class PolicyContext {
    private final PolicyFile file;
    private final Dialect dialect;
    private final Evaluator evaluator;
    private final List<Report> reports = new ArrayList<>();

    /** What a rule said: the engine turns it into a {@link Finding}. */
    public record Report(Span span, String pointer, String message, List<Finding.Related> related) {}

    public PolicyContext(PolicyFile file, Dialect dialect, Evaluator evaluator) {
        this.file = file;
        this.dialect = dialect;
        this.evaluator = evaluator;
    }

    public String file() {
        return file.file();
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The evaluator for this dialect, shared across documents (it caches compiled patterns). */
    public Evaluator evaluator() {
        return evaluator;
    }

    /** Syntax and encoding problems; when there are any that stopped parsing, {@link #policy()} is empty. */
    public List<Problem> problems() {
        return file.problems();
    }

    public List<Violation> violations() {
        return file.violations();
    }

    public Optional<Policy> policy() {
        return file.policy();
    }

    public void report(Span span, String pointer, String message) {
        reports.add(new Report(span, pointer, message, List.of()));
    }

    public void report(Span span, String pointer, String message, List<Finding.Related> related) {
        reports.add(new Report(span, pointer, message, related));
    }

    /** A related location in this same file. */
    public Finding.Related related(Span span, String pointer, String message) {
        return new Finding.Related(new Location(file(), span, pointer), message);
    }

    List<Report> reports() {
        return reports;
    }
}
