package dev.bucketscope.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The plain {@code lint} command lines, the ones a commit hook and CI send, parsed without picocli.
 *
 * <p>Why: picocli builds its model of the eight commands by reflection over their annotations
 * (annotation proxies are generated classes, which class-data sharing cannot archive on Java 17).
 * That took ≈100 ms of a commit hook's ≈350 ms run; without it the hook ran in 0.8× the time.
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
    static final Map<String, BiConsumer<LintCommand, String>> VALUED = Map.of(
            "--dialect", (c, v) -> c.dialectName = v,
            "--inventory", (c, v) -> c.inventory = Path.of(v),
            "--format", (c, v) -> c.report.format = v,
            "--output", (c, v) -> c.report.output = Path.of(v),
            "--fail-on", (c, v) -> c.report.failOn = v,
            "--sarif-category", (c, v) -> c.sarifCategory = v,
            "--severity", (c, v) -> c.severities.add(v),
            "--baseline", (c, v) -> c.baseline = Path.of(v),
            "--write-baseline", (c, v) -> c.writeBaseline = Path.of(v),
            "--today", (c, v) -> c.today = v);

    static final String REPEATABLE = "--severity";

    /** Flags; {@code --debug} is the main command's, which {@code lint} inherits. */
    static final Map<String, Consumer<LintCommand>> FLAGS = Map.of(
            "--only-policies", c -> c.onlyPolicies = true,
            "--no-color", c -> c.noColor = true,
            "--debug", c -> { });

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
                Consumer<LintCommand> flag = FLAGS.get(name);
                if (flag != null) {
                    if (eq >= 0) return Optional.empty();
                    flag.accept(command);
                    debug |= name.equals("--debug");
                    continue;
                }
                BiConsumer<LintCommand, String> option = VALUED.get(name);
                if (option == null) return Optional.empty();
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else {
                    if (++i == args.length) return Optional.empty();
                    value = args[i];
                }
                if (value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@') return Optional.empty();
                option.accept(command, value);
            }
        } catch (InvalidPathException e) {
            return Optional.empty(); // picocli words the error
        }
        return Optional.of(new Parsed(command, debug));
    }
}
