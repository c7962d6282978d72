package dev.bucketscope.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.regex.Pattern;
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

    /** What SOPS ciphertext looks like, as a regex; {@link CredentialsFile#encrypted} is its hand-written form. */
    private static final Pattern ENCRYPTED = Pattern.compile("^ENC\\[[A-Z0-9_]+,data:.*\\]$", Pattern.DOTALL);
    private static final String[] PIECES = {"ENC[", "AES256_GCM", "A", "_", "9", "a", ",data:", ",", "data:", "x=", "]", "[", "\n", "\r", " ", ""};

    @Test
    void encryptedAgreesWithTheSopsRegex() {
        qt().withFixedSeed(5).withExamples(20_000).forAll(lists().of(integers().between(0, PIECES.length - 1)).ofSizeBetween(0, 8)).checkAssert(picks -> {
            StringBuilder text = new StringBuilder(picks.isEmpty() || picks.get(0) % 3 == 0 ? "" : "ENC[");
            for (int p : picks) text.append(PIECES[p]);
            String t = text.toString();
            assertEquals(ENCRYPTED.matcher(t).matches(), CredentialsFile.encrypted(t), t);
        });
        assertTrue(CredentialsFile.encrypted("ENC[AES256_GCM,data:Zm9v,iv:abc,tag:def,type:str]"));
        assertFalse(CredentialsFile.encrypted("ENC[AES256_GCM,data:]\n"));
        assertFalse(CredentialsFile.encrypted("ENC[,data:x]"));
        assertFalse(CredentialsFile.encrypted("ENC[aes,data:x]"));
    }

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
