package dev.bucketscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A policy written pretty and the same policy minified give the same SARIF partialFingerprints
 * (bucketscope's own key), finding for finding: over every fixture policy and over random ones.
 */
class SarifFingerprintPropertyTest {
    private static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @TempDir
    Path dir;

    /** "ruleId fingerprint" of every result, sorted, for the text written at one fixed path. */
    private List<String> fingerprints(String text) {
        try {
            Path p = dir.resolve("policy.json");
            Files.writeString(p, text);
            CliRun r = CliRun.of("lint", p.toString(), "--format", "sarif", "--dialect", "minio");
            List<String> out = new ArrayList<>();
            for (JsonNode res : dev.bucketscope.report.SarifCheck.valid(r.out()).at("/runs/0/results")) {
                out.add(res.path("ruleId").asString() + " " + res.at("/partialFingerprints/bucketscope~1v1").asString());
            }
            out.sort(null);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void samePrettyAndMinified(String source) {
        JsonNode tree = STRICT.readTree(source);
        String minified = STRICT.writeValueAsString(tree);
        String pretty = PRETTY.writeValueAsString(tree).replace("\n", "\r\n   ");
        assertEquals(fingerprints(minified), fingerprints(pretty), source);
    }

    @Test
    void fixturePolicies() throws IOException {
        List<Path> policies;
        try (Stream<Path> s = Files.walk(Path.of("fixtures"))) {
            policies = s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json")
                    && !p.toString().endsWith(".options.json") && !p.startsWith("fixtures/invalid-json")).sorted().toList();
        }
        assertFalse(policies.isEmpty());
        int checked = 0;
        for (Path p : policies) {
            String text = Files.readString(p);
            try {
                STRICT.readTree(text);
            } catch (RuntimeException e) {
                continue; // not strict JSON: nothing to reformat
            }
            samePrettyAndMinified(text);
            checked++;
        }
        assertFalse(checked < 20, "checked " + checked);
    }

    private static final List<String> ACTIONS = List.of("s3:*", "*", "s3:GetObject", "s3:Get*", "s3:PutObject", "s3:ListBucket",
            "s3:DeleteBucket", "s3:PutBucketPolicy", "s3:ListAllMyBuckets", "admin:*", "s3:GetObjekt");
    private static final List<String> RESOURCES = List.of("*", "arn:aws:s3:::*", "arn:aws:s3:::b", "arn:aws:s3:::b/*",
            "arn:aws:s3:::b*", "arn:aws:s3:::b/logs/*", "arn:aws:s3:::c/*");

    private static Gen<String> statement() {
        Gen<List<String>> actions = SourceDSL.lists().of(SourceDSL.integers().between(0, ACTIONS.size() - 1).map(ACTIONS::get))
                .ofSizeBetween(1, 4);
        Gen<List<String>> resources = SourceDSL.lists().of(SourceDSL.integers().between(0, RESOURCES.size() - 1).map(RESOURCES::get))
                .ofSizeBetween(1, 3);
        return SourceDSL.booleans().all().zip(actions, resources, (allow, a, r) ->
                "{\"Effect\":\"" + (allow ? "Allow" : "Deny") + "\",\"Action\":" + array(a) + ",\"Resource\":" + array(r) + "}");
    }

    private static String array(List<String> items) {
        return "[" + String.join(",", items.stream().map(s -> "\"" + s + "\"").toList()) + "]";
    }

    @Test
    void randomPolicies() {
        qt().withExamples(40).withShrinkCycles(20)
                .forAll(SourceDSL.lists().of(statement()).ofSizeBetween(1, 4))
                .checkAssert(stmts -> samePrettyAndMinified(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", stmts) + "]}"));
    }
}
