package dev.bucketscope.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inventories remembered as passing the schema check, so that a commit hook skips the validator. */
class SchemaPassesTest {
    // "1.0": valid (JSON Schema's 1.0 equals 1), but SchemaSubset leaves numbers with a fraction to
    // networknt, so this inventory is checked, and its pass remembered, as any it cannot decide.
    private static final String VALID = """
            version: 1.0
            components:
              - name: loki
                buckets:
                  loki-chunks: read-write
            """;
    /** Valid but for a member the schema does not allow; the model would ignore it. */
    private static final String UNKNOWN_MEMBER = VALID + "colour: blue\n";

    @TempDir
    Path tmp;

    private static InventoryReader.Result parse(String text, SchemaPasses passes) {
        return InventoryReader.parse(text, "bucketscope.yaml", Path.of("/repo"), passes);
    }

    private List<Path> remembered() throws IOException {
        if (!Files.isDirectory(tmp.resolve("cache"))) return List.of();
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            return s.toList();
        }
    }

    @Test
    void anInventoryProvenValidFromTheSchemaNeedsNoPass() throws IOException {
        SchemaPasses passes = SchemaPasses.in(tmp.resolve("cache"));
        InventoryReader.Result r = parse(VALID.replace("version: 1.0", "version: 1"), passes);
        assertEquals(List.of(), r.problems());
        assertTrue(r.inventory().isPresent());
        assertEquals(List.of(), remembered(), "SchemaSubset proved it valid: networknt was not asked, nothing to remember");
    }

    @Test
    void aPassIsRememberedAndTheSameTextIsNotCheckedAgain() throws IOException {
        SchemaPasses passes = SchemaPasses.in(tmp.resolve("cache"));
        assertFalse(passes.passed(VALID));
        InventoryReader.Result first = parse(VALID, passes);
        assertEquals(List.of(), first.problems());
        assertEquals(1, remembered().size());
        assertTrue(passes.passed(VALID));
        assertFalse(passes.passed(VALID + "# edited\n"), "any edit is checked afresh");

        InventoryReader.Result second = parse(VALID, passes);
        assertEquals(first.inventory().orElseThrow().components(), second.inventory().orElseThrow().components());
        assertEquals(1, remembered().size());
    }

    @Test
    void aRememberedPassSkipsTheCheck() {
        assertFalse(parse(UNKNOWN_MEMBER, SchemaPasses.none()).problems().isEmpty(), "the schema refuses it");
        SchemaPasses passes = SchemaPasses.in(tmp.resolve("cache"));
        passes.remember(UNKNOWN_MEMBER); // as if an earlier build had let it pass
        InventoryReader.Result r = parse(UNKNOWN_MEMBER, passes);
        assertEquals(List.of(), r.problems(), "the validator did not run");
    }

    @Test
    void aPassThatDoesNotFitTheModelIsCheckedAfterAll() {
        String notAList = "version: 1\ncomponents: 5\n";
        SchemaPasses passes = SchemaPasses.in(tmp.resolve("cache"));
        passes.remember(notAList);
        InventoryReader.Result r = parse(notAList, passes);
        assertTrue(r.inventory().isEmpty());
        assertEquals(parse(notAList, SchemaPasses.none()).problems(), r.problems());
    }

    @Test
    void anInventoryWithProblemsIsNotRemembered() throws IOException {
        SchemaPasses passes = SchemaPasses.in(tmp.resolve("cache"));
        assertFalse(parse(UNKNOWN_MEMBER, passes).problems().isEmpty());
        assertFalse(parse(UNKNOWN_MEMBER, passes).problems().isEmpty(), "reported on every run");
        assertEquals(List.of(), remembered());
    }

    @Test
    void aFolderThatCannotBeWrittenOnlyMeansCheckingAgain() throws IOException {
        Path file = Files.writeString(tmp.resolve("cache"), "a file where the folder would be");
        SchemaPasses passes = SchemaPasses.in(file.resolve("bucketscope"));
        assertEquals(List.of(), parse(VALID, passes).problems());
        assertFalse(passes.passed(VALID));
        assertEquals(List.of(), parse(VALID, passes).problems());
    }

    @Test
    void onlyTheNewestPassesAreKept() throws IOException {
        SchemaPasses passes = SchemaPasses.in(tmp.resolve("cache"));
        Files.createDirectories(tmp.resolve("cache"));
        Path other = Files.writeString(tmp.resolve("cache").resolve("unrelated"), "kept");
        for (int i = 0; i < SchemaPasses.KEEP + 5; i++) passes.remember(VALID + "# edit " + i + "\n");
        assertEquals(SchemaPasses.KEEP + 1, remembered().size());
        assertTrue(Files.exists(other), "only passes are pruned");
    }

    @Test
    void nothingIsRememberedWithoutAFolder() {
        SchemaPasses none = SchemaPasses.none();
        none.remember(VALID);
        assertFalse(none.passed(VALID));
        assertTrue(none.folder().isEmpty());
    }
}
