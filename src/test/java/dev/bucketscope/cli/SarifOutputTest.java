package dev.bucketscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketscope.report.LineHashes;
import dev.bucketscope.report.SarifCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code --format sarif} end to end: every document written here passes {@link SarifCheck}. */
class SarifOutputTest {
    private static final String SAMPLE = "src/test/resources/lint-sample";

    @TempDir
    Path dir;

    static String normalised(String sarif) {
        return sarif.replaceAll("\"(start|end)TimeUtc\" : \"[^\"]+\"", "\"$1TimeUtc\" : \"<time>\"");
    }

    static JsonNode sarif(String... args) {
        List<String> all = new ArrayList<>(List.of("lint"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "sarif"));
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertTrue(r.code() == 0 || r.code() == 1, r.err());
        return SarifCheck.valid(r.out());
    }

    @Test
    void matchesGolden() throws IOException {
        CliRun r = CliRun.of("lint", SAMPLE, "--format", "sarif");
        assertEquals(1, r.code(), r.err());
        SarifCheck.valid(r.out());
        assertEquals(Files.readString(Path.of("src/test/resources/golden/lint-sample.sarif")), normalised(r.out()));
    }

    @Test
    void cleanRunHasAnEmptyResultsArrayAndEveryRule() {
        JsonNode log = sarif(SAMPLE + "/nested/clean.json");
        JsonNode run = log.path("runs").get(0);
        assertTrue(run.path("results").isArray());
        assertEquals(0, run.path("results").size());
        // every rule lint can report: all but the probe's, which need the live server's answers
        assertEquals(CliRun.of("rules").out().lines().filter(l -> !l.isBlank() && !l.startsWith("probe-")).count(),
                run.at("/tool/driver/rules").size(), "every rule lint runs is listed");
    }

    @Test
    void warningLevelIsWrittenExplicitly() {
        JsonNode log = sarif(SAMPLE + "/GUIDE.md", "--severity", "unknown-action=warning");
        JsonNode result = log.at("/runs/0/results/0");
        assertEquals("unknown-action", result.path("ruleId").asString());
        assertEquals("warning", result.path("level").asString());
        JsonNode rule = log.at("/runs/0/tool/driver/rules/" + result.path("ruleIndex").asInt());
        assertEquals("warning", rule.at("/defaultConfiguration/level").asString());
    }

    @Test
    void disabledRulesStayListedButDisabled() {
        JsonNode log = sarif(SAMPLE + "/GUIDE.md", "--severity", "unknown-action=off");
        assertEquals(0, log.at("/runs/0/results").size());
        for (JsonNode rule : log.at("/runs/0/tool/driver/rules")) {
            if (rule.path("id").asString().equals("unknown-action")) {
                assertFalse(rule.at("/defaultConfiguration/enabled").asBoolean(true));
                assertEquals("error", rule.at("/defaultConfiguration/level").asString());
            }
        }
    }

    @Test
    void markdownFindingsPointIntoTheMarkdownFileWithItsLineHash() throws IOException {
        JsonNode result = sarif(SAMPLE + "/GUIDE.md").at("/runs/0/results/0");
        JsonNode loc = result.at("/locations/0/physicalLocation");
        assertEquals(SAMPLE + "/GUIDE.md", loc.at("/artifactLocation/uri").asString());
        assertEquals(8, loc.at("/region/startLine").asInt());
        String text = Files.readString(Path.of(SAMPLE, "GUIDE.md"));
        assertEquals(LineHashes.of(text).get(7), result.at("/partialFingerprints/primaryLocationLineHash").asString());
    }

    @Test
    void categoryAndSecuritySeverity() {
        JsonNode log = sarif("examples/homelab", "--sarif-category", "policies/homelab/");
        assertEquals("policies/homelab/", log.at("/runs/0/automationDetails/id").asString());
        boolean sawSecurity = false;
        for (JsonNode rule : log.at("/runs/0/tool/driver/rules")) {
            JsonNode s = rule.at("/properties/security-severity");
            if (s.isMissingNode()) {
                assertFalse(rule.at("/properties/problem.severity").isMissingNode(), rule.toString());
            } else {
                sawSecurity = true;
                assertTrue(s.isString());
            }
        }
        assertTrue(sawSecurity);
        assertEquals(2, CliRun.of("lint", SAMPLE, "--format", "sarif", "--sarif-category", " ").code());
    }

    @Test
    void relatedLocationsAreNumberedAndExplained() throws IOException {
        JsonNode log = sarif("fixtures/redundant-grant");
        int withRelated = 0;
        for (JsonNode result : log.at("/runs/0/results")) {
            JsonNode related = result.path("relatedLocations");
            for (int i = 0; i < related.size(); i++) {
                withRelated++;
                assertEquals(i + 1, related.get(i).path("id").asInt());
                assertFalse(related.get(i).at("/message/text").asString().isEmpty());
            }
        }
        assertTrue(withRelated > 0, "the redundant-grant fixtures have related locations");
    }

    @Test
    void pathsAreEncodedAndAbsolutePathsAreFileUris() throws IOException {
        Path policy = Files.createDirectories(dir.resolve("my policies")).resolve("ünï #1.json");
        Files.writeString(policy, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\"],\"Resource\":[\"*\"]}]}");
        String uri = sarif(policy.toString()).at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asString();
        assertTrue(uri.endsWith("/my%20policies/%C3%BCn%C3%AF%20%231.json"), uri);
    }

    @Test
    void everyFixtureAndExampleGivesValidSarif() throws IOException {
        List<String> dirs;
        try (Stream<Path> s = Files.list(Path.of("fixtures"))) {
            dirs = s.filter(Files::isDirectory).map(Path::toString).sorted().toList();
        }
        List<String> args = new ArrayList<>(dirs);
        args.add("examples");
        JsonNode log = sarif(args.toArray(String[]::new));
        assertTrue(log.at("/runs/0/results").size() > 20);
        // Each dialect too: rule levels and messages differ.
        for (String d : List.of("minio", "aws", "rustfs@1.0.0-alpha.78")) {
            List<String> withDialect = new ArrayList<>(args);
            withDialect.addAll(List.of("--dialect", d));
            sarif(withDialect.toArray(String[]::new));
        }
    }

    @Test
    void writesTheFileAndNoticesBecomeNotifications() throws IOException {
        Path out = dir.resolve("out/report.sarif");
        CliRun r = CliRun.of("lint", SAMPLE, "no-such-dir", "--format", "sarif", "--output", out.toString());
        assertEquals(1, r.code(), r.err());
        JsonNode log = SarifCheck.valid(Files.readString(out));
        JsonNode n = log.at("/runs/0/invocations/0/toolExecutionNotifications/0");
        assertEquals("warning", n.path("level").asString());
        assertTrue(n.at("/message/text").asString().contains("no-such-dir"));
    }

    @Test
    void onlyOneJacksonMajorIsOnTheClassPath() {
        // java-sarif's Jackson 2 core and databind are excluded; its POJOs are written with Jackson 3.
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.fasterxml.jackson.databind.ObjectMapper"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.fasterxml.jackson.core.JsonFactory"));
    }

    @Test
    void schemaCheckCatchesWhatGithubRejects() {
        // The gate itself: a region starting at line 0 and a bad level must not pass the schema.
        String bad = "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"t\"}},\"results\":["
                + "{\"level\":\"fatal\",\"message\":{\"text\":\"m\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"a\"},"
                + "\"region\":{\"startLine\":0}}}]}]}]}";
        assertEquals(2, SarifCheck.schemaErrors(bad).size(), SarifCheck.schemaErrors(bad).toString());
    }
}
