package dev.bucketscope.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.bucketscope.cli.Main;
import dev.bucketscope.core.DeployedPolicy;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.inventory.SecretValue;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe without a server: exit codes, the admin API against recorded answers, no SDK in lint. */
class ProbeOfflineTest {
    @TempDir
    Path dir;

    private Path repo(String credentials) throws Exception {
        Files.createDirectories(dir.resolve("policies"));
        Files.writeString(dir.resolve("bucketscope.yaml"), "version: 1\nserver:\n  dialect: rustfs@1.0.0-alpha.78\ncomponents:\n"
                + "  - name: app\n    policy: policies/app.json\n    buckets:\n      app-data: read-only\n"
                + "credentials:\n  file: cluster.yaml\n");
        Files.writeString(dir.resolve("policies/app.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\","
                + "\"Action\":[\"s3:ListBucket\",\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::app-data\",\"arn:aws:s3:::app-data/*\"]}]}\n");
        Files.writeString(dir.resolve("cluster.yaml"), credentials);
        return dir;
    }

    private record Run(int code, String out, String err, long millis) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long t = System.nanoTime();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString(), (System.nanoTime() - t) / 1_000_000);
    }

    @Test
    void unreachableEndpointExitsThreeWithinTheTimeout() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path r = repo("app_s3_access_key: AKIAEXAMPLE\napp_s3_secret_key: s3cr3t-never-printed\n");
        Run run = run("probe", r.toString(), "--endpoint", "http://127.0.0.1:" + port, "--timeout", "2");
        assertEquals(3, run.code(), run.err());
        assertTrue(run.err().contains("did not accept a connection within 2s"), run.err());
        assertTrue(run.millis() < 10_000, "took " + run.millis() + " ms");
        assertFalse(run.err().contains("s3cr3t-never-printed") || run.out().contains("s3cr3t-never-printed"));
    }

    @Test
    void noCredentialsAtAllExitsThree() throws Exception {
        Path r = repo("app_s3_access_key: ENC[AES256_GCM,data:Zm9v,iv:aXY=,tag:dGFn,type:str]\n"
                + "app_s3_secret_key: ENC[AES256_GCM,data:YmFy,iv:aXY=,tag:dGFn,type:str]\nsops:\n  version: 3.9.4\n");
        Run run = run("probe", r.toString(), "--endpoint", "http://127.0.0.1:9");
        assertEquals(3, run.code(), run.err());
        assertTrue(run.err().contains("SOPS-encrypted"), run.err());
        assertTrue(run.err().contains("no component has credentials"), run.err());
    }

    @Test
    void secretValueNeverPrints() {
        SecretValue s = new SecretValue("hunter2-secret");
        assertFalse(s.toString().contains("hunter2"));
        assertFalse(new KeyPair("app", "AK", s, "env").toString().contains("hunter2"));
    }

    /** Recorded admin-API answers from the RustFS reference (section f.2), both info-canned-policy shapes. */
    @Test
    void adminApiReadsBothResponseShapes() throws Exception {
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],"
                + "\"Resource\":[\"arn:aws:s3:::app-data/*\"]}]}";
        String a78 = "{\"policy_name\":\"app-storage\",\"policy\":" + dev.bucketscope.core.ProbeObservationsAccess.quote(doc)
                + ",\"create_date\":\"2025-12-30 14:41:10.0 +00:00:00\"}";
        String alpha92 = "{\"policy_name\":\"extra\",\"policy\":{\"ID\":\"\",\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Write\","
                + "\"Effect\":\"Allow\",\"Action\":[\"s3:PutObject\"],\"NotAction\":[],\"Resource\":[\"arn:aws:s3:::app-data/*\"],"
                + "\"NotResource\":[],\"Condition\":{}}]}}";
        Map<String, String> seen = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rustfs/admin/v3/", ex -> {
            String q = ex.getRequestURI().getRawQuery();
            seen.put(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Authorization") + "|"
                    + ex.getRequestHeaders().getFirst("x-amz-content-sha256"));
            String body;
            int status = 200;
            if (ex.getRequestURI().getPath().endsWith("/user-info") && q.equals("accessKey=APPKEY")) {
                body = "{\"policyName\":\"app-storage,extra\",\"status\":\"enabled\",\"memberOf\":[],\"updatedAt\":\"2025-12-30 14:41:10.0 +00:00:00\"}";
            } else if (q.equals("name=app-storage")) {
                body = a78;
            } else if (q.equals("name=extra")) {
                body = alpha92;
            } else {
                status = 500;
                body = "<Error><Code>InternalError</Code></Error>";
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        try {
            var api = new AdminApi(java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "us-east-1",
                    java.time.Duration.ofSeconds(5), new KeyPair("admin", "ADMINKEY", new SecretValue("adminsecret"), "test"));
            DeployedPolicy d = api.deployed("app", "APPKEY", Dialect.parse("rustfs@1.0.0-alpha.78"));
            assertEquals(java.util.Optional.empty(), d.problem());
            assertEquals(List.of("app-storage", "extra"), d.names());
            assertEquals(2, d.documents().size());
            assertTrue(d.documents().stream().allMatch(f -> f.policy().isPresent()), d.documents().toString());
            assertEquals("Write", d.documents().get(1).policy().get().statements().get(0).label());
            String auth = seen.get("/rustfs/admin/v3/user-info");
            assertTrue(auth.startsWith("AWS4-HMAC-SHA256 Credential=ADMINKEY/") && auth.contains("/us-east-1/s3/aws4_request"), auth);
            assertFalse(auth.contains("adminsecret"));
            assertTrue(!auth.endsWith("|null"), "x-amz-content-sha256 is required by RustFS: " + auth);

            DeployedPolicy unknown = api.deployed("other", "NOSUCHKEY", Dialect.parse("rustfs"));
            assertEquals(java.util.Optional.of("user-info answered 500"), unknown.problem());
        } finally {
            server.stop(0);
        }
    }

    /** {@code lint} loads no AWS SDK class: the probe's dependencies load only for {@code probe}. */
    @Test
    void lintLoadsNoSdkClass() throws Exception {
        Path r = repo("cluster_name: x\n");
        String cp = System.getProperty("java.class.path");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-verbose:class",
                "-cp", cp, "dev.bucketscope.cli.Main", "lint", r.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("classes.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        List<String> sdk = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("classes.log"))) {
            // (the verifier may load the probe's small SDK-free value classes named in ProbeCommand's handlers)
            if (line.contains("software.amazon.awssdk") || line.contains("dev.bucketscope.probe.Prober ")
                    || line.contains("dev.bucketscope.probe.AdminApi ")) sdk.add(line);
        }
        assertTrue(Files.readString(dir.resolve("classes.log")).contains("dev.bucketscope.cli.LintCommand"), "lint did not run");
        assertEquals(List.of(), sdk);
    }
}
