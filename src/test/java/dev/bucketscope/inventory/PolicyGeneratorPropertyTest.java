package dev.bucketscope.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.bucketscope.core.AccessMatrix;
import dev.bucketscope.core.Finding;
import dev.bucketscope.core.LintRun;
import dev.bucketscope.core.RuleCatalog;
import dev.bucketscope.core.Severity;
import dev.bucketscope.core.Workspace;
import dev.bucketscope.rules.BuiltinRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * For random inventories, the policies {@code generate} writes lint with no finding at warning or
 * above (every rule, the inventory's included) and grant exactly the declared capabilities, as the
 * evaluator sees them, in every dialect.
 */
class PolicyGeneratorPropertyTest {
    private static final String[] DIALECTS = {"rustfs@1.0.0-alpha.78", "rustfs@1.0.0-beta.6", "rustfs", "minio", "aws"};
    private static final String[] ACCESS = {"read-only", "read-write", "write-only", "[list]", "[read]", "[write, delete]",
            "[list, write]", "[read, delete]", "[delete]"};
    private static final String[] NAMES = {"alpha", "beta", "gamma", "delta"};

    /** One component: how many buckets, and an access index per bucket. */
    private record Spec(int dialect, List<List<Integer>> components) {}

    private static Gen<Spec> specs() {
        Gen<List<Integer>> buckets = lists().of(integers().between(0, ACCESS.length - 1)).ofSizeBetween(1, 3);
        return integers().between(0, DIALECTS.length - 1)
                .zip(lists().of(buckets).ofSizeBetween(1, NAMES.length), Spec::new);
    }

    @Test
    void generatedPoliciesAreExactAndClean() {
        qt().withExamples(40).withShrinkCycles(20).forAll(specs()).checkAssert(PolicyGeneratorPropertyTest::check);
    }

    private static void check(Spec spec) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("generate-prop");
            StringBuilder inv = new StringBuilder("version: 1\nserver:\n  dialect: " + DIALECTS[spec.dialect()] + "\ncomponents:\n");
            for (int i = 0; i < spec.components().size(); i++) {
                String name = NAMES[i];
                inv.append("  - name: ").append(name).append("\n    policy: policies/").append(name)
                        .append("-storage.json\n    buckets:\n");
                List<Integer> access = spec.components().get(i);
                for (int b = 0; b < access.size(); b++) {
                    inv.append("      ").append(name).append("-b").append(b).append(": ").append(ACCESS[access.get(b)]).append('\n');
                }
            }
            Files.createDirectories(dir.resolve("policies"));
            Files.writeString(dir.resolve("bucketscope.yaml"), inv.toString());
            Workspace ws = Workspace.load(List.of(dir), dir, Optional.empty(), Optional.empty());
            for (Component c : ws.inventory().components()) {
                Files.writeString(dir.resolve("policies/" + c.id() + "-storage.json"), PolicyGenerator.generate(c, ws.dialect()));
            }
            // Reload now that the policies exist, and judge them as the linter and the evaluator do.
            Workspace loaded = Workspace.load(List.of(dir), dir, Optional.empty(), Optional.empty());
            AccessMatrix m = AccessMatrix.of(loaded);
            for (String c : m.components()) {
                for (var cell : m.cells().get(c).entrySet()) {
                    assertEquals(cell.getValue().declared(), cell.getValue().granted(),
                            DIALECTS[spec.dialect()] + ": " + c + " on " + cell.getKey() + "\n" + inv);
                }
            }
            LintRun.Result r = LintRun.run(new LintRun.Options(List.of(dir), dir, Optional.empty(), Optional.empty(), Map.of(),
                    LocalDate.of(2026, 6, 1), Set.of(), ""), new RuleCatalog(BuiltinRules.all()));
            List<Finding> serious = r.findings().stream().filter(f -> f.severity().atLeast(Severity.WARNING)).toList();
            assertEquals(List.of(), serious, DIALECTS[spec.dialect()] + "\n" + inv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LintRun.ConfigException e) {
            throw new AssertionError(e.getMessage());
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }

    @Test
    void oneStatementPerDistinctActionSet() throws Exception {
        Path dir = Files.createTempDirectory("generate");
        Files.writeString(dir.resolve("bucketscope.yaml"), "version: 1\ncomponents:\n  - name: loki\n    buckets:\n"
                + "      loki-chunks: read-write\n      loki-ruler: read-write\n      loki-admin: read-only\n");
        Workspace ws = Workspace.load(List.of(dir), dir, Optional.empty(), Optional.empty());
        String policy = PolicyGenerator.generate(ws.inventory().component("loki").orElseThrow(), ws.dialect());
        assertEquals("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "Buckets",
                      "Effect": "Allow",
                      "Action": ["s3:ListBucket"],
                      "Resource": [
                        "arn:aws:s3:::loki-chunks",
                        "arn:aws:s3:::loki-ruler",
                        "arn:aws:s3:::loki-admin"
                      ]
                    },
                    {
                      "Sid": "Objects1",
                      "Effect": "Allow",
                      "Action": ["s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject", "s3:PutObject"],
                      "Resource": [
                        "arn:aws:s3:::loki-chunks/*",
                        "arn:aws:s3:::loki-ruler/*"
                      ]
                    },
                    {
                      "Sid": "Objects2",
                      "Effect": "Allow",
                      "Action": ["s3:GetObject"],
                      "Resource": [
                        "arn:aws:s3:::loki-admin/*"
                      ]
                    }
                  ]
                }
                """, policy);
        delete(dir);
    }
}
