package dev.bucketscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format github}, {@code --format markdown} and {@code --only-policies}. */
class OtherFormatsTest {
    private static final String SAMPLE = "src/test/resources/lint-sample";

    @TempDir
    Path dir;

    @Test
    void githubAnnotationsMatchGolden() throws IOException {
        CliRun r = CliRun.of("lint", SAMPLE, "--format", "github");
        assertEquals(1, r.code(), r.err());
        assertEquals(Files.readString(Path.of("src/test/resources/golden/lint-sample.github.txt")), r.out());
    }

    @Test
    void githubAnnotationsEscapeWhatTheRunnerWouldReadAsSyntax() throws IOException {
        Path p = Files.createDirectories(dir.resolve("a,b")).resolve("x:y.json");
        Files.writeString(p, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObjekt\"],\"Resource\":[\"arn:aws:s3:::b/*\"]}]}");
        CliRun r = CliRun.of("lint", p.toString(), "--format", "github", "--severity", "unknown-action=note");
        assertEquals(0, r.code(), r.err());
        String line = r.out().strip();
        assertTrue(line.startsWith("::notice file="), line);
        assertTrue(line.contains("a%2Cb/x%3Ay.json,line=1,endLine=1,col="), line);
        assertTrue(line.contains(",title=bucketscope unknown-action::"), line);
        assertEquals(1, r.out().lines().count());
    }

    @Test
    void markdownSummaryMatchesGolden() throws IOException {
        CliRun r = CliRun.of("lint", SAMPLE, "--format", "markdown");
        assertEquals(1, r.code(), r.err());
        assertEquals(Files.readString(Path.of("src/test/resources/golden/lint-sample.md")), r.out());
    }

    /** Each format runs with the identities it reads: those that print none are not given any. */
    @Test
    void everyFormatHasTheFingerprintsItReads() {
        for (String format : ReportOptions.FORMATS) {
            CliRun r = CliRun.of("lint", SAMPLE, "--format", format);
            assertEquals(1, r.code(), format + ": " + r.err());
            assertEquals("", r.err(), format);
        }
    }

    @Test
    void cleanRuns() {
        assertEquals("", CliRun.of("lint", SAMPLE + "/nested/clean.json", "--format", "github").out());
        CliRun md = CliRun.of("lint", SAMPLE + "/nested/clean.json", "--format", "markdown");
        assertEquals(0, md.code());
        assertEquals("### bucketscope\n\nNo findings in 1 policy (rustfs@1.0.0-rc.3).\n", md.out());
    }

    @Test
    void onlyPoliciesSkipsNamedFilesThatAreNotPolicies() throws IOException {
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"x\"}");
        Files.writeString(dir.resolve("inventory.yaml"), "components: {}\n");
        Path clean = Path.of(SAMPLE, "nested/clean.json");
        String pkg = dir.resolve("package.json").toString();
        String yaml = dir.resolve("inventory.yaml").toString();
        assertEquals(1, CliRun.of("lint", pkg, yaml, clean.toString()).code(), "named files are policies by default");
        CliRun r = CliRun.of("lint", "--only-policies", pkg, yaml, clean.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("", r.out() + r.err());
        CliRun broken = CliRun.of("lint", "--only-policies", pkg, SAMPLE + "/nested/broken.json");
        assertEquals(1, broken.code(), "a broken policy is still reported");
    }
}
