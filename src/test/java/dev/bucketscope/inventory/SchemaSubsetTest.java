package dev.bucketscope.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.bucketscope.source.Node;
import dev.bucketscope.source.Span;
import dev.bucketscope.source.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link SchemaSubset} answers VALID or INVALID only where networknt, reading the same schema,
 * agrees: on every inventory in the repository and on inventories mutated at random.
 */
class SchemaSubsetTest {
    private static final SchemaSubset SUBSET = new SchemaSubset(InventoryReader.schemaTree());
    private static final Span AT = Span.point(1, 1);

    /** networknt's answer, the reference. */
    private static boolean networkntValid(Node root) {
        return InventoryReader.validate(root).isEmpty();
    }

    private static void agrees(Node root, String what) {
        SchemaSubset.Verdict v = SUBSET.check(root);
        if (v == SchemaSubset.Verdict.UNKNOWN) return;
        assertEquals(v == SchemaSubset.Verdict.VALID, networkntValid(root), what + ": subset says " + v);
    }

    @Test
    void jsonIntegerAgreesWithItsRegex() {
        Pattern integer = Pattern.compile("-?(0|[1-9][0-9]*)");
        String[] pieces = {"-", "0", "1", "9", "00", "12", ".", "e", "+", "a", " ", ""};
        qt().withFixedSeed(8).withExamples(10_000).forAll(lists().of(integers().between(0, pieces.length - 1)).ofSizeBetween(0, 5)).checkAssert(picks -> {
            StringBuilder text = new StringBuilder();
            for (int p : picks) text.append(pieces[p]);
            String t = text.toString();
            assertEquals(integer.matcher(t).matches(), SchemaSubset.jsonInteger(t), t);
        });
    }

    private static List<Path> repositoryInventories() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("examples", "fixtures", "src/test/resources")) {
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                s.filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                        .filter(p -> !p.getFileName().toString().equals("cluster.yaml"))
                        .forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void agreesWithNetworkntOnEveryInventoryInTheRepositoryAndDecidesTheValidOnes() throws IOException {
        int valid = 0;
        int provenValid = 0;
        for (Path p : repositoryInventories()) {
            Node root = YamlReader.parse(Files.readString(p)).root();
            if (root == null) continue;
            agrees(root, p.toString());
            if (networkntValid(root)) {
                valid++;
                if (SUBSET.check(root) == SchemaSubset.Verdict.VALID) provenValid++;
            }
        }
        assertTrue(valid > 20, "the repository's valid inventories: " + valid);
        // The shortcut is taken for the inventories people write, not only in theory.
        assertEquals(valid, provenValid, "valid inventories the subset proves valid");
    }

    /** Values a mutation puts in place of a node: every JSON type, and strings near each rule's edges. */
    private static final List<Node> VALUES = List.of(
            new Node.StringNode(AT, "", "read-only"), new Node.StringNode(AT, "", "Read-Only"), new Node.StringNode(AT, "", ""),
            new Node.StringNode(AT, "", "ok-name"), new Node.StringNode(AT, "", "UPPER"), new Node.StringNode(AT, "", "a\n"),
            new Node.StringNode(AT, "", "x".repeat(63)), new Node.StringNode(AT, "", "x".repeat(64)),
            new Node.StringNode(AT, "", "2026-01-01"), new Node.StringNode(AT, "", "abc123def456"),
            new Node.StringNode(AT, "", "s3:GetObject"), new Node.StringNode(AT, "", "read"), new Node.StringNode(AT, "", "no"),
            new Node.StringNode(AT, "", "ab"), new Node.StringNode(AT, "", "undeclared-read"), new Node.StringNode(AT, "", "warning"),
            new Node.NumberNode(AT, "", "1"), new Node.NumberNode(AT, "", "1.0"), new Node.NumberNode(AT, "", "01"),
            new Node.NumberNode(AT, "", "2"), new Node.NumberNode(AT, "", "123456789012"), new Node.NumberNode(AT, "", "0x1F"),
            new Node.NumberNode(AT, "", "1e3"), new Node.BooleanNode(AT, "", true), new Node.NullNode(AT, ""),
            new Node.ObjectNode(AT, "", List.of()), new Node.ArrayNode(AT, "", List.of()),
            new Node.ArrayNode(AT, "", List.of(new Node.StringNode(AT, "", "read"), new Node.StringNode(AT, "", "read"))),
            new Node.ArrayNode(AT, "", List.of(new Node.StringNode(AT, "", "list"), new Node.StringNode(AT, "", "write"))));
    private static final List<String> KEYS = List.of("name", "policy", "scope", "buckets", "actions", "unknown", "version",
            "components", "rule", "component", "reason", "expires", "statement", "statement-hash", "file", "dialect",
            "severity", "Name", "litellm-cache", "BadBucket");

    @Test
    void agreesWithNetworkntOnMutatedInventories() throws IOException {
        Node base = YamlReader.parse(Files.readString(Path.of("examples/homelab/bucketscope.yaml"))).root();
        AtomicInteger decided = new AtomicInteger();
        AtomicInteger validOnes = new AtomicInteger();
        qt().withFixedSeed(17).withExamples(3_000)
                .forAll(lists().of(integers().between(0, 1_000_000)).ofSizeBetween(1, 3))
                .checkAssert(steps -> {
                    Node n = base;
                    for (int seed : steps) n = mutate(n, seed);
                    SchemaSubset.Verdict v = SUBSET.check(n);
                    if (v != SchemaSubset.Verdict.UNKNOWN) decided.incrementAndGet();
                    if (v == SchemaSubset.Verdict.VALID) validOnes.incrementAndGet();
                    agrees(n, "mutations " + steps);
                });
        // Most mutations are decided, and both ways, so the property is not vacuous.
        assertTrue(decided.get() > 2_000, "decided " + decided);
        assertTrue(validOnes.get() > 200 && validOnes.get() < 2_800, "proven valid " + validOnes);
    }

    /** One random edit at one random node of the tree. */
    private static Node mutate(Node root, int seed) {
        List<Node> all = new ArrayList<>();
        collect(root, all);
        Node target = all.get(seed % all.size());
        int kind = (seed / all.size()) % 6;
        return replace(root, target, edit(target, kind, seed));
    }

    private static Node edit(Node n, int kind, int seed) {
        Node value = VALUES.get(seed % VALUES.size());
        String key = KEYS.get((seed / 7) % KEYS.size());
        if (n instanceof Node.ObjectNode o && kind >= 1) {
            List<Node.Member> m = new ArrayList<>(o.members());
            switch (kind) {
                case 1 -> m.add(new Node.Member(key, AT, value));
                case 2 -> { if (!m.isEmpty()) m.remove(seed % m.size()); }
                case 3 -> { if (!m.isEmpty()) m.add(m.get(seed % m.size())); }
                case 4 -> { if (!m.isEmpty()) m.set(seed % m.size(), new Node.Member(m.get(seed % m.size()).key(), AT, value)); }
                default -> m.add(new Node.Member(key, AT, new Node.ArrayNode(AT, "", List.of(value))));
            }
            return new Node.ObjectNode(o.span(), o.pointer(), m);
        }
        if (n instanceof Node.ArrayNode a && kind >= 1) {
            List<Node> items = new ArrayList<>(a.items());
            switch (kind) {
                case 1, 5 -> items.add(value);
                case 2 -> { if (!items.isEmpty()) items.remove(seed % items.size()); }
                case 3 -> { if (!items.isEmpty()) items.add(items.get(seed % items.size())); }
                default -> { if (!items.isEmpty()) items.set(seed % items.size(), value); }
            }
            return new Node.ArrayNode(a.span(), a.pointer(), items);
        }
        return value;
    }

    private static void collect(Node n, List<Node> out) {
        out.add(n);
        if (n instanceof Node.ObjectNode o) o.members().forEach(m -> collect(m.value(), out));
        if (n instanceof Node.ArrayNode a) a.items().forEach(i -> collect(i, out));
    }

    private static Node replace(Node n, Node target, Node with) {
        if (n == target) return with;
        if (n instanceof Node.ObjectNode o) {
            List<Node.Member> m = new ArrayList<>();
            for (Node.Member x : o.members()) m.add(new Node.Member(x.key(), x.keySpan(), replace(x.value(), target, with)));
            return new Node.ObjectNode(o.span(), o.pointer(), m);
        }
        if (n instanceof Node.ArrayNode a) {
            List<Node> items = new ArrayList<>();
            for (Node i : a.items()) items.add(replace(i, target, with));
            return new Node.ArrayNode(a.span(), a.pointer(), items);
        }
        return n;
    }
}
