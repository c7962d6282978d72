package dev.bucketscope.cli;

import dev.bucketscope.core.LintRun;
import dev.bucketscope.core.ProbeRule;
import dev.bucketscope.core.RuleCatalog;
import dev.bucketscope.core.Severity;
import dev.bucketscope.report.GithubReportFormat;
import dev.bucketscope.report.JsonReportFormat;
import dev.bucketscope.report.LintReport;
import dev.bucketscope.report.MarkdownReportFormat;
import dev.bucketscope.report.SarifReportFormat;
import dev.bucketscope.report.TextReportFormat;
import dev.bucketscope.rules.BuiltinRules;
import dev.bucketscope.source.LineMap;
import dev.bucketscope.source.SourceText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lint}: parse options, run {@link LintRun}, render the report. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Lint policies, and check them against the inventory when there is one.",
                "Reads *.json files with a Statement and ```json blocks in *.md files; with bucketscope.yaml,",
                "checks each component's policy against what it declares.",
                "Exit 0 when nothing is at or above --fail-on, 1 when something is, 2 on usage or configuration errors."})
final class LintCommand implements Callable<Integer> {
    private static final List<String> FORMATS = List.of("text", "json", "sarif", "github", "markdown");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories (default: the current directory).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--dialect", paramLabel = "D",
            description = "rustfs (newest known), rustfs@VERSION, minio or aws. Default: the inventory's server.dialect, else rustfs.")
    String dialectName;

    @Option(names = "--inventory", paramLabel = "FILE",
            description = "The inventory. Default: bucketscope.yaml at the root of a PATH (or of the working directory when only files are given).")
    Path inventory;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = {"text, json, sarif (SARIF 2.1.0 for GitHub code scanning), github (workflow-command",
                    "annotations) or markdown (a summary for $GITHUB_STEP_SUMMARY). Default: ${DEFAULT-VALUE}."})
    String format;

    @Option(names = "--sarif-category", paramLabel = "CATEGORY", defaultValue = "bucketscope/",
            description = "SARIF automationDetails.id: the code-scanning category, up to the last '/'. Default: ${DEFAULT-VALUE}.")
    String sarifCategory;

    @Option(names = "--only-policies",
            description = {"Treat named files like files found in a directory: skip files that are not *.json or *.md",
                    "and JSON that is not a policy. For hooks that pass every changed file."})
    boolean onlyPolicies;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "error, warning, note or none: the lowest severity that makes the exit code 1. Default: ${DEFAULT-VALUE}.")
    String failOn;

    @Option(names = "--severity", paramLabel = "RULE=LEVEL",
            description = "Override a rule's severity: error, warning, note or off. Repeatable; wins over the inventory's severity map.")
    List<String> severities = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Findings recorded in FILE (by --write-baseline) are reported as suppressed and do not fail the run.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Record the current findings in FILE, to adopt bucketscope on a repository with existing findings.")
    Path writeBaseline;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD",
            description = "Judge exception expiry as of this date instead of today (for reproducible runs).")
    String today;

    @Option(names = "--no-color", description = "No colour in text output (also when NO_COLOR is set).")
    boolean noColor;

    @Override
    public Integer call() throws UsageException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Severity threshold = failOn.equalsIgnoreCase("none") ? Severity.OFF
                : Severity.parse(failOn).filter(s -> s != Severity.OFF).orElseThrow(() ->
                        new UsageException("--fail-on takes error, warning, note or none, not '" + failOn + "'"));
        if (!FORMATS.contains(format)) {
            throw new UsageException("--format takes " + String.join(", ", FORMATS) + ", not '" + format + "'");
        }
        if (sarifCategory.isBlank()) throw new UsageException("--sarif-category must not be empty");
        Instant start = Instant.now();
        RuleCatalog catalog = new RuleCatalog(BuiltinRules.all());
        Path cwd = Path.of("").toAbsolutePath();
        LintRun.Options options = new LintRun.Options(paths, cwd, Optional.ofNullable(inventory), Optional.ofNullable(dialectName),
                overrides(catalog), todayDate(), Baseline.read(baseline), baseline == null ? "" : baseline.toString(),
                onlyPolicies);
        LintRun.Result result;
        try {
            result = LintRun.run(options, catalog);
        } catch (LintRun.ConfigException e) {
            throw new UsageException(e.getMessage());
        }
        result.dialect().warning().ifPresent(w -> err.println("bucketscope: warning: " + w));
        if (writeBaseline != null) Baseline.write(writeBaseline, result.findings());

        List<LintReport.Rule> rules = new ArrayList<>();
        for (RuleCatalog.Entry e : catalog.entries()) {
            if (e.rule() instanceof ProbeRule) continue; // only the probe can report these
            rules.add(new LintReport.Rule(e.meta(), result.severities().getOrDefault(e.meta().id(), e.meta().severity())));
        }
        LintReport report = new LintReport(Main.Version.version(), result.dialect().id(), result.files(), result.findings(),
                result.notices(), rules);
        boolean toTerminal = output == null && System.console() != null;
        boolean color = toTerminal && !noColor && System.getenv("NO_COLOR") == null;
        Optional<Path> secrets = credentialsFile(result);
        // Each format's classes load only when it is chosen (SARIF's model is the heavy one).
        String rendered = switch (format) {
            case "json" -> JsonReportFormat.render(report);
            case "sarif" -> SarifReportFormat.render(report, new SarifReportFormat.Options(sarifCategory,
                    Main.Version.url(), sourceTexts(cwd, secrets), start, Instant.now()));
            case "github" -> GithubReportFormat.render(report);
            case "markdown" -> MarkdownReportFormat.render(report, Main.Version.url());
            default -> TextReportFormat.render(report, toTerminal, color, sourceLines(cwd, secrets));
        };
        Output.write(rendered, output, out);
        boolean failed = threshold != Severity.OFF
                && result.findings().stream().anyMatch(f -> !f.suppressed() && f.severity().atLeast(threshold));
        return failed ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }

    private LocalDate todayDate() throws UsageException {
        if (today == null) return LocalDate.now(ZoneOffset.UTC);
        try {
            return LocalDate.parse(today);
        } catch (DateTimeParseException e) {
            throw new UsageException("--today takes a date YYYY-MM-DD, not '" + today + "'");
        }
    }

    private Map<String, Severity> overrides(RuleCatalog catalog) throws UsageException {
        Map<String, Severity> map = new LinkedHashMap<>();
        for (String s : severities) {
            int eq = s.indexOf('=');
            if (eq <= 0) throw new UsageException("--severity takes RULE=LEVEL, not '" + s + "'");
            String id = s.substring(0, eq).trim();
            if (catalog.find(id).isEmpty()) {
                throw new UsageException("--severity names unknown rule '" + id + "'; 'bucketscope rules' lists them");
            }
            String level = s.substring(eq + 1);
            map.put(id, Severity.parse(level).orElseThrow(() ->
                    new UsageException("--severity " + id + " takes error, warning, note or off, not '" + level + "'")));
        }
        return map;
    }

    /**
     * File contents as GitHub's upload step reads them (UTF-8, nothing stripped), for the SARIF
     * line hashes; empty for a file that cannot be read, and for the credentials file: even a
     * hash of a line holding a secret is not to be published.
     */
    private static java.util.function.Function<String, Optional<String>> sourceTexts(Path cwd, Optional<Path> secrets) {
        return file -> {
            if (secrets.filter(sameFile(cwd.resolve(file))).isPresent()) return Optional.empty();
            try {
                return Optional.of(new String(Files.readAllBytes(cwd.resolve(file)), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        };
    }

    /** The credentials file the inventory names, if any: its lines are never shown. */
    static Optional<Path> credentialsFile(LintRun.Result result) {
        return result.inventory().flatMap(inv -> inv.credentials()
                .map(c -> inv.dir().resolve(c.file().text()).toAbsolutePath().normalize()));
    }

    /**
     * Source lines for the caret display, read lazily and only for files that have findings. The
     * credentials file answers nothing: its lines hold secrets (plaintext-secret points at one).
     */
    static java.util.function.BiFunction<String, Integer, Optional<String>> sourceLines(Path cwd, Optional<Path> secrets) {
        Map<String, Optional<LineMap>> cache = new HashMap<>();
        return (file, line) -> cache.computeIfAbsent(file, f -> secrets.filter(sameFile(cwd.resolve(f))).isPresent()
                        ? Optional.empty()
                        : Optional.ofNullable(SourceText.read(cwd.resolve(f)).text()).map(LineMap::new))
                .filter(m -> line >= 1 && line <= m.lineCount())
                .map(m -> m.lineText(line));
    }

    private static java.util.function.Predicate<Path> sameFile(Path p) {
        return secret -> {
            if (secret.equals(p.toAbsolutePath().normalize())) return true;
            try {
                return Files.isSameFile(secret, p);
            } catch (IOException e) {
                return false;
            }
        };
    }
}
