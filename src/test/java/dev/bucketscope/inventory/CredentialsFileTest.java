package dev.bucketscope.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which entry a component's key names find in a cluster.yaml-shaped file. */
class CredentialsFileTest {
    private static final String FILE = String.join("\n",
            "nested:",
            "  deeper:",
            "    KEY_A: deep-a",
            "  KEY_A: shallow-a",
            "  KEY_B: nested-b",
            "KEY_B: top-b",
            "other:",
            "  KEY_C: first-c",
            "  KEY_C: second-c",
            "sops:",
            "  KEY_D: metadata-d",
            "l1: {l2: {l3: {l4: {KEY_E: depth-4, l5: {KEY_F: depth-5}}}}}",
            "");

    private final CredentialsFile file = CredentialsFile.parse(FILE, "cluster.yaml");

    @Test
    void aMappingsOwnKeysComeBeforeThoseNestedInIt() {
        assertEquals("/KEY_B", file.find(List.of("KEY_B")).orElseThrow().pointer());
        assertEquals("/nested/KEY_A", file.find(List.of("KEY_A")).orElseThrow().pointer());
    }

    @Test
    void theLastOfDuplicateKeysWins() {
        assertEquals(9, file.find(List.of("KEY_C")).orElseThrow().keySpan().line());
    }

    @Test
    void namesAreTriedInOrder() {
        assertEquals("/other/KEY_C", file.find(List.of("MISSING", "KEY_C", "KEY_B")).orElseThrow().pointer());
    }

    @Test
    void sopsMetadataAndMappingsBelowDepthFourAreNotSearched() {
        assertTrue(file.find(List.of("KEY_D")).isEmpty());
        assertEquals("/l1/l2/l3/l4/KEY_E", file.find(List.of("KEY_E")).orElseThrow().pointer());
        assertTrue(file.find(List.of("KEY_F")).isEmpty());
    }
}
