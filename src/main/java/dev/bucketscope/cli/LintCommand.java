package dev.bucketscope.cli;

import dev.bucketscope.core.Finding;
import dev.bucketscope.core.Linter;
import dev.bucketscope.core.RuleCatalog;
import dev.bucketscope.core.Severity;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.eval.Evaluator;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.report.GithubReportFormat;
import dev.bucketscope.report.JsonReportFormat;
import dev.bucketscope.report.LintReport;
import dev.bucketscope.report.MarkdownReportFormat;
import dev.bucketscope.report.SarifReportFormat;
import dev.bucketscope.report.TextReportFormat;
import dev.bucketscope.rules.BuiltinRules;
import dev.bucketscope.scan.PolicyLoader;
import dev.bucketscope.scan.PolicySources;
import dev.bucketscope.source.LineMap;
import dev.bucketscope.source.SourceText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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

/** {@code lint}: find policies under the paths, run the rules, report. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Lint IAM policies: *.json files with a Statement, and ```json blocks in *.md files.",
                "Exit 0 when nothing is at or above --fail-on, 1 when something is, 2 on usage errors."})
final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories (default: the current directory).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--dialect", paramLabel = "D", defaultValue = "rustfs",
            description = "rustfs (newest known), rustfs@VERSION, minio or aws. Default: ${DEFAULT-VALUE}.")
    String dialectName;

    private static final List<String> FORMATS = List.of("text", "json", "sarif", "github", "markdown");

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
            description = "Override a rule's severity: error, warning, note or off. Repeatable.")
    List<String> severities = new ArrayList<>();

    @Option(names = "--no-color", description = "No colour in text output (also when NO_COLOR is set).")
    boolean noColor;

    @Override
    public Integer call() throws UsageException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dialect dialect = DialectOption.parse(dialectName);
        dialect.warning().ifPresent(w -> err.println("bucketscope: warning: " + w));
        Severity threshold = failOn.equalsIgnoreCase("none") ? Severity.OFF
                : Severity.parse(failOn).filter(s -> s != Severity.OFF).orElseThrow(() ->
                        new UsageException("--fail-on takes error, warning, note or none, not '" + failOn + "'"));
        if (!FORMATS.contains(format)) {
            throw new UsageException("--format takes " + String.join(", ", FORMATS) + ", not '" + format + "'");
        }
        if (sarifCategory.isBlank()) throw new UsageException("--sarif-category must not be empty");
        Instant start = Instant.now();
        RuleCatalog catalog = new RuleCatalog(BuiltinRules.all());
        Linter linter = new Linter(catalog, overrides(catalog));

        Path cwd = Path.of("").toAbsolutePath();
        PolicySources.Found found = PolicySources.find(paths.isEmpty() ? List.of(Path.of(".")) : paths, cwd);
        if (onlyPolicies) found = onlyPolicies(found);
        List<String> notices = new ArrayList<>();
        for (PolicySources.Skipped s : found.skipped()) notices.add(s.displayPath() + ": " + s.reason());
        if (found.sources().isEmpty() && !found.skipped().isEmpty() && found.skipped().size() == paths.size()) {
            throw new UsageException(String.join("; ", notices));
        }
        List<PolicyFile> files = new ArrayList<>();
        for (PolicySources.Source s : found.sources()) files.addAll(PolicyLoader.load(s, dialect));
        Evaluator evaluator = new Evaluator(dialect);
        List<Finding> findings = new ArrayList<>();
        for (PolicyFile f : files) findings.addAll(linter.lint(f, dialect, evaluator));
        findings.sort(Finding.ORDER);

        List<LintReport.Rule> rules = new ArrayList<>();
        for (RuleCatalog.Entry e : catalog.entries()) rules.add(new LintReport.Rule(e.meta(), linter.severityOf(e)));
        LintReport report = new LintReport(Main.Version.version(), dialect.id(), files.size(), findings, notices, rules);
        boolean toTerminal = output == null && System.console() != null;
        boolean color = toTerminal && !noColor && System.getenv("NO_COLOR") == null;
        // Each format's classes load only when it is chosen (SARIF's model is the heavy one).
        String rendered = switch (format) {
            case "json" -> JsonReportFormat.render(report);
            case "sarif" -> SarifReportFormat.render(report, new SarifReportFormat.Options(sarifCategory,
                    Main.Version.url(), sourceTexts(found), start, Instant.now()));
            case "github" -> GithubReportFormat.render(report);
            case "markdown" -> MarkdownReportFormat.render(report, Main.Version.url());
            default -> TextReportFormat.render(report, toTerminal, color, sourceLines(found));
        };
        write(rendered, out);
        boolean failed = threshold != Severity.OFF && findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
        return failed ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
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

    private void write(String rendered, PrintWriter out) throws UsageException {
        if (output == null) {
            out.print(rendered);
            out.flush();
            return;
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(output, rendered, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + output + ": " + e.getMessage());
        }
    }

    /** Named files as if found by a walk: only *.json and *.md, and JSON only when it is a policy. */
    private static PolicySources.Found onlyPolicies(PolicySources.Found found) {
        List<PolicySources.Source> kept = new ArrayList<>();
        for (PolicySources.Source s : found.sources()) {
            String name = s.displayPath().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".json") || name.endsWith(".md")) kept.add(new PolicySources.Source(s.path(), s.displayPath(), false));
        }
        return new PolicySources.Found(kept, found.skipped());
    }

    /**
     * File contents as GitHub's upload step reads them (UTF-8, nothing stripped), for the SARIF
     * line hashes; empty for a file that cannot be read.
     */
    private static java.util.function.Function<String, Optional<String>> sourceTexts(PolicySources.Found found) {
        Map<String, Path> byDisplay = new HashMap<>();
        for (PolicySources.Source s : found.sources()) byDisplay.put(s.displayPath(), s.path());
        return file -> Optional.ofNullable(byDisplay.get(file)).flatMap(p -> {
            try {
                return Optional.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** Source lines for the caret display, read lazily and only for files that have findings. */
    private static java.util.function.BiFunction<String, Integer, Optional<String>> sourceLines(PolicySources.Found found) {
        Map<String, Path> byDisplay = new HashMap<>();
        for (PolicySources.Source s : found.sources()) byDisplay.put(s.displayPath(), s.path());
        Map<String, Optional<LineMap>> cache = new HashMap<>();
        return (file, line) -> cache.computeIfAbsent(file, f -> Optional.ofNullable(byDisplay.get(f))
                        .map(SourceText::read).map(SourceText.Decoded::text).map(LineMap::new))
                .filter(m -> line >= 1 && line <= m.lineCount())
                .map(m -> m.lineText(line));
    }
}
