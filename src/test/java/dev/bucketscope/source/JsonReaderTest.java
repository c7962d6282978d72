package dev.bucketscope.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketscope.source.Node.ArrayNode;
import dev.bucketscope.source.Node.ObjectNode;
import dev.bucketscope.source.Node.StringNode;
import dev.bucketscope.source.Problem.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReaderTest {

    static final String POLICY = String.join("\n",
            "{",
            "  \"Version\": \"2012-10-17\",",
            "  \"Statement\": [",
            "    {",
            "      \"Effect\": \"Allow\",",
            "      \"Action\": [\"s3:GetObject\", \"s3:PutObject\"],",
            "      \"Resource\": \"arn:aws:s3:::bucket/*\"",
            "    }",
            "  ]",
            "}",
            "");

    static Span span(String s) {
        String[] p = s.split("[:-]");
        return new Span(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                Integer.parseInt(p[3]));
    }

    private static void assertPolicySpans(String text) {
        Parsed parsed = JsonReader.parse(text);
        assertTrue(parsed.ok(), () -> parsed.problems().toString());
        ObjectNode root = (ObjectNode) parsed.root();
        assertEquals(span("1:1-10:2"), root.span());
        assertEquals("", root.pointer());
        assertEquals(span("2:3-2:12"), root.member("Version").orElseThrow().keySpan());
        assertEquals(span("2:14-2:26"), root.get("Version").orElseThrow().span());
        assertEquals(span("3:3-3:14"), root.member("Statement").orElseThrow().keySpan());
        ArrayNode statements = (ArrayNode) root.get("Statement").orElseThrow();
        assertEquals(span("3:16-9:4"), statements.span());
        assertEquals("/Statement", statements.pointer());
        ObjectNode st = (ObjectNode) statements.items().get(0);
        assertEquals(span("4:5-8:6"), st.span());
        assertEquals("/Statement/0", st.pointer());
        assertEquals(span("5:7-5:15"), st.member("Effect").orElseThrow().keySpan());
        assertEquals(span("5:17-5:24"), st.get("Effect").orElseThrow().span());
        ArrayNode actions = (ArrayNode) st.get("Action").orElseThrow();
        assertEquals(span("6:17-6:49"), actions.span());
        assertEquals("/Statement/0/Action", actions.pointer());
        assertEquals(span("6:18-6:32"), actions.items().get(0).span());
        assertEquals(span("6:34-6:48"), actions.items().get(1).span());
        assertEquals("/Statement/0/Action/1", actions.items().get(1).pointer());
        assertEquals("s3:PutObject", ((StringNode) actions.items().get(1)).value());
        StringNode resource = (StringNode) st.get("Resource").orElseThrow();
        assertEquals(span("7:7-7:17"), st.member("Resource").orElseThrow().keySpan());
        assertEquals(span("7:19-7:42"), resource.span());
        assertEquals("arn:aws:s3:::bucket/*", resource.value());
    }

    @Test
    void samplePolicyHasExactSpansAndPointers() {
        assertPolicySpans(POLICY);
    }

    @Test
    void crlfAndLoneCrLineBreaksGiveTheSameSpans() {
        assertPolicySpans(POLICY.replace("\n", "\r\n"));
        assertPolicySpans(POLICY.replace("\n", "\r"));
    }

    @Test
    void tabIsOneColumn() {
        ObjectNode root = (ObjectNode) JsonReader.parse("{\t\"a\":\t1}").root();
        assertEquals(span("1:3-1:6"), root.members().get(0).keySpan());
        assertEquals(span("1:8-1:9"), root.get("a").orElseThrow().span());
    }

    @Test
    void columnsCountUtf16CodeUnits() {
        ObjectNode root = (ObjectNode) JsonReader.parse("{\"d\": \"\uD83D\uDE00\", \"e\": 1}").root();
        assertEquals(span("1:7-1:11"), root.get("d").orElseThrow().span());
        assertEquals(span("1:13-1:16"), root.member("e").orElseThrow().keySpan());
        assertEquals(span("1:18-1:19"), root.get("e").orElseThrow().span());
    }

    @Test
    void byteOrderMarkFileReadsAsIfAbsent() {
        byte[] body = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        SourceText.Decoded decoded = SourceText.decode(bytes);
        Parsed parsed = JsonReader.parse(decoded.text());
        assertTrue(parsed.ok());
        assertEquals(span("1:2-1:5"), ((ObjectNode) parsed.root()).members().get(0).keySpan());
    }

    @Test
    void pointerTokensAreEscaped() {
        ObjectNode root = (ObjectNode) JsonReader.parse("{\"a/b\": {\"c~d\": true}}").root();
        ObjectNode inner = (ObjectNode) root.get("a/b").orElseThrow();
        assertEquals("/a~1b", inner.pointer());
        assertEquals("/a~1b/c~0d", inner.get("c~d").orElseThrow().pointer());
    }

    @Test
    void escapesAreDecoded() {
        StringNode s = (StringNode) JsonReader.parse("\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"").root();
        assertEquals("a\"\\/\b\f\n\r\t\u00e9\uD83D\uDE00", s.value());
        assertEquals(span("1:1-1:38"), s.span());
    }

    @Test
    void loneSurrogateEscapeIsAcceptedSilently() {
        Parsed parsed = JsonReader.parse("[\"\\uD800\"]");
        assertTrue(parsed.ok());
        assertEquals("\uD800", ((StringNode) ((ArrayNode) parsed.root()).items().get(0)).value());
    }

    @Test
    void scalarsKeepTheirText() {
        ArrayNode a = (ArrayNode) JsonReader.parse("[-0, 1.50, 2E+10, true, false, null]").root();
        assertEquals("-0", ((Node.NumberNode) a.items().get(0)).text());
        assertEquals("1.50", ((Node.NumberNode) a.items().get(1)).text());
        assertEquals("2E+10", ((Node.NumberNode) a.items().get(2)).text());
        assertEquals(true, ((Node.BooleanNode) a.items().get(3)).value());
        assertEquals(false, ((Node.BooleanNode) a.items().get(4)).value());
        assertInstanceOf(Node.NullNode.class, a.items().get(5));
        assertEquals(span("1:32-1:36"), a.items().get(5).span());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"a": 1 // c}                | 1:9-1:11  | comments are not allowed in JSON
            {"a": 1, /* c */ "b": 2}     | 1:10-1:12 | comments are not allowed in JSON
            {"a": 1,}                    | 1:8-1:9   | trailing comma before '}'
            `[1, 2,\n]`                  | 1:6-1:7   | trailing comma before ']'
            {'a': 1}                     | 1:2-1:3   | keys must be in double quotes, not single quotes (')
            `["a", 'b']`                 | 1:7-1:8   | strings must be in double quotes, not single quotes (')
            {"a": NaN}                   | 1:7-1:10  | 'NaN' is not allowed in JSON
            [-Infinity]                  | 1:2-1:11  | '-Infinity' is not allowed in JSON
            [Infinity]                   | 1:2-1:10  | 'Infinity' is not allowed in JSON
            [01]                         | 1:2-1:4   | leading zeros are not allowed in numbers
            [-007]                       | 1:2-1:6   | leading zeros are not allowed in numbers
            `["a\tb"]`                   | 1:4-1:5   | unescaped control character U+0009 in string
            `["a\nb"]`                   | 1:4-1:5   | unescaped control character U+000A in string
            ["\\x"]                      | 1:3-1:5   | invalid escape '\\' followed by 'x'
            ["\\u12G4"]                  | 1:3-1:8   | invalid \\u escape: expected 4 hex digits but found 'G'
            {"a": 1} x                   | 1:10-1:11 | unexpected 'x' after the end of the JSON value
            [1] [2]                      | 1:5-1:6   | unexpected '[' after the end of the JSON value
            `{"a": [1, 2`                | 1:12-1:13 | unexpected end of input: unclosed array opened at 1:7
            `{\n  "a": 1\n\n`            | 2:9-2:10  | unexpected end of input: unclosed object opened at 1:1
            `{"a":`                      | 1:6-1:7   | unexpected end of input: unclosed object opened at 1:1
            `["abc`                      | 1:6-1:7   | unexpected end of input: unclosed string opened at 1:2
            [1 2]                        | 1:4-1:5   | expected ',' or ']' but found '2'
            {"a": 1 "b": 2}              | 1:9-1:10  | expected ',' or '}' but found '"'
            {"a" 1}                      | 1:6-1:7   | expected ':' after the key but found '1'
            {1: 2}                       | 1:2-1:3   | expected a string key but found '1'
            [True]                       | 1:2-1:6   | 'True' is not a JSON literal; write 'true'
            [undefined]                  | 1:2-1:11  | unexpected word 'undefined'; expected a value
            [1,,2]                       | 1:4-1:5   | unexpected ','; expected a value
            `[\u00A0]`                   | 1:2-1:3   | unexpected U+00A0; expected a value
            [1.]                         | 1:4-1:5   | expected a digit after '.' but found ']'
            [1e+]                        | 1:5-1:6   | expected a digit in the exponent but found ']'
            [-]                          | 1:3-1:4   | expected a digit after '-' but found ']'
            [.5]                         | 1:2-1:3   | unexpected '.'; expected a value
            `[1,\r\n  +1]`               | 2:3-2:4   | unexpected '+'; expected a value
            """)
    void rejectsWithExactPosition(String input, String where, String message) {
        String text = input.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r")
                .replace("\\u00A0", "\u00A0").replace("\\\\", "\\");
        Parsed parsed = JsonReader.parse(text);
        assertNull(parsed.root(), "root must be null for " + input);
        Problem p = parsed.problems().get(parsed.problems().size() - 1);
        assertEquals(Kind.SYNTAX, p.kind());
        assertEquals(message, p.message());
        assertEquals(span(where), p.span());
    }

    @Test
    void emptyAndBlankInputIsEmpty() {
        for (String text : new String[] {"", "  \n\t\r\n ", "\uFEFF"}) {
            Parsed parsed = JsonReader.parse(text);
            assertNull(parsed.root());
            assertEquals(List.of(new Problem(Kind.EMPTY, "empty file", Span.point(1, 1), "")),
                    parsed.problems());
        }
    }

    @Test
    void problemPointerNamesTheValueBeingRead() {
        Problem p = JsonReader.parse("{\"Statement\": [{\"Action\": tru}]}").problems().get(0);
        assertEquals("/Statement/0/Action", p.pointer());
    }

    @Test
    void duplicateKeysAtSeveralLevelsKeepBothAndReportBothPositions() {
        String text = "{\"a\": 1,\n \"b\": {\"c\": 1, \"c\": 2},\n \"a\": 3}";
        Parsed parsed = JsonReader.parse(text);
        assertNotNull(parsed.root());
        assertFalse(parsed.ok());
        ObjectNode root = (ObjectNode) parsed.root();
        assertEquals(3, root.members().size());
        assertEquals("3", ((Node.NumberNode) root.get("a").orElseThrow()).text());
        assertEquals(2, ((ObjectNode) root.get("b").orElseThrow()).members().size());

        Problem inner = parsed.problems().get(0);
        assertEquals(Kind.DUPLICATE_KEY, inner.kind());
        assertEquals("duplicate key \"c\" (first at 2:8); servers disagree on which one counts",
                inner.message());
        assertEquals(span("2:16-2:19"), inner.span());
        assertEquals(List.of(span("2:8-2:11")), inner.related());
        assertEquals("/b/c", inner.pointer());

        Problem outer = parsed.problems().get(1);
        assertEquals("duplicate key \"a\" (first at 1:2); servers disagree on which one counts",
                outer.message());
        assertEquals(span("3:2-3:5"), outer.span());
        assertEquals(List.of(span("1:2-1:5")), outer.related());
        assertEquals(2, parsed.problems().size());
    }

    @Test
    void duplicateKeysInLargeObjectsAreFound() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < 20; i++) sb.append("\"k").append(i).append("\": ").append(i).append(", ");
        sb.append("\"k3\": 0}");
        Parsed parsed = JsonReader.parse(sb.toString());
        assertEquals(1, parsed.problems().size());
        Problem p = parsed.problems().get(0);
        assertEquals(Kind.DUPLICATE_KEY, p.kind());
        assertEquals(span("1:29-1:33"), p.related().get(0));
    }

    @Test
    void deepestAllowedNestingIsRead() {
        String text = "[".repeat(Limits.MAX_DEPTH) + "]".repeat(Limits.MAX_DEPTH);
        assertTrue(JsonReader.parse(text).ok());
    }

    @Test
    void hugeNestingStopsAtTheLimitQuickly() {
        String text = "[".repeat(200_000);
        long t0 = System.nanoTime();
        Parsed parsed = JsonReader.parse(text);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertNull(parsed.root());
        Problem p = parsed.problems().get(0);
        assertEquals(Kind.TOO_DEEP, p.kind());
        assertEquals(Span.point(1, Limits.MAX_DEPTH + 1), p.span());
        assertEquals("nesting is deeper than the limit of 64 levels", p.message());
        assertTrue(ms < 5_000, "took " + ms + " ms"); // a hang guard, not a benchmark

        Problem objects = JsonReader.parse("{\"a\":".repeat(100_000)).problems().get(0);
        assertEquals(Kind.TOO_DEEP, objects.kind());
        assertEquals(Span.point(1, 64 * 5 + 1), objects.span());
    }

    @Test
    void hugeStringIsRejectedAtItsStart() {
        String text = "{\"a\": \"" + "x".repeat(9 * 1024 * 1024) + "\"}";
        Parsed parsed = JsonReader.parse(text);
        assertNull(parsed.root());
        Problem p = parsed.problems().get(0);
        assertEquals(Kind.TOO_LARGE, p.kind());
        assertEquals(Span.point(1, 7), p.span());
        assertEquals("string is longer than the limit of 65536 characters", p.message());

        String escaped = "[\"" + "\\n".repeat(Limits.MAX_STRING_CHARS + 1) + "\"]";
        assertEquals(Kind.TOO_LARGE, JsonReader.parse(escaped).problems().get(0).kind());
        String longKey = "{\"" + "k".repeat(Limits.MAX_STRING_CHARS + 1) + "\": 1}";
        assertEquals(Span.point(1, 2), JsonReader.parse(longKey).problems().get(0).span());
        String atLimit = "[\"" + "k".repeat(Limits.MAX_STRING_CHARS) + "\"]";
        assertTrue(JsonReader.parse(atLimit).ok());
    }

    @Test
    void eightMegabytesParseInBoundedTime() {
        StringBuilder sb = new StringBuilder("[");
        String item = "{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", 1.5e3, true, null]},\n";
        while (sb.length() < 8 * 1024 * 1024 - 100) sb.append(item);
        sb.append("{}]");
        String text = sb.toString();
        JsonReader.parse(text);
        System.gc();
        long t0 = System.nanoTime();
        Parsed parsed = JsonReader.parse(text);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(parsed.ok());
        // A guard against pathological slowness, not a benchmark (about 1M nodes, 250-550 ms warm here).
        assertTrue(ms < 10_000, "took " + ms + " ms");
    }

    @Test
    void aDocumentReadAfterALongerOneSeesNoneOfItsText() {
        // A thread's readers share the buffer the text is read from and the open brackets: a
        // shorter document read next must end where it ends, and name its own unclosed bracket.
        String longer = "{\"Statement\": [[[{\"a\": \"" + "x".repeat(5_000) + "\"}]]], \"b\": [1, 2, 3]}";
        assertTrue(JsonReader.parse(longer).ok());
        Parsed truncated = JsonReader.parse("{\"Statement\": [");
        assertFalse(truncated.ok());
        assertEquals("unexpected end of input: unclosed array opened at 1:15", truncated.problems().get(0).message());
        Parsed shortOne = JsonReader.parse("[1]");
        assertTrue(shortOne.ok());
        assertEquals(1, ((ArrayNode) shortOne.root()).items().size());
        // A text larger than the buffer a thread keeps is read from its own array, as before.
        String huge = "[" + "\"yy\", ".repeat(20_000) + "\"z\"]";
        Parsed big = JsonReader.parse(huge);
        assertTrue(big.ok(), () -> big.problems().toString());
        assertEquals(20_001, ((ArrayNode) big.root()).items().size());
        assertEquals("unexpected end of input: unclosed object opened at 1:1", JsonReader.parse("{\"a\":").problems().get(0).message());
    }
}
