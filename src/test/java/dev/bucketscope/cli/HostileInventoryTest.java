package dev.bucketscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inventories through every command that reads one (lint in each format, matrix,
 * generate): a configuration error names the inventory and its line (exit 2), never a stack
 * trace, always within a bounded time; nothing outside the tree is read.
 */
class HostileInventoryTest {
    @TempDir
    Path dir;

    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::a-x/*\"]}]}";

    private static final List<List<String>> COMMANDS = List.of(
            List.of("lint", "--format", "text"), List.of("lint", "--format", "json"), List.of("lint", "--format", "sarif"),
            List.of("lint", "--format", "github"), List.of("lint", "--format", "markdown"),
            List.of("matrix"), List.of("matrix", "--format", "html"), List.of("generate"));

    private static CliRun run(Path repo, List<String> command) {
        String[] args = new String[command.size() + 1];
        for (int i = 0; i < command.size(); i++) args[i] = command.get(i);
        args[command.size()] = repo.toString();
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.of(args), () -> command + " hung");
        // Shapes of a stack trace, not words: SARIF embeds rule help that speaks of exceptions.
        for (String trace : List.of("Exception: ", "\tat ", "at dev.bucketscope.", "java.lang.", "internal error")) {
            assertFalse((r.out() + r.err()).contains(trace), () -> command + ": " + r.err());
        }
        return r;
    }

    private Path repo(String inventory) throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve("policies"));
        Files.writeString(repo.resolve("policies/a-storage.json"), POLICY);
        Files.writeString(repo.resolve("bucketscope.yaml"), inventory);
        return repo;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "billion laughs | a: &a [x,x,x,x,x,x,x,x,x]\\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\\nversion: 1\\ncomponents: []\\n",
        "custom tag     | version: 1\\ncomponents: !exec [rm]\\n",
        "duplicate keys | version: 1\\ncomponents: []\\ncomponents: []\\n",
        "not a mapping  | - version: 1\\n",
        "wrong types    | version: one\\ncomponents: {name: a}\\n",
        "unclosed       | version: 1\\ncomponents: [\\n",
        "empty          | '# nothing here\\n'",
    })
    void configurationErrorsNameTheInventoryLine(String name, String yaml) throws IOException {
        Path repo = repo(yaml.replace("\\n", "\n"));
        for (List<String> command : COMMANDS) {
            CliRun r = run(repo, command);
            assertEquals(2, r.code(), () -> name + " " + command + ": " + r.out() + r.err());
            assertTrue(r.err().matches("(?s).*bucketscope\\.yaml:\\d+:\\d+: .*"), () -> name + " " + command + ": " + r.err());
        }
    }

    @Test
    void policyPathOutsideTheTreeIsReportedAndNotRead() throws IOException {
        Path repo = repo("version: 1\ncomponents:\n  - name: a\n    policy: ../../../../../../etc/passwd\n    buckets: {a-x: read-only}\n");
        CliRun lint = run(repo, List.of("lint", "--format", "text"));
        assertEquals(1, lint.code(), lint.out());
        assertTrue(lint.out().contains("[inventory-reference] policy '../../../../../../etc/passwd' points outside"), lint.out());
        assertFalse(lint.out().contains("root:"), "the file outside the tree was read");
        CliRun matrix = run(repo, List.of("matrix"));
        assertEquals(0, matrix.code());
        assertTrue(matrix.out().contains("points outside"), matrix.out());
    }

    @Test
    void tenThousandComponentsStayBounded() throws IOException {
        StringBuilder inv = new StringBuilder("version: 1\ncomponents:\n");
        for (int i = 0; i < 10_000; i++) inv.append("  - name: c").append(i).append("\n    buckets: {c").append(i).append("-data: read-only}\n");
        Path repo = repo(inv.toString());
        long start = System.nanoTime();
        CliRun lint = run(repo, List.of("lint", "--format", "json"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        // every component names no policy: one inventory-reference finding each, and nothing worse
        assertEquals(1, lint.code(), () -> lint.out().substring(0, Math.min(2000, lint.out().length())));
        assertEquals(10_000, lint.out().split("\"ruleId\": \"inventory-reference\"", -1).length - 1);
        System.out.println("HostileInventoryTest: 10,000 components linted in " + ms + " ms");
    }
}
