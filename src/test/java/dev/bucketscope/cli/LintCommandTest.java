package dev.bucketscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import dev.bucketscope.SchemaCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lint command end to end, in-process: exit codes, formats, golden output, determinism. */
class LintCommandTest {
    private static final String SAMPLE = "src/test/resources/lint-sample";

    @TempDir
    Path dir;

    @Test
    void textOutputMatchesGolden() throws IOException {
        CliRun r = CliRun.of("lint", SAMPLE, "--fail-on", "none");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(Path.of("src/test/resources/golden/lint-sample.txt")), r.out());
    }

    @Test
    void jsonOutputMatchesGoldenAndSchema() throws IOException {
        CliRun r = CliRun.of("lint", SAMPLE, "--format", "json");
        assertEquals(1, r.code(), r.err());
        assertEquals(Files.readString(Path.of("src/test/resources/golden/lint-sample.json")), r.out());
        assertEquals(List.of(), SchemaCheck.errors("report.schema.json", r.out(), InputFormat.JSON));
    }

    @Test
    void outputIsIdenticalAcrossRunsAndPathOrder() {
        CliRun a = CliRun.of("lint", SAMPLE + "/wildcards.json", SAMPLE + "/nested", "--format", "json");
        CliRun b = CliRun.of("lint", SAMPLE + "/nested", SAMPLE + "/wildcards.json", "--format", "json");
        assertEquals(a.out(), b.out());
        assertEquals(a.out(), CliRun.of("lint", SAMPLE + "/wildcards.json", SAMPLE + "/nested", "--format", "json").out());
    }

    @Test
    void brokenFileIsAFindingAndTheOthersAreStillLinted() {
        CliRun r = CliRun.of("lint", SAMPLE + "/nested");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("broken.json:4:51: error [invalid-json]"), r.out());
        assertTrue(r.out().contains("in 2 policies"), r.out());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void cleanRunIsQuietAndExitsZero() {
        CliRun r = CliRun.of("lint", SAMPLE + "/nested/clean.json");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals("", r.err());
    }

    @Test
    void failOnAndSeverityOverrides() {
        assertEquals(0, CliRun.of("lint", SAMPLE, "--fail-on", "none").code());
        assertEquals(0, CliRun.of("lint", SAMPLE + "/GUIDE.md", "--severity", "unknown-action=warning").code());
        assertEquals(1, CliRun.of("lint", SAMPLE + "/GUIDE.md", "--severity", "unknown-action=warning", "--fail-on", "warning").code());
        CliRun off = CliRun.of("lint", SAMPLE + "/GUIDE.md", "--severity", "unknown-action=off");
        assertEquals(0, off.code());
        assertEquals("", off.out());
        CliRun warn = CliRun.of("lint", SAMPLE + "/GUIDE.md", "--severity", "unknown-action=warning", "--fail-on", "none");
        assertTrue(warn.out().contains(": warning [unknown-action]"), warn.out());
    }

    @Test
    void dialectChangesTheVerdict() {
        // MinIO accepts s3:Get* and a bare "*" resource; RustFS rejects both.
        CliRun minio = CliRun.of("lint", SAMPLE + "/wildcards.json", "--dialect", "minio", "--format", "json");
        assertFalse(minio.out().contains("unsupported-wildcard"), minio.out());
        assertFalse(minio.out().contains("invalid-resource"), minio.out());
        assertTrue(minio.out().contains("\"dialect\": \"minio\""), minio.out());
    }

    @Test
    void outputFileAndUsageErrors() throws IOException {
        Path out = dir.resolve("reports/lint.json");
        CliRun r = CliRun.of("lint", SAMPLE, "--format", "json", "--output", out.toString());
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertEquals(List.of(), SchemaCheck.errors("report.schema.json", Files.readString(out), InputFormat.JSON));
        assertEquals(2, CliRun.of("lint", SAMPLE, "--format", "yaml").code());
        assertEquals(2, CliRun.of("lint", SAMPLE, "--fail-on", "sometimes").code());
        assertEquals(2, CliRun.of("lint", SAMPLE, "--severity", "no-such-rule=off").code());
        assertEquals(2, CliRun.of("lint", SAMPLE, "--dialect", "rustfs@banana").code());
        CliRun missing = CliRun.of("lint", dir.resolve("nope").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope"), missing.err());
    }

    @Test
    void symlinkLeadingOutsideIsNotFollowed() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("p.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\"],\"Resource\":[\"*\"]}]}");
        Files.createSymbolicLink(repo.resolve("link"), outside);
        Files.createSymbolicLink(repo.resolve("loop"), repo);
        CliRun r = CliRun.of("lint", repo.toString());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("symlink leads outside"), r.out());
        assertFalse(r.out().contains("unsupported-wildcard"), r.out());
    }

    @Test
    void rulesAndExplain() {
        CliRun rules = CliRun.of("rules");
        assertEquals(0, rules.code());
        assertTrue(rules.out().lines().anyMatch(l -> l.startsWith("invalid-json ") && l.contains("error")), rules.out());
        CliRun explain = CliRun.of("explain", "unsupported-wildcard");
        assertEquals(0, explain.code());
        assertTrue(explain.out().contains("## Bad") && explain.out().contains("## How to fix"), explain.out());
        CliRun unknown = CliRun.of("explain", "unknown-actio");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("did you mean 'unknown-action'"), unknown.err());
    }

    @Test
    void inventoryPassesAreRememberedWhereTheEnvironmentSays() {
        java.util.function.Function<java.util.Map<String, String>, java.util.Optional<Path>> folder =
                env -> LintCommand.schemaPasses(env, "/home/dev").folder();
        assertEquals(java.util.Optional.of(Path.of("/home/dev/.cache/bucketscope")), folder.apply(java.util.Map.of()));
        assertEquals(java.util.Optional.of(Path.of("/xdg/bucketscope")), folder.apply(java.util.Map.of("XDG_CACHE_HOME", "/xdg")));
        assertEquals(java.util.Optional.of(Path.of("/home/dev/.cache/bucketscope")), folder.apply(java.util.Map.of("XDG_CACHE_HOME", "relative")),
                "a relative XDG_CACHE_HOME is ignored");
        assertEquals(java.util.Optional.of(Path.of("/c")), folder.apply(java.util.Map.of("BUCKETSCOPE_CACHE_DIR", "/c", "XDG_CACHE_HOME", "/xdg")));
        assertEquals(java.util.Optional.empty(), folder.apply(java.util.Map.of("BUCKETSCOPE_CACHE", "0", "BUCKETSCOPE_CACHE_DIR", "/c")));
        assertEquals(java.util.Optional.empty(), LintCommand.schemaPasses(java.util.Map.of(), null).folder());
    }
}
