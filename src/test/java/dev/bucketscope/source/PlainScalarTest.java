package dev.bucketscope.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** The hand-written core-schema resolver gives snakeyaml's answer, or leaves the scalar to snakeyaml. */
class PlainScalarTest {
    private static final ScalarResolver SNAKEYAML = new CoreSchema().getScalarResolver();

    private static void same(String s) {
        PlainScalar.Type ours = PlainScalar.type(s);
        Tag theirs = SNAKEYAML.resolve(s, true);
        if (ours == null) {
            // Left to snakeyaml only where it may answer with a tag the block reader does not read.
            assertTrue(s.startsWith("$") || s.equals("<<"), () -> "'" + s + "' left undecided");
            return;
        }
        assertEquals(theirs, TAGS.get(ours), () -> "'" + s + "'");
        // And the node is the one the snakeyaml path makes of that tag.
        Span span = new Span(1, 1, 1, 1 + s.length());
        assertEquals(YamlReader.scalar(s, true, theirs, span, "/k"), PlainScalar.node(s, ours, span, "/k"), () -> "'" + s + "'");
    }

    private static final java.util.Map<PlainScalar.Type, Tag> TAGS = java.util.Map.of(PlainScalar.Type.STR, Tag.STR,
            PlainScalar.Type.NULL, Tag.NULL, PlainScalar.Type.BOOL, Tag.BOOL, PlainScalar.Type.INT, Tag.INT, PlainScalar.Type.FLOAT, Tag.FLOAT);

    @Test
    void everyShortScalarOverTheSchemasCharactersResolvesAsSnakeyamlResolvesIt() {
        // Every character some core-schema pattern starts with or holds, and others: all strings
        // of up to three of them, then random ones of up to nine beside the schema's words.
        String alphabet = "tTfFnNuUlLrRaAeEsSoOxXiI0123456789+-._~$<{}: \tbz";
        int n = alphabet.length();
        assertEquals(1 + n + n * n + n * n * n, dev.bucketscope.EveryString.upTo(alphabet, 3, PlainScalarTest::same));
        List<Character> chars = alphabet.chars().mapToObj(c -> (char) c).collect(Collectors.toList());
        Gen<String> values = lists().of(Generate.pick(chars)).ofSizeBetween(0, 9)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
        Gen<String> words = Generate.pick(List.of("true", "False", "TRUE", "tRue", "null", "Null", "NULL", "nULL", "~", " ", "0x1F",
                "0o17", "0o8", "0x", "-12", "+3", "+", ".5", "5.", "1e3", "1E+3", "1e", ".e1", "1.5e-3", ".inf", "-.Inf", "+.INF",
                ".nan", ".NaN", "+.nan", "<<", "${HOME}", "${X:-y}", "", "litellm-cache", "read-write", "2026-01-01", "1.0.0-alpha.78"));
        qt().withFixedSeed(11).withExamples(50_000).forAll(values, words).checkAssert((v, w) -> {
            for (String s : List.of(v, w, w + v, v + w)) same(s);
        });
    }
}
