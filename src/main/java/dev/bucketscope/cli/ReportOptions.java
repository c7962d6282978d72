package dev.bucketscope.cli;

import dev.bucketscope.core.Finding;
import dev.bucketscope.core.ProbeRule;
import dev.bucketscope.core.RuleCatalog;
import dev.bucketscope.core.Severity;
import dev.bucketscope.report.GithubReportFormat;
import dev.bucketscope.report.JsonReportFormat;
import dev.bucketscope.report.LintReport;
import dev.bucketscope.report.MarkdownReportFormat;
import dev.bucketscope.report.SarifReportFormat;
import dev.bucketscope.report.TextReportFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The options and rendering shared by the commands that report findings ({@code lint},
 * {@code probe}): the format, where it goes, and which severity fails the run.
 */
final class ReportOptions {
    static final List<String> FORMATS = List.of("text", "json", "sarif", "github", "markdown");
    // The defaults are constants so that LintFastPath, which sets fields without picocli, uses the same.
    static final String DEFAULT_FORMAT = "text";
    static final String DEFAULT_FAIL_ON = "error";

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = DEFAULT_FORMAT,
            description = {"text, json, sarif (SARIF 2.1.0 for GitHub code scanning), github (workflow-command",
                    "annotations) or markdown (a summary for $GITHUB_STEP_SUMMARY). Default: ${DEFAULT-VALUE}."})
    String format = DEFAULT_FORMAT;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = DEFAULT_FAIL_ON,
            description = "error, warning, note or none: the lowest severity that makes the exit code 1. Default: ${DEFAULT-VALUE}.")
    String failOn = DEFAULT_FAIL_ON;

    /** The formats that print findings' identities; the others never read them (OtherFormatsTest checks). */
    static final Set<String> FORMATS_WITH_FINGERPRINTS = Set.of("json", "sarif");

    boolean printsFingerprints() {
        return FORMATS_WITH_FINGERPRINTS.contains(format);
    }

    /** Checks the options before any work is done; returns the failing threshold (OFF for none). */
    Severity validate() throws UsageException {
        if (!FORMATS.contains(format)) {
            throw new UsageException("--format takes " + String.join(", ", FORMATS) + ", not '" + format + "'");
        }
        if (failOn.equalsIgnoreCase("none")) return Severity.OFF;
        Optional<Severity> threshold = Severity.parse(failOn);
        if (threshold.isEmpty() || threshold.get() == Severity.OFF) {
            throw new UsageException("--fail-on takes error, warning, note or none, not '" + failOn + "'");
        }
        return threshold.get();
    }

    /**
     * The catalogue entries a report lists, each with the severity the run gave it: the probe's
     * rules only when {@code probeRules} (lint does not list them: they need the live server's
     * answers).
     */
    static List<LintReport.Rule> rules(RuleCatalog catalog, Map<String, Severity> effective, boolean probeRules) {
        List<LintReport.Rule> rules = new ArrayList<>();
        for (RuleCatalog.Entry e : catalog.entries()) {
            if (!probeRules && e.rule() instanceof ProbeRule) continue;
            rules.add(new LintReport.Rule(e.meta(), effective.getOrDefault(e.meta().id(), e.meta().severity())));
        }
        return rules;
    }

    /**
     * Renders the report in the chosen format. Each format's classes load only when it is chosen
     * (SARIF's model is the heavy one).
     *
     * @param texts whole file contents for SARIF's line hashes
     * @param lines one line of a file for the text format's caret display
     */
    String render(LintReport report, String sarifCategory, Instant start, Function<String, Optional<String>> texts,
                  boolean color, BiFunction<String, Integer, Optional<String>> lines) {
        boolean toTerminal = output == null && System.console() != null;
        return switch (format) {
            case "json" -> JsonReportFormat.render(report);
            case "sarif" -> SarifReportFormat.render(report, new SarifReportFormat.Options(sarifCategory,
                    Main.Version.url(), texts, start, Instant.now()));
            case "github" -> GithubReportFormat.render(report);
            case "markdown" -> MarkdownReportFormat.render(report, Main.Version.url());
            default -> TextReportFormat.render(report, toTerminal, toTerminal && color, lines);
        };
    }

    /** Exit code 1 when a finding that counts is at or above the threshold. */
    static int exitCode(List<Finding> findings, Severity threshold) {
        if (threshold == Severity.OFF) return ExitCode.OK.code();
        for (Finding f : findings) {
            if (!f.suppressed() && f.severity().atLeast(threshold)) return ExitCode.FINDINGS.code();
        }
        return ExitCode.OK.code();
    }

    /** File contents as GitHub's upload step reads them (UTF-8); empty for a file that cannot be read. */
    static Optional<String> read(Path cwd, String file) {
        try {
            return Optional.of(new String(Files.readAllBytes(cwd.resolve(file)), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
