package dev.bucketscope.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.bucketscope.source.Node.Member;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class JsonReaderPropertiesTest {

    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"a\"", "\"",
            "\\", "\\u", "1", "-", "0", "01", "1.", "e5", "true", "nul", "null", " ", "\n", "\r",
            "\t", "//", "/*", "'", "NaN", "\uD83D", "\uDE00", "\u0000", "\uFEFF", "x");

    @Test
    void neverThrowsOnArbitraryText() {
        qt().withExamples(3000).forAll(strings().allPossible().ofLengthBetween(0, 120))
                .checkAssert(JsonReaderPropertiesTest::assertWellFormedResult);
    }

    @Test
    void neverThrowsOnTokenSoup() {
        Gen<String> soup = lists().of(integers().between(0, TOKENS.size() - 1))
                .ofSizeBetween(0, 60)
                .map(ix -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i : ix) sb.append(TOKENS.get(i));
                    return sb.toString();
                });
        qt().withExamples(5000).forAll(soup).checkAssert(JsonReaderPropertiesTest::assertWellFormedResult);
    }

    private static void assertWellFormedResult(String text) {
        Parsed parsed = JsonReader.parse(text);
        assertNotNull(parsed);
        assertTrue(parsed.root() != null || !parsed.problems().isEmpty(), text);
        for (Problem p : parsed.problems()) {
            if (parsed.root() != null) assertEquals(Problem.Kind.DUPLICATE_KEY, p.kind(), text);
            char first = p.message().charAt(0);
            assertTrue(Character.isLowerCase(first) || first == '\'', p.message());
            assertTrue(p.message().indexOf('\n') < 0 && p.message().indexOf('\r') < 0, p.message());
        }
    }

    @Test
    void prettyAndMinifiedTextReadTheSameTree() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Object tree = RandomJson.tree(new Random(seed), 0);
            String pretty = RandomJson.render(tree, new Random(seed + 1), true);
            String minified = RandomJson.render(tree, new Random(seed + 2), false);
            Parsed a = JsonReader.parse(pretty);
            Parsed b = JsonReader.parse(minified);
            assertTrue(a.ok(), () -> a.problems() + "\n" + pretty);
            assertTrue(b.ok(), () -> b.problems() + "\n" + minified);
            assertEquals(RandomJson.canonical(tree), canonical(a.root()));
            assertEquals(canonical(a.root()), canonical(b.root()));
        });
    }

    @Test
    void everySpanExtractsTheNodeSourceAndPointersAreExact() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Object tree = RandomJson.tree(new Random(seed), 0);
            String text = RandomJson.render(tree, new Random(seed + 1), true);
            Node root = JsonReader.parse(text).root();
            assertNotNull(root, text);
            checkNode(root, "", new LineMap(text), text);
        });
    }

    /**
     * A thread's reader shares strings and pointers between the documents it reads (see
     * JsonReader.Shared): after thousands of documents whose nodes have the same keys under
     * different parents, and the same indexes under different arrays, every pointer is still
     * its node's own.
     */
    @Test
    void pointersStayExactAcrossManyDocumentsReadOneAfterAnother() {
        List<String> keys = List.of("a", "b", "Action", "Statement", "x/y", "m~n", "0", "1", "Resource", "é", "k");
        Random random = new Random(42);
        for (int doc = 0; doc < 3_000; doc++) {
            StringBuilder sb = new StringBuilder();
            randomValue(random, keys, 0, sb);
            String text = sb.toString();
            Parsed parsed = JsonReader.parse(text);
            assertNotNull(parsed.root(), text); // duplicate keys are kept, and reported
            checkPointers(parsed.root(), "");
        }
        // More items than the pointer table has slots: indexes of one array must meet in a slot.
        StringBuilder big = new StringBuilder("{\"Statement\":[");
        for (int i = 0; i < 5_000; i++) big.append(i == 0 ? "" : ",").append("[1]");
        Parsed parsed = JsonReader.parse(big.append("]}").toString());
        checkPointers(parsed.root(), "");
    }

    private static void randomValue(Random random, List<String> keys, int depth, StringBuilder sb) {
        int kind = depth >= 4 ? 2 : random.nextInt(3);
        if (kind == 0) {
            sb.append('{');
            int n = random.nextInt(5);
            for (int i = 0; i < n; i++) {
                if (i > 0) sb.append(',');
                sb.append('"').append(keys.get(random.nextInt(keys.size()))).append("\":");
                randomValue(random, keys, depth + 1, sb);
            }
            sb.append('}');
        } else if (kind == 1) {
            sb.append('[');
            int n = random.nextInt(5);
            for (int i = 0; i < n; i++) {
                if (i > 0) sb.append(',');
                randomValue(random, keys, depth + 1, sb);
            }
            sb.append(']');
        } else {
            sb.append('"').append(keys.get(random.nextInt(keys.size()))).append('"');
        }
    }

    private static void checkPointers(Node node, String expected) {
        assertEquals(expected, node.pointer());
        if (node instanceof Node.ObjectNode o) {
            for (Member m : o.members()) checkPointers(m.value(), expected + "/" + Node.escapeToken(m.key()));
        }
        if (node instanceof Node.ArrayNode a) {
            for (int i = 0; i < a.items().size(); i++) checkPointers(a.items().get(i), expected + "/" + i);
        }
    }

    private static void checkNode(Node node, String expectedPointer, LineMap map, String text) {
        assertEquals(expectedPointer, node.pointer());
        String source = extract(map, node.span());
        Node again = JsonReader.parse(source).root();
        assertNotNull(again, () -> "span " + node.span() + " gave <" + source + ">");
        assertEquals(canonical(node), canonical(again));
        if (node instanceof Node.NumberNode n) assertEquals(n.text(), source);
        if (node instanceof Node.StringNode) assertTrue(source.startsWith("\"") && source.endsWith("\""));
        if (node instanceof Node.ObjectNode o) {
            assertTrue(source.startsWith("{") && source.endsWith("}"));
            for (Member m : o.members()) {
                Node key = JsonReader.parse(extract(map, m.keySpan())).root();
                assertEquals(m.key(), ((Node.StringNode) key).value());
                checkNode(m.value(), expectedPointer + "/" + Node.escapeToken(m.key()), map, text);
            }
        }
        if (node instanceof Node.ArrayNode a) {
            assertTrue(source.startsWith("[") && source.endsWith("]"));
            for (int i = 0; i < a.items().size(); i++) {
                checkNode(a.items().get(i), expectedPointer + "/" + i, map, text);
            }
        }
    }

    static String extract(LineMap map, Span span) {
        return mapText(map, span);
    }

    private static String mapText(LineMap map, Span span) {
        StringBuilder sb = new StringBuilder();
        for (int l = span.line(); l <= span.endLine(); l++) {
            String lineText = map.lineText(l);
            int from = l == span.line() ? span.column() - 1 : 0;
            int to = l == span.endLine() ? span.endColumn() - 1 : lineText.length();
            sb.append(lineText, from, to);
            if (l < span.endLine()) sb.append('\n');
        }
        return sb.toString();
    }

    /** A rendering of a tree without positions, to compare trees read from different text. */
    static String canonical(Node node) {
        StringBuilder sb = new StringBuilder();
        canonical(node, sb);
        return sb.toString();
    }

    private static void canonical(Node node, StringBuilder sb) {
        if (node instanceof Node.ObjectNode o) {
            sb.append('{');
            for (Member m : o.members()) {
                sb.append(RandomJson.quote(m.key(), null)).append(':');
                canonical(m.value(), sb);
                sb.append(',');
            }
            sb.append('}');
        } else if (node instanceof Node.ArrayNode a) {
            sb.append('[');
            for (Node item : a.items()) {
                canonical(item, sb);
                sb.append(',');
            }
            sb.append(']');
        } else if (node instanceof Node.StringNode s) {
            sb.append(RandomJson.quote(s.value(), null));
        } else if (node instanceof Node.NumberNode n) {
            sb.append(n.text());
        } else if (node instanceof Node.BooleanNode b) {
            sb.append(b.value());
        } else {
            sb.append("null");
        }
    }
}
