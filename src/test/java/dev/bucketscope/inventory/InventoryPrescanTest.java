package dev.bucketscope.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.bucketscope.policy.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The prescan reads plainly written inventories as the YAML reader does, and gives up on anything else. */
class InventoryPrescanTest {
    /** The line shapes the prescan reads, as the regexes they were first written as. */
    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z_][A-Za-z0-9_-]*):(.*)$");
    private static final Pattern POLICY = Pattern.compile("^ *(?:- +)?policy:(.*)$");
    private static final String[] PIECES = {" ", "  ", "-", "- ", "policy:", "policy", ":", "name", "_x", "9", "a-b",
        "dialect", "#", "\r", "\u2028", "\u0085", "\t", "'", "\"", "x", ""};

    @Test
    void lineReadersAgreeWithTheirRegexes() {
        qt().withFixedSeed(3).withExamples(30_000).forAll(lists().of(integers().between(0, PIECES.length - 1)).ofSizeBetween(0, 7)).checkAssert(picks -> {
            StringBuilder b = new StringBuilder();
            for (int p : picks) b.append(PIECES[p]);
            String line = b.toString();
            Matcher k = KEY.matcher(line);
            InventoryPrescan.Key key = InventoryPrescan.Key.of(line);
            if (k.matches()) {
                assertEquals(new InventoryPrescan.Key(k.group(1).length(), k.group(2), k.group(3)), key, line);
            } else {
                assertEquals(null, key, line);
            }
            Matcher p = POLICY.matcher(line);
            assertEquals(p.matches() ? p.group(1) : null, InventoryPrescan.policyValue(line), line);
        });
    }

    @Test
    void agreesWithTheReaderOnEveryInventoryInTheRepository() throws IOException {
        List<Path> inventories;
        try (Stream<Path> s = Files.walk(Path.of("."))) {
            inventories = s.filter(p -> p.getFileName().toString().equals("bucketscope.yaml") && !p.startsWith("./target")).toList();
        }
        int compared = 0;
        for (Path p : inventories) {
            String text = Files.readString(p);
            Optional<InventoryPrescan> scan = InventoryPrescan.of(text);
            Optional<Inventory> inv = InventoryReader.parse(text, "bucketscope.yaml", p.getParent()).inventory();
            if (scan.isEmpty() || inv.isEmpty()) continue;
            compared++;
            assertEquals(inv.get().dialect().map(Value::text), scan.get().dialect(), p.toString());
            assertEquals(inv.get().components().stream().flatMap(c -> c.policy().stream()).map(Value::text).toList(),
                    scan.get().policies(), p.toString());
        }
        assertTrue(compared >= 40, "only " + compared + " of " + inventories.size() + " inventories compared");
    }

    @Test
    void readsPlainAndQuotedValuesWithComments() {
        InventoryPrescan scan = InventoryPrescan.of("""
                # comment
                version: 1
                server:
                  endpoint: "http://x:9000"  # not the dialect
                  dialect: 'rustfs@1.0.0-beta.6'   # tested with
                components:
                  - name: a
                    policy: "policies/a.json"
                  - policy: policies/b.json # trailing
                    name: b
                """).orElseThrow();
        assertEquals(Optional.of("rustfs@1.0.0-beta.6"), scan.dialect());
        assertEquals(List.of("policies/a.json", "policies/b.json"), scan.policies());
    }

    @Test
    void noServerMeansNoDialect() {
        assertEquals(Optional.empty(), InventoryPrescan.of("version: 1\ncomponents: []\n").orElseThrow().dialect());
    }

    @Test
    void givesUpOnWhatItDoesNotReadPlainly() {
        for (String text : List.of(
                "server: {dialect: minio}\n",
                "server:\n  dialect: minio\nserver:\n  dialect: aws\n",
                "server:\n  dialect: *anchor\n",
                "server:\n  dialect: !!str minio\n",
                "server:\n  dialect: \"min\\u0069o\"\n",
                "server:\n  dialect: |\n    minio\n",
                "\tserver:\n",
                "---\nserver:\n  dialect: minio\n",
                "{server: {dialect: minio}}\n",
                "\"server\":\n  dialect: minio\n")) {
            assertTrue(InventoryPrescan.of(text).isEmpty(), text);
        }
    }
}
