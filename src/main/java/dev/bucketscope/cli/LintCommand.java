package dev.bucketscope.cli;

import dev.bucketscope.core.LintRun;
import dev.bucketscope.core.RuleCatalog;
import dev.bucketscope.core.Severity;
import dev.bucketscope.report.JsonReportFormat;
import dev.bucketscope.report.LintReport;
import dev.bucketscope.report.TextReportFormat;
import dev.bucketscope.rules.BuiltinRules;
import dev.bucketscope.source.LineMap;
import dev.bucketscope.source.SourceText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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

    @Option(names = "--dialect", paramLabel = "D",
            description = "rustfs (newest known), rustfs@VERSION, minio or aws. Default: the inventory's server.dialect, else rustfs.")
    String dialectName;

    @Option(names = "--inventory", paramLabel = "FILE",
            description = "The inventory. Default: bucketscope.yaml at the root of a PATH (or of the working directory when only files are given).")
    Path inventory;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    String format;

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

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", hidden = false,
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
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format takes text or json, not '" + format + "'");
        }
        RuleCatalog catalog = new RuleCatalog(BuiltinRules.all());
        Path cwd = Path.of("").toAbsolutePath();
        LintRun.Options options = new LintRun.Options(paths, cwd, Optional.ofNullable(inventory), Optional.ofNullable(dialectName),
                overrides(catalog), todayDate(), Baseline.read(baseline), baseline == null ? "" : baseline.toString());
        LintRun.Result result;
        try {
            result = LintRun.run(options, catalog);
        } catch (LintRun.ConfigException e) {
            throw new UsageException(e.getMessage());
        }
        result.dialect().warning().ifPresent(w -> err.println("bucketscope: warning: " + w));
        if (writeBaseline != null) Baseline.write(writeBaseline, result.findings());

        LintReport report = new LintReport(Main.Version.version(), result.dialect().id(), result.files(), result.findings(),
                result.notices());
        boolean toTerminal = output == null && System.console() != null;
        boolean color = toTerminal && !noColor && System.getenv("NO_COLOR") == null;
        String rendered = format.equals("json") ? JsonReportFormat.render(report)
                : TextReportFormat.render(report, toTerminal, color, sourceLines(cwd, credentialsFile(result)));
        write(rendered, out);
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
