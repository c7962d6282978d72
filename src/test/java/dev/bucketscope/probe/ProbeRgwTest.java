package dev.bucketscope.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.bucketscope.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The probe against a real policy-enforcing server: Ceph RADOS Gateway, started by
 * scripts/rgw-test-server.sh (.ci/run does it and exports S3_ENDPOINT, the admin keys and
 * CEPH_CONF). Skipped, saying so, when no server is configured; fails instead when
 * BUCKETSCOPE_REQUIRE_RGW is set.
 *
 * <p>Scenario: buckets created by the admin with objects in them; users that cannot create buckets,
 * each with a policy attached through the IAM API: alpha's matches git, beta's is broader than git,
 * gamma's narrower, and delta's secret in the credentials file is wrong.
 */
class ProbeRgwTest {
    private static final String RUN = Long.toHexString(System.nanoTime() & 0xffffffL);
    private static String endpoint;
    private static S3Client admin;
    private static IamClient iam;
    private static final List<String> BUCKETS = new ArrayList<>();
    private static final Map<String, String> SECRETS = new TreeMap<>();

    @TempDir
    static Path repo;

    @BeforeAll
    static void server() throws Exception {
        endpoint = System.getenv("S3_ENDPOINT");
        if (endpoint == null || endpoint.isEmpty()) {
            String msg = "no RGW test server (S3_ENDPOINT unset): start one with scripts/rgw-test-server.sh start DIR; source DIR/env";
            if (System.getenv("BUCKETSCOPE_REQUIRE_RGW") != null) fail(msg + " — BUCKETSCOPE_REQUIRE_RGW is set");
            System.err.println("ProbeRgwTest skipped: " + msg);
            Assumptions.abort(msg);
        }
        assertTrue(URI.create(endpoint).getHost().startsWith("127."), "the test server must be on loopback: " + endpoint);
        var http = UrlConnectionHttpClient.create();
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                System.getenv("S3_ADMIN_ACCESS_KEY"), System.getenv("S3_ADMIN_SECRET_KEY")));
        admin = S3Client.builder().httpClient(http).endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                .region(Region.US_EAST_1).credentialsProvider(creds)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
        iam = IamClient.builder().httpClient(http).endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(creds).build();

        Map<String, List<String>> deployed = Map.of(
                "alpha", List.of("s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                "beta", List.of("s3:ListBucket", "s3:GetObject", "s3:PutObject"),   // git: read-only
                "gamma", List.of("s3:ListBucket", "s3:GetObject"),                   // git: read-write
                "delta", List.of("s3:ListBucket", "s3:GetObject"));
        for (String c : List.of("alpha", "beta", "gamma", "delta")) {
            String bucket = bucket(c);
            BUCKETS.add(bucket);
            admin.createBucket(r -> r.bucket(bucket));
            admin.putObject(r -> r.bucket(bucket).key("data/existing.txt"), RequestBody.fromString("precious " + c));
            admin.putObject(r -> r.bucket(bucket).key(".bucketscope-probe/not-ours"), RequestBody.fromString("not the probe's"));
            String ak = ("BS" + c + RUN + "0000000000000000").toUpperCase().substring(0, 20);
            String sk = UUID.randomUUID().toString().replace("-", "") + "Zz9";
            SECRETS.put(c, sk);
            radosgwAdmin("user", "create", "--uid=" + c + "-" + RUN, "--display-name=" + c, "--max-buckets=-1",
                    "--access-key=" + ak, "--secret-key=" + sk);
            SECRETS.put(c + "-ak", ak);
            iam.putUserPolicy(r -> r.userName(c + "-" + RUN).policyName(c + "-storage").policyDocument(policy(bucket, deployed.get(c))));
        }
        Files.createDirectories(repo.resolve("policies"));
        StringBuilder inv = new StringBuilder("version: 1\nserver:\n  dialect: aws\n  endpoint: " + endpoint + "\ncomponents:\n");
        Map<String, String> declared = Map.of("alpha", "read-write", "beta", "read-only", "gamma", "read-write", "delta", "read-only");
        Map<String, List<String>> git = Map.of(
                "alpha", List.of("s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                "beta", List.of("s3:ListBucket", "s3:GetObject"),
                "gamma", List.of("s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                "delta", List.of("s3:ListBucket", "s3:GetObject"));
        StringBuilder cluster = new StringBuilder("cluster_name: test\n");
        for (String c : List.of("alpha", "beta", "gamma", "delta")) {
            inv.append("  - name: ").append(c).append("\n    policy: policies/").append(c).append("-storage.json\n")
                    .append("    scope: \"").append(bucket(c)).append("\"\n    buckets:\n      ").append(bucket(c)).append(": ")
                    .append(declared.get(c)).append('\n');
            Files.writeString(repo.resolve("policies/" + c + "-storage.json"), policy(bucket(c), git.get(c)));
            cluster.append(c).append("_s3_access_key: ").append(SECRETS.get(c + "-ak")).append('\n');
            cluster.append(c).append("_s3_secret_key: ").append(c.equals("delta") ? "wrong" + SECRETS.get(c) : SECRETS.get(c)).append('\n');
        }
        inv.append("credentials:\n  file: cluster.yaml\n");
        Files.writeString(repo.resolve("bucketscope.yaml"), inv.toString());
        Files.writeString(repo.resolve("cluster.yaml"), cluster.toString());
    }

    @AfterAll
    static void close() {
        if (admin != null) admin.close();
        if (iam != null) iam.close();
    }

    private static String bucket(String c) {
        return "bs-" + RUN + "-" + c;
    }

    private static String policy(String bucket, List<String> actions) {
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Sid\": \"Storage\",\n      \"Effect\": \"Allow\",\n"
                + "      \"Action\": [" + String.join(", ", actions.stream().map(a -> "\"" + a + "\"").toList()) + "],\n"
                + "      \"Resource\": [\"arn:aws:s3:::" + bucket + "\", \"arn:aws:s3:::" + bucket + "/*\"]\n    }\n  ]\n}\n";
    }

    private static void radosgwAdmin(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("radosgw-admin"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "radosgw-admin failed: " + out.lines().findFirst().orElse(""));
    }

    /** Every object of the scenario's buckets, key to SHA-256 of its content. */
    private static Map<String, String> contents() throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (String b : BUCKETS) {
            for (S3Object o : admin.listObjectsV2Paginator(r -> r.bucket(b)).contents()) {
                byte[] bytes;
                try {
                    bytes = admin.getObjectAsBytes(r -> r.bucket(b).key(o.key())).asByteArray();
                } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                    throw new AssertionError("cannot read " + b + "/" + o.key() + " (" + o.size() + " bytes): " + e.statusCode(), e);
                }
                out.put(b + "/" + o.key(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            }
        }
        return out;
    }

    private record Run(int code, String out, String err, long millis) {}

    private static Run probe(String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("probe", repo.toString(), "--timeout", "5"));
        args.addAll(List.of(extra));
        long t = System.nanoTime();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString(), (System.nanoTime() - t) / 1_000_000);
    }

    private static final Pattern FINDING = Pattern.compile("\\[(probe-[a-z-]+)\\] (.*)");

    /** "rule component" for each finding of a text report. */
    private static TreeSet<String> findings(String text) {
        TreeSet<String> out = new TreeSet<>();
        for (String line : text.lines().toList()) {
            Matcher m = FINDING.matcher(line);
            if (!m.find()) continue;
            Matcher c = Pattern.compile("'(alpha|beta|gamma|delta)'").matcher(m.group(2));
            out.add(m.group(1) + " " + (c.find() ? c.group(1) : "?"));
        }
        return out;
    }

    @Test
    void scenarioGivesExactlyTheExpectedFindingsAndTouchesNothing() throws Exception {
        Map<String, String> before = contents();
        Run r = probe("--format", "text");
        System.err.println("ProbeRgwTest: scenario probe took " + r.millis() + " ms; " + r.err().lines()
                .filter(l -> l.contains("requests in")).findFirst().orElse(""));
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals(new TreeSet<>(List.of(
                "probe-auth-failed delta",
                "probe-excess-access beta", "probe-policy-drift beta",
                "probe-missing-access gamma", "probe-policy-drift gamma")), findings(r.out()), r.out());
        assertTrue(r.out().contains("allowed 'beta' to write on bucket '" + bucket("beta") + "' beyond what the inventory declares"), r.out());
        assertTrue(r.out().contains("denied 'gamma' write, delete on bucket '" + bucket("gamma") + "'"), r.out());
        assertTrue(r.out().contains("400 BadDigest (put-bad-content-md5)"), r.out());
        assertTrue(r.out().contains("403 SignatureDoesNotMatch"), r.out());
        assertTrue(r.out().contains("declared  predicted  observed"), r.out());
        assertEquals(before, contents(), "pre-existing objects changed or probe objects left behind");

        Path recorded = repo.resolve("observations.json");
        Run writes = probe("--format", "text", "--allow-writes", "--record", recorded.toString());
        assertEquals(findings(r.out()), findings(writes.out()), writes.out());
        String obs = Files.readString(recorded);
        // alpha may delete, so its write was a real PUT (then deleted); beta may not, so it kept the no-store technique
        assertTrue(obs.contains("{\"component\": \"alpha\", \"bucket\": \"" + bucket("alpha")
                + "\", \"capability\": \"write\", \"outcome\": \"allowed\", \"status\": 200, \"code\": \"\", \"technique\": \"put-and-delete\"}"), obs);
        assertTrue(obs.contains("\"bucket\": \"" + bucket("beta") + "\", \"capability\": \"write\", \"outcome\": \"allowed\", \"status\": 400, \"code\": \"BadDigest\""), obs);
        assertEquals(before, contents(), "--allow-writes left an object behind or changed one");

        // No output format carries a secret.
        for (String format : List.of("text", "json", "sarif", "github", "markdown")) {
            Run f = probe("--format", format);
            for (Map.Entry<String, String> s : SECRETS.entrySet()) {
                if (s.getKey().endsWith("-ak")) continue;
                assertFalse(f.out().contains(s.getValue()) || f.err().contains(s.getValue()), format + " output leaks a secret");
            }
        }
        assertEquals(before, contents());
    }

    @Test
    void credentialsFromStandardInput() throws Exception {
        var stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(repo.resolve("cluster.yaml"))));
            Run r = probe("--credentials", "-", "--format", "json");
            assertEquals(1, r.code(), r.err());
            assertTrue(r.out().contains("probe-auth-failed"), r.out());
        } finally {
            System.setIn(stdin);
        }
    }
}
