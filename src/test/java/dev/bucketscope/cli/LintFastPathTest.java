package dev.bucketscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@link LintFastPath} reads a command line as picocli does, or leaves it to picocli: checked on
 * its option table, on generated command lines against picocli's parse, and on whole runs.
 */
class LintFastPathTest {
    /** Words a lint command line is made of: every option in every form, values, paths and oddities. */
    private static final List<String> WORDS = List.of(
            "--dialect", "--inventory", "--format", "--output", "--fail-on", "--sarif-category", "--severity",
            "--baseline", "--write-baseline", "--today", "--only-policies", "--no-color", "--debug",
            "--format=json", "--today=2026-01-01", "--severity=admin-action=off", "--severity=", "--dialect=minio",
            "--only-policies=true", "--no-color=false", "--output=-", "--fail-on=@x", "--format=",
            "-h", "--help", "-V", "--version", "--", "-", "-x", "--unknown", "--form", "--format-json", "-f",
            "json", "text", "sarif", "bogus", "none", "2026-01-01", "admin-action=off", "rustfs@1.0.0-rc.3", "minio",
            "policies", "a.json", "dir/b.md", "./c.json", "ü.json", "a b.json", "a=b", "=", "help", "lint", "probe", "rules",
            "@args.txt", "@", "", " ", "a\u0000b", "bucketscope/", "x/");

    @Test
    void knowsEveryOptionOfLintAsPicocliDeclaresIt() {
        CommandLine lint = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .getSubcommands().get("lint");
        Set<String> flags = new TreeSet<>();
        Set<String> valued = new TreeSet<>();
        Set<String> repeatable = new TreeSet<>();
        for (OptionSpec o : lint.getCommandSpec().options()) {
            if (o.usageHelp() || o.versionHelp()) continue; // left to picocli
            assertEquals(1, o.names().length, "an option with aliases needs them all in LintFastPath: " + List.of(o.names()));
            String name = o.longestName();
            if (o.arity().max() == 0) {
                flags.add(name);
            } else {
                assertEquals(1, o.arity().min(), name);
                valued.add(name);
                if (o.isMultiValue()) repeatable.add(name);
            }
        }
        assertEquals(flags, new TreeSet<>(LintFastPath.FLAGS));
        assertEquals(valued, new TreeSet<>(LintFastPath.VALUED));
        assertEquals(Set.of(LintFastPath.REPEATABLE), repeatable);
        assertTrue(lint.getCommandSpec().positionalParameters().size() == 1
                && lint.getCommandSpec().positionalParameters().get(0).isMultiValue(), "one list of paths");
    }

    @Test
    void whatItReadsPicocliReadsTheSameAndWhatPicocliRejectsItLeaves() {
        Gen<List<String>> lines = lists().of(integers().between(0, WORDS.size() - 1).map(WORDS::get)).ofSizeBetween(0, 7);
        AtomicInteger read = new AtomicInteger();
        AtomicInteger declined = new AtomicInteger();
        qt().withFixedSeed(7).withExamples(3_000).forAll(lines).checkAssert(words -> {
            String[] args = new String[words.size() + 1];
            args[0] = "lint";
            for (int i = 0; i < words.size(); i++) args[i + 1] = words.get(i);
            Optional<LintFastPath.Parsed> fast = LintFastPath.parse(args);
            Optional<String> picocli = picocli(args);
            if (fast.isEmpty()) {
                declined.incrementAndGet();
                return;
            }
            read.incrementAndGet();
            assertTrue(picocli.isPresent(), "picocli rejects or answers with help what the fast path read: " + List.of(args));
            assertEquals(picocli.get(), describe(fast.get().command(), fast.get().debug()), List.of(args).toString());
        });
        // Both outcomes are common, so neither half of the property is vacuous.
        assertTrue(read.get() > 300, "read " + read);
        assertTrue(declined.get() > 300, "declined " + declined);
    }

    @Test
    void readsTheLinesHooksAndCiSend() {
        for (String[] args : List.of(
                new String[] {"lint"},
                new String[] {"lint", "--only-policies", "policies/a.json", "README.md", "bucketscope.yaml"},
                new String[] {"lint", "--format", "sarif", "--output", "bucketscope.sarif", "--fail-on", "warning", "."},
                new String[] {"lint", "--format=json", "--severity", "admin-action=off", "--severity=wildcard-action=note", "x"},
                new String[] {"lint", "--debug", "--today", "2026-06-01", "--dialect", "rustfs@1.0.0-rc.3", "policies"})) {
            Optional<LintFastPath.Parsed> fast = LintFastPath.parse(args);
            assertTrue(fast.isPresent(), List.of(args).toString());
            assertEquals(picocli(args).orElseThrow(), describe(fast.get().command(), fast.get().debug()));
        }
    }

    @Test
    void leavesHelpErrorsAndEverythingElseToPicocli() {
        for (String[] args : List.of(
                new String[] {},
                new String[] {"rules"},
                new String[] {"--debug", "lint"},
                new String[] {"lint", "--help"},
                new String[] {"lint", "-h"},
                new String[] {"lint", "--format"},
                new String[] {"lint", "--format", "json", "--format", "text"},
                new String[] {"lint", "--output", "--format", "json"},
                new String[] {"lint", "--no-color=true"},
                new String[] {"lint", "@more-args"},
                new String[] {"lint", "--", "-odd-name.json"},
                new String[] {"lint", "--fromat", "json"},
                new String[] {"lint", "a\u0000b"})) {
            assertTrue(LintFastPath.parse(args).isEmpty(), List.of(args).toString());
        }
    }

    @TempDir
    Path dir;

    /** Whole runs: the same report, messages and exit code whichever parser read the line. */
    @Test
    void runsAsThePicocliPathDoes() throws Exception {
        Files.writeString(dir.resolve("p.json"), """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
                """);
        String p = dir.resolve("p.json").toString();
        String out = dir.resolve("out.json").toString();
        for (String[] args : List.of(
                new String[] {"lint", p},
                new String[] {"lint", "--format", "json", "--fail-on", "none", p},
                new String[] {"lint", "--format", "markdown", "--severity", "wildcard-action=off", p},
                new String[] {"lint", "--format", "bogus", p},
                new String[] {"lint", "--today", "tomorrow", p},
                new String[] {"lint", "--severity", "no-such-rule=off", p},
                new String[] {"lint", "--sarif-category", " ", p},
                new String[] {"lint", "--dialect", "rustfs@0.0.1", p},
                new String[] {"lint", "--only-policies", "--no-color", p, dir.resolve("missing.json").toString()},
                new String[] {"lint", "--format", "json", "--output", out, p})) {
            assertTrue(LintFastPath.parse(args).isPresent(), List.of(args).toString());
            CliRun fast = CliRun.of(args);
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int code = Main.runWithPicocli(new PrintWriter(o, true), new PrintWriter(e, true), args);
            assertEquals(new CliRun(code, o.toString(), e.toString()), fast, List.of(args).toString());
        }
        assertFalse(CliRun.of("lint", p).out().isEmpty(), "the runs above report something");
    }

    /** picocli's reading of a lint command line, or empty when it rejects it or is asked for help. */
    private static Optional<String> picocli(String[] args) {
        CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        CommandLine.ParseResult result;
        try {
            result = cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
        if (result.isUsageHelpRequested() || result.isVersionHelpRequested() || !result.hasSubcommand()) return Optional.empty();
        CommandLine.ParseResult sub = result.subcommand();
        if (sub.isUsageHelpRequested() || sub.isVersionHelpRequested()) return Optional.empty();
        LintCommand lint = (LintCommand) sub.commandSpec().userObject();
        return Optional.of(describe(lint, result.hasMatchedOption("--debug") || sub.hasMatchedOption("--debug")));
    }

    @Test
    void describeComparesEveryField() {
        // A field added to LintCommand or ReportOptions must be added to describe() too.
        assertEquals(12, instanceFields(LintCommand.class), "LintCommand's fields: spec, paths, report and 9 options");
        assertEquals(3, instanceFields(ReportOptions.class), "ReportOptions' fields");
    }

    private static long instanceFields(Class<?> type) {
        return java.util.Arrays.stream(type.getDeclaredFields())
                .filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()).count();
    }

    /** Every field the command reads, in one string. */
    private static String describe(LintCommand c, boolean debug) {
        List<Object> fields = new ArrayList<>();
        fields.add(c.paths);
        fields.add(c.dialectName);
        fields.add(c.inventory);
        fields.add(c.report.format);
        fields.add(c.report.output);
        fields.add(c.report.failOn);
        fields.add(c.sarifCategory);
        fields.add(c.onlyPolicies);
        fields.add(c.severities);
        fields.add(c.baseline);
        fields.add(c.writeBaseline);
        fields.add(c.today);
        fields.add(c.noColor);
        fields.add(debug);
        return fields.toString();
    }
}
