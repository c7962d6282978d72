package dev.bucketscope.cli;

import dev.bucketscope.core.LintRun;
import dev.bucketscope.core.RuleCatalog;
import dev.bucketscope.core.Severity;
import dev.bucketscope.core.Timings;
import dev.bucketscope.inventory.Inventory;
import dev.bucketscope.inventory.SchemaPasses;
import dev.bucketscope.report.LintReport;
import dev.bucketscope.rules.BuiltinRules;
import dev.bucketscope.source.IsoDate;
import dev.bucketscope.source.LineMap;
import dev.bucketscope.source.SourceText;
import java.io.IOException;
import java.io.PrintWriter;
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
import picocli.CommandLine.Mixin;
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

    @Mixin
    ReportOptions report = new ReportOptions();

    static final String DEFAULT_SARIF_CATEGORY = "bucketscope/";

    @Option(names = "--sarif-category", paramLabel = "CATEGORY", defaultValue = DEFAULT_SARIF_CATEGORY,
            description = "SARIF automationDetails.id: the code-scanning category, up to the last '/'. Default: ${DEFAULT-VALUE}.")
    String sarifCategory = DEFAULT_SARIF_CATEGORY;

    @Option(names = "--only-policies",
            description = {"Treat named files like files found in a directory: skip files that are not *.json or *.md",
                    "and JSON that is not a policy. For hooks that pass every changed file."})
    boolean onlyPolicies;

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
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The command itself, once its fields are set (by picocli, or by {@link LintFastPath}). */
    int run(PrintWriter out, PrintWriter err) throws UsageException {
        Timings.mark("JVM start-up, command line");
        Severity threshold = report.validate();
        if (sarifCategory.isBlank()) throw new UsageException("--sarif-category must not be empty");
        Instant start = Instant.now();
        RuleCatalog catalog = new RuleCatalog(BuiltinRules.all());
        Path cwd = Path.of("").toAbsolutePath();
        LintRun.Options options = new LintRun.Options(paths, cwd, Optional.ofNullable(inventory), Optional.ofNullable(dialectName),
                overrides(catalog), todayDate(), Baseline.read(baseline), baseline == null ? "" : baseline.toString(),
                onlyPolicies, schemaPasses(System.getenv(), System.getProperty("user.home")),
                report.printsFingerprints() || writeBaseline != null);
        LintRun.Result result;
        try {
            result = LintRun.run(options, catalog);
        } catch (LintRun.ConfigException e) {
            throw new UsageException(e.getMessage());
        }
        if (result.dialect().warning().isPresent()) err.println("bucketscope: warning: " + result.dialect().warning().get());
        if (writeBaseline != null) Baseline.write(writeBaseline, result.findings());

        // lint lists the rules it can report: all but the probe's, which need the live server's answers
        List<LintReport.Rule> rules = ReportOptions.rules(catalog, result.severities(), false);
        LintReport lintReport = new LintReport(Main.Version.version(), result.dialect().id(), result.files(), result.findings(),
                result.notices(), rules);
        Optional<Path> secrets = credentialsFile(result);
        String rendered = report.render(lintReport, sarifCategory, start, sourceTexts(cwd, secrets),
                !noColor && System.getenv("NO_COLOR") == null, sourceLines(cwd, secrets));
        Timings.mark("render report");
        Output.write(rendered, report.output, out);
        out.flush();
        Timings.mark("write report");
        return ReportOptions.exitCode(result.findings(), threshold);
    }

    /**
     * Where inventories that passed the schema check are remembered: $BUCKETSCOPE_CACHE_DIR, else
     * $XDG_CACHE_HOME/bucketscope, else ~/.cache/bucketscope; nowhere with BUCKETSCOPE_CACHE=0.
     */
    static SchemaPasses schemaPasses(Map<String, String> env, String home) {
        if ("0".equals(env.get("BUCKETSCOPE_CACHE"))) return SchemaPasses.none();
        String dir = env.get("BUCKETSCOPE_CACHE_DIR");
        if (dir != null && !dir.isEmpty()) return SchemaPasses.in(Path.of(dir));
        String xdg = env.get("XDG_CACHE_HOME");
        // The XDG specification says to ignore a relative path.
        if (xdg != null && Path.of(xdg).isAbsolute()) return SchemaPasses.in(Path.of(xdg, "bucketscope"));
        if (home != null && !home.isEmpty() && !home.equals("?")) return SchemaPasses.in(Path.of(home, ".cache", "bucketscope"));
        return SchemaPasses.none();
    }

    private LocalDate todayDate() throws UsageException {
        if (today == null) return LocalDate.now(ZoneOffset.UTC);
        try {
            return IsoDate.parse(today);
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
            Optional<Severity> severity = Severity.parse(level);
            if (severity.isEmpty()) {
                throw new UsageException("--severity " + id + " takes error, warning, note or off, not '" + level + "'");
            }
            map.put(id, severity.get());
        }
        return map;
    }

    /**
     * File contents as GitHub's upload step reads them (UTF-8, nothing stripped), for the SARIF
     * line hashes; empty for a file that cannot be read, and for the credentials file: even a
     * hash of a line holding a secret is not to be published.
     */
    private static java.util.function.Function<String, Optional<String>> sourceTexts(Path cwd, Optional<Path> secrets) {
        return new SourceTexts(cwd, secrets);
    }

    /**
     * {@link #sourceTexts}, and {@link SourceLines} below: classes, not lambdas, since a lint run
     * evaluates no lambda and so never sets up the JDK's lambda machinery (see core.Parallel's
     * Daemon); these two would have set it up at the end of every run.
     */
    private record SourceTexts(Path cwd, Optional<Path> secrets) implements java.util.function.Function<String, Optional<String>> {
        @Override
        public Optional<String> apply(String file) {
            if (isSecret(secrets, cwd.resolve(file))) return Optional.empty();
            return ReportOptions.read(cwd, file);
        }
    }

    /** The credentials file the inventory names, if any: its lines are never shown. */
    static Optional<Path> credentialsFile(LintRun.Result result) {
        if (result.inventory().isEmpty() || result.inventory().get().credentials().isEmpty()) return Optional.empty();
        Inventory inv = result.inventory().get();
        return Optional.of(inv.dir().resolve(inv.credentials().get().file().text()).toAbsolutePath().normalize());
    }

    /**
     * Source lines for the caret display, read lazily and only for files that have findings. The
     * credentials file answers nothing: its lines hold secrets (plaintext-secret points at one).
     */
    static java.util.function.BiFunction<String, Integer, Optional<String>> sourceLines(Path cwd, Optional<Path> secrets) {
        return new SourceLines(cwd, secrets, new HashMap<>());
    }

    /** {@link #sourceLines}: each file read once, when a finding first asks for one of its lines. */
    private record SourceLines(Path cwd, Optional<Path> secrets, Map<String, Optional<LineMap>> cache)
            implements java.util.function.BiFunction<String, Integer, Optional<String>> {
        @Override
        public Optional<String> apply(String file, Integer line) {
            Optional<LineMap> lines = cache.get(file);
            if (lines == null) {
                Path p = cwd.resolve(file);
                String text = isSecret(secrets, p) ? null : SourceText.read(p).text();
                lines = text == null ? Optional.empty() : Optional.of(new LineMap(text));
                cache.put(file, lines);
            }
            if (lines.isEmpty() || line < 1 || line > lines.get().lineCount()) return Optional.empty();
            return Optional.of(lines.get().lineText(line));
        }
    }

    /** Whether {@code p} is the credentials file (when there is one): by path, or as the same file. */
    private static boolean isSecret(Optional<Path> secrets, Path p) {
        if (secrets.isEmpty()) return false;
        Path secret = secrets.get();
        if (secret.equals(p.toAbsolutePath().normalize())) return true;
        try {
            return Files.isSameFile(secret, p);
        } catch (IOException e) {
            return false;
        }
    }
}
