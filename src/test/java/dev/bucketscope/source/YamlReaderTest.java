package dev.bucketscope.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.bucketscope.source.Node.ObjectNode;
import dev.bucketscope.source.Problem.Kind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class YamlReaderTest {

    @Test
    void scalarsResolveAsSnakeyamlsCoreSchemaResolvesThem() {
        // Every character some core-schema pattern starts with or contains, and others.
        List<Character> alphabet = "tTfFnNuUlLrRaAeEsSoOxX0123456789+-._~$<{}: \t#aibzk".chars()
                .mapToObj(c -> (char) c).collect(Collectors.toList());
        Gen<String> values = lists().of(Generate.pick(alphabet)).ofSizeBetween(0, 8)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
        Gen<String> words = Generate.pick(List.of("true", "False", "TRUE", "null", "Null", "NULL", "~", "0x1F", "0o17", "-12",
                "+3", ".5", "1e3", ".inf", "-.Inf", ".nan", ".NaN", "<<", "${HOME}", "${X:-y}", "", "litellm-cache", "read-write"));
        org.snakeyaml.engine.v2.resolver.ScalarResolver snakeyaml = new org.snakeyaml.engine.v2.schema.CoreSchema().getScalarResolver();
        YamlReader.CoreResolver ours = new YamlReader.CoreResolver();
        qt().withFixedSeed(3).withExamples(30_000).forAll(values, words, Generate.booleans()).checkAssert((v, w, implicit) -> {
            for (String s : List.of(v, w, w + v, v + w)) {
                assertEquals(snakeyaml.resolve(s, implicit), ours.resolve(s, implicit), () -> "'" + s + "' implicit " + implicit);
            }
        });
    }

    private static final String INVENTORY = String.join("\n",
            "all:",
            "  hosts:",
            "    web1:",
            "      ansible_host: 10.0.0.1",
            "      port: 8080",
            "      enabled: true",
            "      note: \"quoted\"",
            "      empty:",
            "  vars:",
            "    date: 2024-01-01",
            "    ratio: 0.5",
            "    flag: 'true'",
            "");

    private static Node at(Node root, String... keys) {
        Node n = root;
        for (String k : keys) n = ((ObjectNode) n).get(k).orElseThrow();
        return n;
    }

    @Test
    void inventoryHasSpansPointersAndCoreSchemaTypes() {
        Parsed parsed = YamlReader.parse(INVENTORY);
        assertTrue(parsed.ok(), parsed.problems()::toString);
        ObjectNode root = (ObjectNode) parsed.root();
        assertEquals(new Span(1, 1, 1, 4), root.member("all").orElseThrow().keySpan());
        ObjectNode web1 = (ObjectNode) at(root, "all", "hosts", "web1");
        assertEquals("/all/hosts/web1", web1.pointer());
        assertEquals(new Span(4, 7, 8, 13), web1.span());
        assertEquals(new Span(4, 7, 4, 19), web1.member("ansible_host").orElseThrow().keySpan());
        Node host = web1.get("ansible_host").orElseThrow();
        assertEquals(new Node.StringNode(new Span(4, 21, 4, 29), "/all/hosts/web1/ansible_host", "10.0.0.1"), host);
        assertEquals(new Node.NumberNode(new Span(5, 13, 5, 17), "/all/hosts/web1/port", "8080"),
                web1.get("port").orElseThrow());
        assertEquals(new Node.BooleanNode(new Span(6, 16, 6, 20), "/all/hosts/web1/enabled", true),
                web1.get("enabled").orElseThrow());
        assertEquals(new Span(7, 13, 7, 21), web1.get("note").orElseThrow().span());
        assertInstanceOf(Node.NullNode.class, web1.get("empty").orElseThrow());
        assertEquals("2024-01-01", ((Node.StringNode) at(root, "all", "vars", "date")).value());
        assertEquals("0.5", ((Node.NumberNode) at(root, "all", "vars", "ratio")).text());
        assertEquals("true", ((Node.StringNode) at(root, "all", "vars", "flag")).value());
    }

    @Test
    void columnsAreUtf16AfterSupplementaryCharacters() {
        Node root = YamlReader.parse("[\uD83D\uDE00, b]").root();
        Node b = ((Node.ArrayNode) root).items().get(1);
        assertEquals(new Span(1, 6, 1, 7), b.span());
        assertEquals("/1", b.pointer());
    }

    @Test
    void duplicateKeysAreReportedWithBothPositions() {
        Parsed parsed = YamlReader.parse("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n");
        assertNotNull(parsed.root());
        assertEquals(2, parsed.problems().size());
        Problem inner = parsed.problems().get(0);
        assertEquals(Kind.DUPLICATE_KEY, inner.kind());
        assertEquals("duplicate key \"c\" (first at 3:3); servers disagree on which one counts", inner.message());
        assertEquals(new Span(4, 3, 4, 4), inner.span());
        assertEquals(List.of(new Span(3, 3, 3, 4)), inner.related());
        assertEquals("/b/c", inner.pointer());
        assertEquals(new Span(5, 1, 5, 2), parsed.problems().get(1).span());
    }

    @Test
    void billionLaughsEndsQuicklyWithTooLarge() {
        StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            sb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) sb.append(i == 0 ? "" : ",").append('*').append(p);
            sb.append("]\n");
        }
        long t0 = System.nanoTime();
        Parsed parsed = YamlReader.parse(sb.toString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertNull(parsed.root());
        assertEquals(Kind.TOO_LARGE, parsed.problems().get(0).kind());
        assertTrue(ms < 10_000, "took " + ms + " ms"); // a hang guard, not a benchmark
    }

    @Test
    void aliasesWithinTheBudgetAreExpandedButLargeExpansionsStop() {
        Parsed small = YamlReader.parse("x: &x [1, 2]\ny: *x\n");
        assertTrue(small.ok());
        assertEquals("/y/1", ((Node.ArrayNode) at(small.root(), "y")).items().get(1).pointer());

        // Few aliases, each to a large list: only the node budget can stop this one.
        StringBuilder sb = new StringBuilder("a: &a [");
        for (int i = 0; i < 30_000; i++) sb.append(i == 0 ? "" : ",").append('1');
        sb.append("]\nb: [");
        for (int i = 0; i < 40; i++) sb.append(i == 0 ? "" : ",").append("*a");
        sb.append("]\n");
        Parsed big = YamlReader.parse(sb.toString());
        assertNull(big.root());
        Problem p = big.problems().get(0);
        assertEquals(Kind.TOO_LARGE, p.kind());
        assertEquals("aliases expand to more than 1000000 nodes", p.message());
    }

    @Test
    void customTagIsRefused() {
        Parsed parsed = YamlReader.parse("a: !foo bar\n");
        assertNull(parsed.root());
        Problem p = parsed.problems().get(0);
        assertEquals(Kind.SYNTAX, p.kind());
        assertEquals("unsupported YAML tag; only the standard tags are read", p.message());
        assertEquals(new Span(1, 4, 1, 12), p.span());
        assertEquals("/a", p.pointer());
    }

    @Test
    void recursiveAliasIsRefused() {
        Parsed parsed = YamlReader.parse("a: &a [*a]\n");
        assertNull(parsed.root());
        assertEquals(Kind.SYNTAX, parsed.problems().get(0).kind());
    }

    @Test
    void deepNestingStopsAtTheLimit() {
        Parsed parsed = YamlReader.parse("[".repeat(200_000));
        assertNull(parsed.root());
        Problem p = parsed.problems().get(0);
        assertEquals(Kind.TOO_DEEP, p.kind());
        assertEquals(Span.point(1, Limits.MAX_DEPTH + 1), p.span());
    }

    @Test
    void onlyTheFirstDocumentIsRead() {
        Parsed parsed = YamlReader.parse("a: 1\n---\nb: 2\n");
        assertNotNull(parsed.root());
        assertFalse(parsed.ok());
        Problem p = parsed.problems().get(0);
        assertEquals("only one YAML document is read; this file has more", p.message());
        assertEquals(2, p.span().line());
        assertTrue(((ObjectNode) parsed.root()).get("a").isPresent());
    }

    @Test
    void syntaxErrorsBecomeCleanProblems() {
        Parsed parsed = YamlReader.parse("a: [1, 2\nb: 3\n");
        assertNull(parsed.root());
        Problem p = parsed.problems().get(0);
        assertEquals(Kind.SYNTAX, p.kind());
        assertFalse(p.message().contains("Exception"), p.message());
        assertFalse(p.message().contains("\n"), p.message());
        assertEquals(2, p.span().line());

        Problem undefined = YamlReader.parse("a: *nope\n").problems().get(0);
        assertEquals(Kind.SYNTAX, undefined.kind());
        assertEquals(new Span(1, 4, 1, 5), undefined.span());
    }

    @Test
    void emptyAndNonScalarKeys() {
        assertEquals(Kind.EMPTY, YamlReader.parse("# only a comment\n").problems().get(0).kind());
        Parsed numericKey = YamlReader.parse("1: x\n");
        assertEquals("x", ((Node.StringNode) at(numericKey.root(), "1")).value());
        Parsed complex = YamlReader.parse("? [a]\n: b\n");
        assertNull(complex.root());
        assertEquals(Kind.SYNTAX, complex.problems().get(0).kind());
    }

    /** A YAML file may hold secrets (cluster.yaml): no syntax error quotes the text it stumbled on. */
    @Test
    void syntaxErrorsNeverQuoteTheFilesText() {
        String secret = "Zx9SECRETqq";
        List<String> broken = List.of(
                "k: \"" + secret + "\n", "k: \"" + secret + "\\q\"\n", "k: " + secret + ": x\n", "k: @" + secret + "\n",
                "k: '" + secret + "\n", "k:\n\t" + secret + "\n", "k: [" + secret + "\n", "k: !foo" + secret + " v\n",
                "k: !<" + secret + "> v\n", "k: !!" + secret + " v\n", "k: &" + secret + " x\nj: *" + secret + "x\n",
                "k: *" + secret + "\n", "k: \"" + secret + "\\x4Z\"\n", "k: \"\\U" + secret + "\"\n",
                "k: |" + secret + "\n", "%YAML " + secret + "\n---\nk: v\n", "%TAG " + secret + "\n---\nk: v\n",
                "k: " + secret + "\n" + secret + "\n");
        for (String text : broken) {
            Parsed parsed = YamlReader.parse(text);
            assertFalse(parsed.problems().isEmpty(), text);
            for (Problem p : parsed.problems()) {
                for (String fragment : List.of(secret, "Zx9", "SECRET", "x4Z", "q(", "Z(", "(90)", "(113)")) {
                    assertFalse(p.message().contains(fragment), text + " -> " + p.message());
                }
            }
        }
    }
}
