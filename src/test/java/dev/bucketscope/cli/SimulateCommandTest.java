package dev.bucketscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String json) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, json);
        return p;
    }

    private static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "ObjectsInScope",
                  "Effect": "Allow",
                  "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
                  "Resource": ["arn:aws:s3:::langfuse-*/*"]
                },
                {
                  "Sid": "NoMediaDeletes",
                  "Effect": "Deny",
                  "Action": ["s3:DeleteObject"],
                  "Resource": ["arn:aws:s3:::langfuse-media/*"]
                }
              ]
            }
            """;

    @Test
    void allowNamesTheDecidingStatement() throws IOException {
        Path p = write("langfuse.json", POLICY);
        CliRun r = CliRun.of("simulate", "--policy", p.toString(), "--action", "s3:GetObject",
                "--resource", "arn:aws:s3:::langfuse-events/a.json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("ALLOW "), r.out());
        assertTrue(r.out().contains(p + ":4:5 ObjectsInScope"), r.out());
        assertEquals(1, r.out().lines().count());
    }

    @Test
    void explicitDenyExitsOne() throws IOException {
        Path p = write("langfuse.json", POLICY);
        CliRun r = CliRun.of("simulate", "--policy", p.toString(), "--action", "s3:DeleteObject",
                "--resource", "arn:aws:s3:::langfuse-media/a.png");
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("DENY explicit"), r.out());
        assertTrue(r.out().contains(":10:5 NoMediaDeletes"), r.out());
    }

    @Test
    void implicitDenyDependsOnTheDialect() throws IOException {
        // bucket-level ListBucket on langfuse-x under "langfuse-*/*": granted at alpha.78 (and MinIO), not at rc.3 or AWS
        Path p = write("langfuse.json", POLICY.replace("\"s3:GetObject\"", "\"s3:GetObject\", \"s3:ListBucket\""));
        String[] common = {"simulate", "--policy", p.toString(), "--action", "s3:ListBucket", "--resource", "arn:aws:s3:::langfuse-x"};
        assertEquals(0, CliRun.of(concat(common, "--dialect", "rustfs@1.0.0-alpha.78")).code());
        assertEquals(0, CliRun.of(concat(common, "--dialect", "minio")).code());
        CliRun head = CliRun.of(concat(common, "--dialect", "rustfs"));
        assertEquals(1, head.code());
        assertTrue(head.out().startsWith("DENY implicit"), head.out());
        assertEquals(1, CliRun.of(concat(common, "--dialect", "aws")).code());
    }

    @Test
    void rejectedPolicyIsAUsageErrorWithTheReason() throws IOException {
        Path p = write("bad.json", POLICY.replace("\"s3:PutObject\"", "\"s3:Put*\""));
        CliRun r = CliRun.of("simulate", "--policy", p.toString(), "--action", "s3:GetObject",
                "--resource", "arn:aws:s3:::langfuse-events/a");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(p + ":7:"), r.err());
        assertTrue(r.err().contains("s3:Put*"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        // the same policy is accepted by MinIO
        assertEquals(0, CliRun.of("simulate", "--policy", p.toString(), "--action", "s3:GetObject",
                "--resource", "arn:aws:s3:::langfuse-events/a", "--dialect", "minio").code());
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() throws IOException {
        Path p = write("broken.json", "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n}\n");
        CliRun r = CliRun.of("simulate", "--policy", p.toString(), "--action", "s3:GetObject", "--resource", "arn:aws:s3:::b/k");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(p + ":4:1"), r.err());
    }

    @Test
    void usageErrors() throws IOException {
        Path p = write("langfuse.json", POLICY);
        CliRun unknownDialect = CliRun.of("simulate", "--policy", p.toString(), "--action", "s3:GetObject",
                "--resource", "arn:aws:s3:::b/k", "--dialect", "ceph");
        assertEquals(2, unknownDialect.code());
        assertTrue(unknownDialect.err().contains("minio") && unknownDialect.err().contains("aws"), unknownDialect.err());
        CliRun missing = CliRun.of("simulate", "--policy", dir.resolve("nope.json").toString(), "--action", "s3:GetObject",
                "--resource", "arn:aws:s3:::b/k");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.json"), missing.err());
        assertEquals(2, CliRun.of("simulate", "--policy", p.toString(), "--action", "s3:GetObject",
                "--resource", "arn:aws:s3:::b").code());
        assertEquals(2, CliRun.of("simulate", "--frobnicate").code());
    }

    @Test
    void helpListsSubcommandsAndExitCodes() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("simulate"), r.out());
        assertTrue(r.out().contains("Exit codes"), r.out());
        CliRun v = CliRun.of("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("bucketscope "), v.out());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
