package dev.bucketscope.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The inventory phase of a run: attribution to components, exceptions, baseline, configuration errors. */
class LintRunTest {
    @TempDir
    Path dir;

    private static final String STAR_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"All\",\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:*\"],\"Resource\":[\"arn:aws:s3:::loki-*\"]}]}";

    private LintRun.Result run(String inventory, LocalDate today, Set<String> baseline) throws Exception {
        Files.createDirectories(dir.resolve("policies"));
        Files.writeString(dir.resolve("policies/loki-storage.json"), STAR_POLICY);
        Files.writeString(dir.resolve("bucketscope.yaml"), inventory);
        return LintRun.run(new LintRun.Options(List.of(Path.of(".")), dir, Optional.empty(), Optional.empty(), Map.of(),
                today, baseline, "baseline.json"), new RuleCatalog(BuiltinRules.all()));
    }

    private static final String INVENTORY = """
            version: 1
            components:
              - name: loki
                policy: policies/loki-storage.json
                buckets:
                  loki-chunks: read-write
            """;

    private static List<Finding> of(LintRun.Result r, String rule) {
        return r.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    @Test
    void findingsAreTheSameWithoutFingerprintsWhichThenCannotBeRead() throws Exception {
        LintRun.Result with = run(INVENTORY, LocalDate.of(2026, 6, 1), Set.of());
        LintRun.Result without = LintRun.run(new LintRun.Options(List.of(Path.of(".")), dir, Optional.empty(), Optional.empty(),
                Map.of(), LocalDate.of(2026, 6, 1), Set.of(), "", false, dev.bucketscope.inventory.SchemaPasses.none(), false),
                new RuleCatalog(BuiltinRules.all()));
        assertTrue(with.findings().size() > 1, "the run reports something");
        assertEquals(with.findings().stream().map(f -> f.at(f.severity()).toString().replace(f.fingerprint(), "null")).toList(),
                without.findings().stream().map(Finding::toString).toList());
        assertThrows(IllegalStateException.class, () -> without.findings().get(0).fingerprint());
        // A baseline needs them, whatever the options say.
        String fp = with.findings().get(0).fingerprint();
        LintRun.Result baselined = LintRun.run(new LintRun.Options(List.of(Path.of(".")), dir, Optional.empty(), Optional.empty(),
                Map.of(), LocalDate.of(2026, 6, 1), Set.of(fp), "b.json", false, dev.bucketscope.inventory.SchemaPasses.none(), false),
                new RuleCatalog(BuiltinRules.all()));
        assertEquals(fp, baselined.findings().stream().filter(Finding::suppressed).findFirst().orElseThrow().fingerprint());
    }

    @Test
    void policyFindingsAreAttributedToTheirComponent() throws Exception {
        LintRun.Result r = run(INVENTORY, LocalDate.of(2026, 6, 1), Set.of());
        Finding star = of(r, "wildcard-action").get(0);
        assertEquals("loki", star.component());
        assertTrue(star.related().stream().anyMatch(rel -> rel.location().file().equals("bucketscope.yaml")
                && rel.location().span().line() == 3), star.related().toString());
    }

    @Test
    void liveExceptionsSuppressExpiredOnesDoNot() throws Exception {
        String withException = INVENTORY + """
                exceptions:
                  - rule: wildcard-action
                    component: loki
                    reason: migration in progress
                    expires: 2026-12-31
                """;
        Finding live = of(run(withException, LocalDate.of(2026, 6, 1), Set.of()), "wildcard-action").get(0);
        assertEquals(Optional.of(new Suppression(Suppression.Kind.EXCEPTION, "migration in progress")), live.suppression());
        Finding expired = of(run(withException, LocalDate.of(2027, 1, 1), Set.of()), "wildcard-action").get(0);
        assertTrue(expired.suppression().isEmpty());
    }

    @Test
    void statementExceptionsAreBoundToTheStatementContent() throws Exception {
        LintRun.Result first = run(INVENTORY, LocalDate.of(2026, 6, 1), Set.of());
        var policy = first.findings().get(0);
        String hash = LintRun.statementHash(dev.bucketscope.policy.PolicyFile.fromText(STAR_POLICY, "p", 
                dev.bucketscope.dialect.Dialect.defaultDialect(), List.of()).policy().orElseThrow().statements().get(0));
        String exception = INVENTORY + "exceptions:\n  - {rule: wildcard-action, component: loki, reason: accepted, expires: 2026-12-31, "
                + "statement: All, statement-hash: " + hash + "}\n";
        assertTrue(of(run(exception, LocalDate.of(2026, 6, 1), Set.of()), "wildcard-action").get(0).suppressed(), policy.toString());
        String stale = INVENTORY + "exceptions:\n  - {rule: wildcard-action, component: loki, reason: accepted, expires: 2026-12-31, "
                + "statement: All, statement-hash: 000000000000}\n";
        assertTrue(!of(run(stale, LocalDate.of(2026, 6, 1), Set.of()), "wildcard-action").get(0).suppressed());
    }

    @Test
    void baselineSuppressesKnownFindingsOnly() throws Exception {
        LintRun.Result first = run(INVENTORY, LocalDate.of(2026, 6, 1), Set.of());
        Finding star = of(first, "wildcard-action").get(0);
        LintRun.Result second = run(INVENTORY, LocalDate.of(2026, 6, 1), Set.of(star.fingerprint()));
        Finding again = of(second, "wildcard-action").get(0);
        assertEquals(Suppression.Kind.BASELINE, again.suppression().orElseThrow().kind());
        assertTrue(second.findings().stream().filter(f -> !f.fingerprint().equals(star.fingerprint())).noneMatch(Finding::suppressed));
    }

    @Test
    void configurationErrorsNameTheInventoryLine() throws IOException {
        var e = assertThrows(LintRun.ConfigException.class, () -> run("version: 1\ncomponents:\n  - name: Loki!\n",
                LocalDate.of(2026, 6, 1), Set.of()));
        assertTrue(e.getMessage().startsWith("bucketscope.yaml:3:"), e.getMessage());
        var d = assertThrows(LintRun.ConfigException.class, () -> run("version: 1\nserver:\n  dialect: ceph\ncomponents: []\n",
                LocalDate.of(2026, 6, 1), Set.of()));
        assertTrue(d.getMessage().startsWith("bucketscope.yaml:3:12: "), d.getMessage());
        var s = assertThrows(LintRun.ConfigException.class, () -> run("version: 1\ncomponents: []\nseverity:\n  no-such-rule: off\n",
                LocalDate.of(2026, 6, 1), Set.of()));
        assertTrue(s.getMessage().contains("no-such-rule"), s.getMessage());
    }

    @Test
    void inventorySeverityOverridesApply() throws Exception {
        LintRun.Result r = run(INVENTORY + "severity:\n  wildcard-action: note\n  redundant-grant: off\n", LocalDate.of(2026, 6, 1), Set.of());
        assertEquals(Severity.NOTE, of(r, "wildcard-action").get(0).severity());
        assertEquals(List.of(), of(r, "redundant-grant"));
    }

    @Test
    void policyPathsMayNotLeaveTheInventoryDirectory() throws Exception {
        LintRun.Result r = run(INVENTORY.replace("policies/loki-storage.json", "../../../etc/passwd"), LocalDate.of(2026, 6, 1), Set.of());
        // the file outside is never read: no finding points into it
        assertTrue(r.findings().stream().noneMatch(f -> f.location().file().contains("passwd")), r.findings().toString());
    }

    /**
     * A tree's policies are linted while the inventory is still being checked, with its dialect
     * and the command line's severities; the inventory's severities apply afterwards, and an
     * inventory that fails its schema still stops the run.
     */
    @Test
    void treeRunsApplyTheInventorysDialectAndSeverities() throws Exception {
        Files.createDirectories(dir.resolve("policies"));
        Files.writeString(dir.resolve("policies/get-star.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"s3:Get*\"],\"Resource\":[\"arn:aws:s3:::loki-chunks/*\"]}]}");
        String severities = """
                severity:
                  wildcard-action: off
                  unsupported-wildcard: note
                """;
        LintRun.Result rustfs = run(INVENTORY + "server:\n  dialect: rustfs\n" + severities, LocalDate.of(2026, 6, 1), Set.of());
        assertTrue(of(rustfs, "wildcard-action").isEmpty(), rustfs.findings().toString());
        assertEquals(List.of(Severity.NOTE), of(rustfs, "unsupported-wildcard").stream().map(Finding::severity).toList());
        LintRun.Result minio = run(INVENTORY + "server:\n  dialect: minio\n" + severities, LocalDate.of(2026, 6, 1), Set.of());
        assertEquals("minio", minio.dialect().id());
        assertTrue(of(minio, "unsupported-wildcard").isEmpty(), minio.findings().toString());
        assertEquals(Severity.OFF, minio.severities().get("wildcard-action"));

        LintRun.ConfigException bad = assertThrows(LintRun.ConfigException.class,
                () -> run(INVENTORY + "server:\n  dialect: minio\n  colour: blue\n", LocalDate.of(2026, 6, 1), Set.of()));
        assertTrue(bad.getMessage().startsWith("bucketscope.yaml:"), bad.getMessage());
        LintRun.ConfigException unknown = assertThrows(LintRun.ConfigException.class,
                () -> run(INVENTORY + "server:\n  dialect: ceph\n", LocalDate.of(2026, 6, 1), Set.of()));
        assertTrue(unknown.getMessage().contains("ceph"), unknown.getMessage());
    }

    /** A run that remembers the inventory's schema pass reports the same as one that checks it. */
    @Test
    void aRememberedSchemaPassChangesNoFinding() throws Exception {
        // version 1.0 is valid, but only networknt decides it (SchemaSubset leaves fractions to it),
        // so the pass is checked there and remembered
        LintRun.Result checked = run(INVENTORY.replace("version: 1\n", "version: 1.0\n"), LocalDate.of(2026, 6, 1), Set.of());
        Path cache = dir.resolve("cache");
        java.util.function.Supplier<LintRun.Options> options = () -> new LintRun.Options(List.of(Path.of("policies/loki-storage.json")), dir,
                Optional.empty(), Optional.empty(), Map.of(), LocalDate.of(2026, 6, 1), Set.of(), "baseline.json", false,
                dev.bucketscope.inventory.SchemaPasses.in(cache), true);
        LintRun.Result first = LintRun.run(options.get(), new RuleCatalog(BuiltinRules.all()));
        try (var s = Files.list(cache)) {
            assertEquals(1, s.count(), "one pass remembered");
        }
        LintRun.Result second = LintRun.run(options.get(), new RuleCatalog(BuiltinRules.all()));
        assertEquals(first.findings(), second.findings());
        assertEquals(checked.findings().stream().filter(f -> f.location().file().equals("policies/loki-storage.json")).toList(),
                second.findings().stream().filter(f -> f.location().file().equals("policies/loki-storage.json")).toList());
    }

    /**
     * Given policy files only (a commit hook), a run reports what a whole run reports in those
     * files and about their components, and nothing else; given the inventory too, everything
     * about every component. Inventory rules skip the other components, so this also checks that
     * skipping them loses nothing and that identities (fingerprints) do not depend on them.
     */
    /**
     * Files come in the order they are given or listed (PolicySources), which is the file
     * system's: the findings must not depend on it, not even which of two paths to one file
     * (here through a linked folder) the component's findings name.
     */
    @Test
    void findingsDoNotDependOnTheOrderFilesAreFound() throws Exception {
        Files.createDirectories(dir.resolve("policies"));
        Files.writeString(dir.resolve("policies/loki-storage.json"), STAR_POLICY);
        Files.writeString(dir.resolve("policies/other.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"s3:GetObject\",\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::*\"]}]}");
        Files.createSymbolicLink(dir.resolve("mirror"), dir.resolve("policies"));
        Files.writeString(dir.resolve("bucketscope.yaml"), INVENTORY);
        java.util.function.Function<List<Path>, List<Finding>> lint = paths -> {
            try {
                return LintRun.run(new LintRun.Options(paths, dir, Optional.of(Path.of("bucketscope.yaml")), Optional.empty(), Map.of(),
                        LocalDate.of(2026, 6, 1), Set.of(), "baseline.json"), new RuleCatalog(BuiltinRules.all())).findings();
            } catch (LintRun.ConfigException e) {
                throw new AssertionError(e);
            }
        };
        List<Path> given = List.of(Path.of("mirror/loki-storage.json"), Path.of("policies/other.json"), Path.of("policies/loki-storage.json"));
        List<Finding> forward = lint.apply(given);
        List<Finding> backward = lint.apply(List.of(given.get(2), given.get(1), given.get(0)));
        assertEquals(forward, backward);
        // The component's document is the one under the greater display path, whichever came first.
        assertTrue(forward.stream().anyMatch(f -> f.ruleId().equals("undeclared-write") && f.location().file().equals("policies/loki-storage.json")),
                forward.toString());
        assertTrue(forward.stream().noneMatch(f -> f.ruleId().equals("undeclared-write") && f.location().file().startsWith("mirror/")),
                forward.toString());
        assertEquals(lint.apply(List.of(Path.of("."))), lint.apply(List.of(Path.of("."))));
    }

    @Test
    void aCommitHookReportsWhatAWholeRunReportsAboutItsFiles() throws Exception {
        Files.createDirectories(dir.resolve("policies"));
        // each reaches the other's buckets, writes where it declared reads, and uses a wildcard
        Files.writeString(dir.resolve("policies/loki-storage.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"s3:*\"],\"Resource\":[\"arn:aws:s3:::*\"]}]}");
        Files.writeString(dir.resolve("policies/langfuse-storage.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"s3:PutObject\",\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::l*/*\"]}]}");
        Files.writeString(dir.resolve("bucketscope.yaml"), """
                version: 1
                components:
                  - name: loki
                    policy: policies/loki-storage.json
                    buckets:
                      loki-chunks: read-only
                  - name: langfuse
                    policy: policies/langfuse-storage.json
                    buckets:
                      langfuse-events: read-only
                """);
        java.util.function.Function<List<Path>, List<Finding>> lint = paths -> {
            try {
                // as the pre-commit hook runs it (--only-policies: the inventory is not read as a policy)
                return LintRun.run(new LintRun.Options(paths, dir, Optional.empty(), Optional.empty(), Map.of(),
                        LocalDate.of(2026, 6, 1), Set.of(), "baseline.json", true, dev.bucketscope.inventory.SchemaPasses.none(), true),
                        new RuleCatalog(BuiltinRules.all())).findings();
            } catch (LintRun.ConfigException e) {
                throw new AssertionError(e);
            }
        };
        List<Finding> whole = lint.apply(List.of(Path.of(".")));
        assertTrue(whole.stream().anyMatch(f -> f.component().equals("langfuse") && f.location().file().equals("bucketscope.yaml")),
                whole.toString());
        assertTrue(whole.stream().anyMatch(f -> f.ruleId().equals("cross-component-access") && f.component().equals("langfuse")),
                whole.toString());

        List<Finding> loki = lint.apply(List.of(Path.of("policies/loki-storage.json")));
        List<Finding> expected = whole.stream()
                .filter(f -> f.location().file().equals("policies/loki-storage.json") || f.component().equals("loki")).toList();
        assertTrue(expected.stream().anyMatch(f -> f.ruleId().equals("cross-component-access")), expected.toString());
        assertEquals(expected, loki);

        List<Finding> withInventory = lint.apply(List.of(Path.of("policies/loki-storage.json"), Path.of("bucketscope.yaml")));
        assertEquals(whole.stream().filter(f -> !f.location().file().equals("policies/langfuse-storage.json")).toList(),
                withInventory.stream().filter(f -> !f.location().file().equals("policies/langfuse-storage.json")).toList());
    }

    @Test
    void realPathsResolveAsToRealPathDoes() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real/policies"));
        Files.writeString(real.resolve("a.json"), "{}");
        Files.createSymbolicLink(dir.resolve("linked"), dir.resolve("real"));
        Files.createSymbolicLink(real.resolve("b.json"), real.resolve("a.json"));
        Files.createSymbolicLink(real.resolve("outside.json"), dir.resolve("real/policies/a.json"));
        Files.writeString(dir.resolve("file"), "x");
        Map<Path, Path> dirs = new java.util.HashMap<>();
        for (String p : List.of("real/policies/a.json", "linked/policies/a.json", "linked/policies/b.json", "real/policies/b.json",
                "real/policies/outside.json", "linked/policies", "real")) {
            Path abs = dir.resolve(p).toAbsolutePath().normalize();
            assertEquals(abs.toRealPath(), LintRun.realPath(abs, dirs), p);
        }
        for (String p : List.of("real/policies/missing.json", "file/x.json", "missing/a.json")) {
            Path abs = dir.resolve(p).toAbsolutePath().normalize();
            assertThrows(IOException.class, abs::toRealPath, p);
            assertThrows(IOException.class, () -> LintRun.realPath(abs, dirs), p);
        }
    }
}
