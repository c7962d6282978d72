package dev.bucketscope.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketscope.dialect.Capability;
import dev.bucketscope.source.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InventoryReaderTest {
    private static InventoryReader.Result parse(String yaml) {
        return InventoryReader.parse(yaml, "bucketscope.yaml", Path.of("/repo"));
    }

    @Test
    void readsComponentsWithDefaultsAndPositions() {
        var r = parse("""
                version: 1
                components:
                  - name: langfuse
                    policy: policies/langfuse-storage.json
                    buckets:
                      langfuse-events: read-write
                      langfuse-media: [list, read]
                  - name: talos-backup
                    scope: talos-backups
                    user: talos
                    buckets:
                      talos-backups: write-only
                """);
        assertEquals(List.of(), r.problems());
        Inventory inv = r.inventory().orElseThrow();
        Component lf = inv.component("langfuse").orElseThrow();
        assertEquals("langfuse-svc", lf.user().text());
        assertEquals("langfuse-*", lf.scope().text());
        assertTrue(lf.scopeDefaulted());
        assertEquals(Set.of(Capability.LIST, Capability.READ, Capability.WRITE, Capability.DELETE), lf.buckets().get(0).capabilities());
        assertEquals(Set.of(Capability.LIST, Capability.READ), lf.buckets().get(1).capabilities());
        assertEquals(6, lf.buckets().get(0).bucket().span().line());
        assertEquals(7, lf.buckets().get(0).bucket().span().column());
        Component talos = inv.component("talos-backup").orElseThrow();
        assertEquals("talos", talos.user().text());
        assertEquals(Set.of(Capability.WRITE), talos.buckets().get(0).capabilities());
        assertEquals("/components/1", talos.pointer());
    }

    @Test
    void schemaProblemsCarryTheirPosition() {
        var r = parse("""
                version: 1
                components:
                  - name: loki
                    buckets:
                      loki-chunks: read-mostly
                    sope: "loki-*"
                """);
        assertTrue(r.inventory().isEmpty());
        List<String> where = r.problems().stream().map(p -> p.span().line() + ":" + p.span().column() + " " + p.kind()).toList();
        assertTrue(where.contains("5:20 SCHEMA"), where + " " + r.problems());
        assertTrue(where.contains("6:5 SCHEMA"), where + " " + r.problems());
        assertTrue(r.problems().stream().anyMatch(p -> p.message().contains("sope")), r.problems().toString());
    }

    @Test
    void yamlProblemsStopTheInventory() {
        var r = parse("version: 1\ncomponents: [\n");
        assertTrue(r.inventory().isEmpty());
        assertEquals(Problem.Kind.SYNTAX, r.problems().get(0).kind());
        var empty = parse("# nothing\n");
        assertTrue(empty.inventory().isEmpty());
        var laughs = parse("a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
                + "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nversion: 1\ncomponents: []\n");
        assertTrue(laughs.inventory().isEmpty(), "billion laughs must not be expanded");
    }

    @Test
    void exceptionsNeedARealDateAndHashTogetherWithStatement() {
        var badDate = parse("""
                version: 1
                components: [{name: a}]
                exceptions:
                  - {rule: undeclared-read, component: a, reason: needed, expires: 2027-02-30}
                """);
        assertTrue(badDate.inventory().isEmpty());
        assertEquals("expires '2027-02-30' is not a date (YYYY-MM-DD)", badDate.problems().get(0).message());
        assertEquals(4, badDate.problems().get(0).span().line());
        var noHash = parse("""
                version: 1
                components: [{name: a}]
                exceptions:
                  - {rule: undeclared-read, component: a, reason: needed, expires: 2027-01-01, statement: Read}
                """);
        assertTrue(noHash.inventory().isEmpty());
        assertTrue(noHash.problems().get(0).message().contains("statement-hash"), noHash.problems().toString());
    }

    @Test
    void credentialKeyNamesTryUnderscores() {
        assertEquals(List.of("talos-backup_s3_secret_key", "talos_backup_s3_secret_key"),
                Credentials.keyNames(Credentials.DEFAULT_SECRET, "talos-backup"));
    }
}
