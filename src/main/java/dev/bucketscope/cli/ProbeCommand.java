package dev.bucketscope.cli;

import dev.bucketscope.core.DeployedPolicy;
import dev.bucketscope.core.Finding;
import dev.bucketscope.core.LintRun;
import dev.bucketscope.core.ProbeObservation;
import dev.bucketscope.core.ProbeObservations;
import dev.bucketscope.core.ProbeRun;
import dev.bucketscope.core.RuleCatalog;
import dev.bucketscope.core.Severity;
import dev.bucketscope.core.Workspace;
import dev.bucketscope.dialect.Capability;
import dev.bucketscope.eval.AccessMap;
import dev.bucketscope.glob.Glob;
import dev.bucketscope.inventory.BucketGrant;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.inventory.CredentialsFile;
import dev.bucketscope.report.LintReport;
import dev.bucketscope.report.ProbeTableFormat;
import dev.bucketscope.rules.BuiltinRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code probe}: ask the live server what each component may do, compare with the inventory and
 * the repository's policies. The network code (and the AWS SDK) lives in {@code dev.bucketscope.probe}
 * and is loaded only here, inside {@link #call}.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Probe the live server with each component's credentials and compare with the repository.",
                "Lists, reads, writes and deletes in its buckets, the other components' buckets and one bucket",
                "outside every scope, without touching data it did not create.",
                "Exit 0 when nothing is at or above --fail-on, 1 when something is, 2 on usage errors,",
                "3 when the probe could not run (endpoint unreachable, no credentials at all)."})
final class ProbeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..1", description = "The repository (default: the current directory).")
    Path path;

    @Option(names = "--inventory", paramLabel = "FILE", description = "The inventory. Default: bucketscope.yaml at the root of PATH.")
    Path inventory;

    @Option(names = "--dialect", paramLabel = "D", description = "Dialect for the predictions. Default: the inventory's server.dialect, else rustfs.")
    String dialectName;

    @Option(names = "--endpoint", paramLabel = "URL", description = "The S3 endpoint (path-style). Default: the inventory's server.endpoint.")
    String endpoint;

    @Option(names = "--credentials", paramLabel = "FILE|-",
            description = {"Components' keys in the cluster.yaml shape (the inventory's key templates); '-' reads standard",
                    "input (sops -d cluster.yaml | bucketscope probe --credentials -). BUCKETSCOPE_<COMPONENT>_ACCESS_KEY",
                    "and _SECRET_KEY in the environment win. Default: the inventory's credentials file."})
    String credentials;

    @Option(names = "--admin-credentials", paramLabel = "FILE|-",
            description = {"RustFS admin keys (YAML with access-key and secret-key): read the policies deployed for each",
                    "user through the admin API and compare them with the repository's."})
    String adminCredentials;

    @Option(names = "--allow-writes",
            description = "Probe write with a real PUT of a unique key under .bucketscope-probe/, deleted right after.")
    boolean allowWrites;

    @Option(names = "--region", paramLabel = "R", defaultValue = "us-east-1", description = "SigV4 region. Default: ${DEFAULT-VALUE}.")
    String region;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Per-request timeout. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", description = "Requests in flight at most. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--ca-cert", paramLabel = "FILE", description = "PEM CA certificate(s) to trust for an https endpoint.")
    Path caCert;

    @Option(names = "--record", paramLabel = "FILE", description = "Also write the observations to FILE (probe-observations.json format).")
    Path record;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws UsageException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Severity threshold = report.validate();
        if (timeoutSeconds < 1 || timeoutSeconds > 600) throw new UsageException("--timeout takes 1 to 600 seconds");
        if (concurrency < 1 || concurrency > 32) throw new UsageException("--concurrency takes 1 to 32");
        Instant start = Instant.now();
        Path cwd = Path.of("").toAbsolutePath();
        Workspace ws;
        try {
            ws = Workspace.load(path == null ? List.of() : List.of(path), cwd, Optional.ofNullable(inventory), Optional.ofNullable(dialectName));
        } catch (LintRun.ConfigException e) {
            throw new UsageException(e.getMessage());
        }
        String ep = endpoint != null ? endpoint : ws.inventory().endpoint().map(v -> v.text()).orElseThrow(() ->
                new UsageException("no endpoint: give --endpoint URL or set server.endpoint in the inventory"));
        URI uri;
        try {
            uri = URI.create(ep);
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) throw new IllegalArgumentException();
        } catch (RuntimeException e) {
            throw new UsageException("--endpoint takes an http(s) URL, not '" + ep + "'");
        }
        if (caCert != null && !Files.isReadable(caCert)) throw new UsageException("cannot read --ca-cert " + caCert);

        List<String> notices = new ArrayList<>();
        Optional<CredentialsFile> credFile = credentialsFile(ws, cwd, credentials);
        var resolved = dev.bucketscope.probe.CredentialSource.resolve(ws.inventory(), credFile, System.getenv());
        notices.addAll(resolved.notices());
        for (String n : resolved.notices()) err.println("bucketscope: notice: " + n);
        if (resolved.pairs().isEmpty()) {
            err.println("bucketscope: nothing to probe: no component has credentials");
            return ExitCode.PROBE_FAILED.code();
        }
        String outside = outsideBucket(ws);
        List<dev.bucketscope.probe.Prober.Target> targets = new ArrayList<>();
        for (var pair : resolved.pairs()) {
            Component c = ws.inventory().component(pair.component()).orElseThrow();
            Set<String> buckets = new LinkedHashSet<>();
            c.buckets().forEach(b -> buckets.add(b.name()));
            for (Component other : ws.inventory().components()) other.buckets().forEach(b -> buckets.add(b.name()));
            buckets.add(outside);
            targets.add(new dev.bucketscope.probe.Prober.Target(pair, List.copyOf(buckets)));
        }
        var settings = new dev.bucketscope.probe.ProbeSettings(uri, region, Duration.ofSeconds(timeoutSeconds), concurrency,
                Optional.ofNullable(caCert), allowWrites, err);
        dev.bucketscope.probe.Prober.Result probed;
        try {
            probed = new dev.bucketscope.probe.Prober(settings).run(targets);
        } catch (dev.bucketscope.probe.Prober.UnreachableException e) {
            err.println("bucketscope: probe failed: " + e.getMessage());
            return ExitCode.PROBE_FAILED.code();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        notices.addAll(probed.notices());
        for (String n : probed.notices()) err.println("bucketscope: notice: " + n);
        double secs = Math.max(0.001, probed.elapsed().toNanos() / 1e9);
        err.println(String.format(Locale.ROOT, "bucketscope: %d requests in %.1fs (%.0f/s) against %s", probed.requests(), secs,
                probed.requests() / secs, uri));

        Map<String, DeployedPolicy> deployed = new LinkedHashMap<>();
        if (adminCredentials != null) {
            var admin = adminKeys(cwd);
            var api = new dev.bucketscope.probe.AdminApi(uri, region, Duration.ofSeconds(timeoutSeconds), admin);
            for (var pair : resolved.pairs()) {
                DeployedPolicy d = api.deployed(pair.component(), pair.accessKey(), ws.dialect());
                deployed.put(pair.component(), d);
                d.problem().ifPresent(p -> {
                    String n = "component '" + pair.component() + "': deployed policy not read: " + p;
                    notices.add(n);
                    err.println("bucketscope: notice: " + n);
                });
            }
        }
        if (record != null) Output.write(ProbeObservations.write(probed.observations()), record, out);

        RuleCatalog catalog = new RuleCatalog(BuiltinRules.all());
        List<Finding> findings = ProbeRun.findings(ws, probed.observations(), deployed, catalog, Map.of());
        Map<String, Severity> effective = ProbeRun.severities(ws.inventory(), Map.of(), catalog);
        List<LintReport.Rule> rules = ReportOptions.rules(catalog, effective, true);
        LintReport lintReport = new LintReport(Main.Version.version(), ws.dialect().id(), ws.policies().size(), findings, notices, rules);
        String rendered = report.render(lintReport, "bucketscope-probe/", start, file -> ReportOptions.read(cwd, file), false,
                (f, l) -> Optional.empty());
        if (report.format.equals("text")) {
            rendered += ProbeTableFormat.render(tables(ws, probed.observations(), resolved.pairs().stream()
                    .map(dev.bucketscope.probe.KeyPair::component).toList()));
        }
        Output.write(rendered, report.output, out);
        return ReportOptions.exitCode(findings, threshold);
    }

    private Optional<CredentialsFile> credentialsFile(Workspace ws, Path cwd, String given) throws UsageException {
        if (given == null) {
            return ws.inventory().credentials().map(c -> ws.inventory().dir().resolve(c.file().text()).normalize())
                    .filter(Files::isRegularFile).map(p -> CredentialsFile.read(p, cwd.relativize(p.toAbsolutePath()).toString()));
        }
        return Optional.of(readKeys(given, "--credentials"));
    }

    private static CredentialsFile readKeys(String given, String flag) throws UsageException {
        try {
            if (given.equals("-")) return CredentialsFile.parse(new String(System.in.readAllBytes(), StandardCharsets.UTF_8), "<stdin>");
            Path p = Path.of(given);
            if (!Files.isRegularFile(p)) throw new UsageException("cannot read " + flag + " " + given);
            return CredentialsFile.read(p, given);
        } catch (IOException e) {
            throw new UsageException("cannot read " + flag + " " + given + ": " + e.getClass().getSimpleName());
        }
    }

    private dev.bucketscope.probe.KeyPair adminKeys(Path cwd) throws UsageException {
        CredentialsFile f = readKeys(adminCredentials, "--admin-credentials");
        var a = f.find(List.of("access-key", "access_key", "accessKey"));
        var s = f.find(List.of("secret-key", "secret_key", "secretKey"));
        var ak = a.flatMap(f::secret);
        var sk = s.flatMap(f::secret);
        if (ak.isEmpty() || sk.isEmpty()) {
            throw new UsageException("--admin-credentials needs access-key and secret-key (decrypted) in " + f.file());
        }
        return new dev.bucketscope.probe.KeyPair("admin", ak.get().revealForSigning(), sk.get(), f.file());
    }

    /** A bucket name no component's scope or bucket list covers: what a component must not reach. */
    static String outsideBucket(Workspace ws) {
        for (int i = 0; i < 20; i++) {
            String name = String.format("bucketscope-outside-%08x", ThreadLocalRandom.current().nextInt());
            boolean covered = false;
            for (Component c : ws.inventory().components()) {
                covered |= Glob.of(c.scope().text()).matches(name) || c.buckets().stream().anyMatch(b -> b.name().equals(name));
            }
            if (!covered) return name;
        }
        return "bucketscope-outside-every-scope";
    }

    private static List<ProbeTableFormat.Table> tables(Workspace ws, List<ProbeObservation> obs, List<String> probed) {
        List<ProbeTableFormat.Table> out = new ArrayList<>();
        for (Component c : ws.inventory().components()) {
            if (!probed.contains(c.id())) {
                out.add(new ProbeTableFormat.Table(c.id(), "not probed: no credentials", List.of()));
                continue;
            }
            List<ProbeObservation> mine = obs.stream().filter(o -> o.component().equals(c.id())).toList();
            boolean refused = mine.stream().anyMatch(ProbeObservation::authRefused);
            Optional<AccessMap> access = ws.access(c);
            List<ProbeTableFormat.Row> rows = new ArrayList<>();
            Set<String> buckets = new LinkedHashSet<>();
            mine.forEach(o -> buckets.add(o.bucket()));
            for (String b : buckets) {
                Set<Capability> declared = c.buckets().stream().filter(g -> g.name().equals(b)).findFirst()
                        .map(BucketGrant::capabilities).orElse(Set.of());
                StringBuilder d = new StringBuilder();
                StringBuilder p = new StringBuilder();
                StringBuilder o = new StringBuilder();
                for (Capability cap : ProbeObservation.PROBED) {
                    char letter = Character.toUpperCase(ProbeObservation.name(cap).charAt(0));
                    d.append(declared.contains(cap) ? letter : '-');
                    p.append(access.map(a -> a.granted(b, cap).isPresent() ? letter : '-').orElse(' '));
                    Optional<ProbeObservation> seen = mine.stream().filter(x -> x.bucket().equals(b) && x.capability() == cap).findFirst();
                    o.append(seen.map(x -> x.outcome() == ProbeObservation.Outcome.ALLOWED ? letter
                            : x.outcome() == ProbeObservation.Outcome.DENIED ? '-' : '?').orElse(' '));
                }
                rows.add(new ProbeTableFormat.Row(b, d.toString(), p.toString(), o.toString()));
            }
            out.add(new ProbeTableFormat.Table(c.id(), refused ? "credentials refused" : "", rows));
        }
        return out;
    }
}
