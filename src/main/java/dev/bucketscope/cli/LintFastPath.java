package dev.bucketscope.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The plain {@code lint} command lines, the ones a commit hook and CI send, parsed without picocli.
 *
 * <p>Why: picocli builds its model of the eight commands by reflection over their annotations
 * (annotation proxies are generated classes, which class-data sharing cannot archive on Java 17).
 * That took ≈100 ms of a commit hook's ≈350 ms run; without it the hook ran in 0.85× the time.
 *
 * <p>How it stays the same command line: this parser accepts only a subset it reads exactly as
 * picocli does, and declines everything else, which then goes to picocli as before: help and
 * version, every usage error (with picocli's messages and suggestions), {@code @argument} files,
 * {@code --}, an option given twice, a value that starts with {@code -}, an empty argument, an
 * option before {@code lint}. {@code LintFastPathTest} checks the option table against picocli's
 * model of {@code lint} and, on generated command lines, that whatever this parser accepts
 * picocli parses without error into the same fields.
 */
final class LintFastPath {
    private LintFastPath() {}

    /** A command line this parser read: the command with its fields set, and whether {@code --debug} was given. */
    record Parsed(LintCommand command, boolean debug) {}

    /** Options that take one value; {@code --severity} may be repeated, the others not. */
    static final Set<String> VALUED = Set.of("--dialect", "--inventory", "--format", "--output", "--fail-on",
            "--sarif-category", "--severity", "--baseline", "--write-baseline", "--today");

    static final String REPEATABLE = "--severity";

    /** Flags; {@code --debug} is the main command's, which {@code lint} inherits. */
    static final Set<String> FLAGS = Set.of("--only-policies", "--no-color", "--debug");

    // A switch, not a table of lambdas: linking a dozen lambdas made a commit hook 1 % slower (16 pairs).
    static void set(LintCommand c, String option, String value) {
        switch (option) {
            case "--dialect" -> c.dialectName = value;
            case "--inventory" -> c.inventory = Path.of(value);
            case "--format" -> c.report.format = value;
            case "--output" -> c.report.output = Path.of(value);
            case "--fail-on" -> c.report.failOn = value;
            case "--sarif-category" -> c.sarifCategory = value;
            case "--severity" -> c.severities.add(value);
            case "--baseline" -> c.baseline = Path.of(value);
            case "--write-baseline" -> c.writeBaseline = Path.of(value);
            case "--today" -> c.today = value;
            case "--only-policies" -> c.onlyPolicies = true;
            case "--no-color" -> c.noColor = true;
            case "--debug" -> { } // read by Main's error handling, from Parsed.debug
            default -> throw new IllegalArgumentException("not an option of lint: " + option);
        }
    }

    /** The command line read, or empty when picocli is to read it. */
    static Optional<Parsed> parse(String[] args) {
        if (args.length == 0 || !args[0].equals("lint")) return Optional.empty();
        LintCommand command = new LintCommand();
        Set<String> seen = new HashSet<>();
        boolean debug = false;
        try {
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                // '@' starts an argument file anywhere on the line, and picocli reads '' its own way.
                if (arg.isEmpty() || arg.charAt(0) == '@') return Optional.empty();
                if (arg.charAt(0) != '-') {
                    command.paths.add(Path.of(arg));
                    continue;
                }
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                if (!seen.add(name) && !name.equals(REPEATABLE)) return Optional.empty();
                if (FLAGS.contains(name)) {
                    if (eq >= 0) return Optional.empty();
                    set(command, name, null);
                    debug |= name.equals("--debug");
                    continue;
                }
                if (!VALUED.contains(name)) return Optional.empty();
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else {
                    if (++i == args.length) return Optional.empty();
                    value = args[i];
                }
                if (value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@') return Optional.empty();
                set(command, name, value);
            }
        } catch (InvalidPathException e) {
            return Optional.empty(); // picocli words the error
        }
        return Optional.of(new Parsed(command, debug));
    }
}
