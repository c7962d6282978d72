package dev.bucketscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketscope.core.LintRun;
import dev.bucketscope.core.RuleCatalog;
import dev.bucketscope.report.LintReport;
import dev.bucketscope.report.TextReportFormat;
import dev.bucketscope.rules.BuiltinRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known secret values in a credentials file, in plain text, shared, and on a line with a syntax
 * error: lint reports them (by key name and position) and prints none of them, in any format,
 * on stdout or stderr, including the source lines a terminal would show.
 */
class SecretsNeverPrintedTest {
    private static final String SECRET = "S3CR3T-zq81-never-print";
    private static final String ACCESS = "AK-shared-7f3q-access";

    @TempDir
    Path dir;

    private void repository(String cluster) throws IOException {
        Files.writeString(dir.resolve("bucketscope.yaml"), String.join("\n",
                "version: 1",
                "components:",
                "  - name: loki",
                "    policy: policies/loki-storage.json",
                "    buckets:",
                "      loki-chunks: read-write",
                "  - name: obot",
                "    policy: policies/obot-storage.json",
                "    buckets:",
                "      obot-workspaces: read-write",
                "credentials:",
                "  file: cluster.yaml",
                ""));
        Files.createDirectories(dir.resolve("policies"));
        for (String b : List.of("loki-chunks", "obot-workspaces")) {
            Files.writeString(dir.resolve("policies/" + b.substring(0, b.indexOf('-')) + "-storage.json"),
                    "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"],"
                            + " \"Resource\": [\"arn:aws:s3:::" + b + "/*\"]}]}\n");
        }
        Files.writeString(dir.resolve("cluster.yaml"), cluster);
    }

    private void assertNothingPrinted(String... mustAppear) {
        for (String format : List.of("text", "json")) {
            CliRun r = CliRun.of("lint", dir.toString(), "--format", format, "--fail-on", "none", "--today", "2026-06-01");
            assertEquals(0, r.code(), r.err());
            for (String s : mustAppear) assertTrue(r.out().contains(s), format + " lacks " + s + ":\n" + r.out());
            for (String value : List.of(SECRET, ACCESS, "zq81", "7f3q")) {
                assertFalse(r.out().contains(value), format + " prints a secret:\n" + r.out());
                assertFalse(r.err().contains(value), format + " prints a secret on stderr:\n" + r.err());
            }
        }
    }

    @Test
    void plaintextAndSharedValuesAreNamedNotShown() throws Exception {
        repository("loki_s3_access_key: " + ACCESS + "\nloki_s3_secret_key: \"" + SECRET + "\"\n"
                + "obot_s3_access_key: '" + ACCESS + "'\nobot_s3_secret_key: " + SECRET + "-2\n");
        assertNothingPrinted("loki_s3_secret_key is not encrypted with SOPS (value not shown)",
                "obot_s3_secret_key", "loki_s3_access_key and obot_s3_access_key");

        // What a terminal shows: the source line under each finding, but never a line of the credentials file.
        LintRun.Result result = LintRun.run(new LintRun.Options(List.of(dir), dir, Optional.empty(), Optional.empty(),
                Map.of(), LocalDate.parse("2026-06-01"), Set.of(), ""), new RuleCatalog(BuiltinRules.all()));
        String shown = TextReportFormat.render(new LintReport("test", result.dialect().id(), result.files(),
                result.findings(), result.notices()), true, false,
                LintCommand.sourceLines(Path.of("."), LintCommand.credentialsFile(result)));
        assertTrue(shown.contains("plaintext-secret"), shown);
        assertFalse(shown.contains(SECRET) || shown.contains(ACCESS), shown);
        assertTrue(LintCommand.sourceLines(Path.of("."), Optional.empty())
                .apply(dir.resolve("cluster.yaml").toString(), 2).orElseThrow().contains(SECRET),
                "the check above can fail: without the guard the line would be shown");
    }

    @Test
    void syntaxErrorOnASecretsLineDoesNotQuoteIt() throws Exception {
        repository("loki_s3_access_key: " + ACCESS + "\nloki_s3_secret_key: \"" + SECRET + "\\q\"\n");
        assertNothingPrinted("credentials file 'cluster.yaml' could not be read (line 2, column");
        repository("loki_s3_access_key: *" + ACCESS + "\nloki_s3_secret_key: !" + SECRET + " x\n");
        assertNothingPrinted("credentials file 'cluster.yaml' could not be read");
    }
}
