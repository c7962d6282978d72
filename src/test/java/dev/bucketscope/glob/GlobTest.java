package dev.bucketscope.glob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class GlobTest {
    private static Gen<String> strings(String alphabet, int maxLength) {
        List<Character> chars = alphabet.chars().mapToObj(c -> (char) c).collect(Collectors.toList());
        return lists().of(Generate.pick(chars)).ofSizeBetween(0, maxLength)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    @Test
    void starsOnlyIsOneOrMoreStarsAndNothingElse() {
        for (String yes : new String[] {"*", "**", "*****"}) assertTrue(Glob.starsOnly(yes), yes);
        for (String no : new String[] {"", "?", "*?", "a*", "*a", "* ", "*/*"}) assertFalse(Glob.starsOnly(no), no);
        // What it says: the pattern matches every name, the empty one included.
        for (String n : new String[] {"", "a", "langfuse-logs/x/y"}) assertTrue(Glob.of("**").matches(n), n);
    }

    @Test
    void literalAndPrefixPatternsMatchAsTheGeneralMatcherDoes() {
        // The shapes Glob answers with equals or startsWith ("loki-chunks", "loki-*", "*"),
        // beside near misses ("loki-*?", "lo*ki"), on ASCII and non-ASCII names.
        Gen<String> literals = strings("ab/-é", 5);
        Gen<String> tails = Generate.pick(List.of("", "*", "**", "*?", "?*", "?", "*a", "*/*"));
        Gen<String> names = strings("ab/-éc", 8);
        qt().withFixedSeed(5).withExamples(30_000).forAll(literals, tails, names).checkAssert((l, t, n) -> {
            String p = l + t;
            assertEquals(Glob.of(p).matchesBytes(n), Glob.of(p).matches(n), () -> "'" + p + "' on '" + n + "'");
            assertEquals(Glob.of(p).matchesBytes(l + n), Glob.of(p).matches(l + n), () -> "'" + p + "' on '" + l + n + "'");
        });
    }

    @Test
    void shapeReadOffTheCharsAgreesWithTheTokens() {
        // An ASCII pattern's shape is read off its chars and its tokens are made on first use:
        // both must say what tokens made at once would (literal, length in bytes, the language).
        Gen<String> patterns = strings("ab-*?/é", 7);
        qt().withFixedSeed(13).withExamples(20_000).forAll(patterns).checkAssert(p -> {
            for (Glob g : List.of(Glob.of(p), Glob.ofIgnoringCase(p))) {
                int[] tokens = g.tokens();
                boolean literal = true;
                for (int t : tokens) literal &= t >= 0;
                assertEquals(literal, g.isLiteral(), () -> "literal: '" + p + "'");
                assertEquals(Bytes.utf8(p, false).length, g.length(), () -> "length: '" + p + "'");
                assertTrue(tokens == g.tokens(), "tokens are made once");
            }
        });
    }

    @Test
    void asciiNamesMatchAsTheirUtf8BytesDo() {
        // Patterns with non-ASCII literals and both wildcards; names mostly ASCII (the fast path),
        // with upper case for the case-folding globs.
        Gen<String> patterns = strings("aAb/*?é~", 7);
        Gen<String> names = strings("aAbB/é~", 9);
        qt().withFixedSeed(11).withExamples(30_000).forAll(patterns, names).checkAssert((p, n) -> {
            assertEquals(Glob.of(p).matchesBytes(n), Glob.of(p).matches(n), () -> "'" + p + "' on '" + n + "'");
            assertEquals(Glob.ofIgnoringCase(p).matchesBytes(n), Glob.ofIgnoringCase(p).matches(n), () -> "ignoring case: '" + p + "' on '" + n + "'");
        });
    }

    @Test
    void examplesFromTheServersOwnTests() {
        assertTrue(Glob.of("my-bucket/In*").matches("my-bucket/India/Karnataka/"));
        assertTrue(Glob.of("my-bucket/abc?efg").matches("my-bucket/abc/efg"));
        assertTrue(Glob.of("bucket/*").matches("bucket/"));
        assertTrue(Glob.of("bucket?").matches("bucket/"));
        assertFalse(Glob.of("my-bucket/In*").matches("my-bucket/Idia"));
        assertFalse(Glob.of("my-bucket/abc?efg").matches("my-bucket/abcefg"));
        assertFalse(Glob.of("bucket/*").matches("bucket"));
    }

    @Test
    void questionMarkIsExactlyOneByte() {
        assertFalse(Glob.of("?").matches(""));
        assertTrue(Glob.of("?").matches("/"));
        assertFalse(Glob.of("?").matches("é"), "é is two UTF-8 bytes");
        assertTrue(Glob.of("??").matches("é"));
        assertFalse(Glob.of("???").matches("é"));
        assertTrue(Glob.of("????").matches("😀"), "a supplementary character is four bytes");
        assertTrue(Glob.of("caf?").matches("cafe"));
        assertFalse(Glob.of("caf?").matches("café"));
        assertTrue(Glob.of("caf??").matches("café"));
    }

    @Test
    void starMatchesEverythingIncludingEmptyAndSlashes() {
        Glob star = Glob.of("*");
        assertTrue(star.matches(""));
        assertTrue(star.matches("a/b/c"));
        assertTrue(star.matches("é*?"));
        assertTrue(Glob.of("a*b").matches("ab"));
        assertTrue(Glob.of("a*b").matches("a//b"));
        assertFalse(Glob.of("a*b").matches("a//c"));
    }

    @Test
    void caseSensitivityFollowsTheMode() {
        assertFalse(Glob.of("s3:GetObject").matches("s3:getobject"));
        assertTrue(Glob.of("s3:GetObject").matches("s3:GetObject"));
        assertTrue(Glob.ofIgnoringCase("s3:Get*").matches("S3:GETOBJECT"));
        assertTrue(Glob.ofIgnoringCase("S3:GET?BJECT").matches("s3:getobject"));
        assertFalse(Glob.ofIgnoringCase("s3:Get*").matches("s3:PutObject"));
        // Only ASCII folds: É and é differ.
        assertFalse(Glob.ofIgnoringCase("É").matches("é"));
    }

    @Test
    void wildcardRunsAreNormalisedWithoutChangingTheLanguage() {
        assertTrue(Glob.of("a**b").matches("ab"));
        assertTrue(Glob.of("a*?*b").matches("axb"));
        assertFalse(Glob.of("a*?*b").matches("ab"));
        assertTrue(Glob.of("*?").matches("x"));
        assertFalse(Glob.of("*??").matches("x"));
    }

    @Test
    void noEscaping() {
        // A backslash is an ordinary byte and the following '*' is still a wildcard.
        assertTrue(Glob.of("a\\*").matches("a\\xyz"));
        assertFalse(Glob.of("a\\*").matches("a*"));
    }

    @Test
    void unpairedSurrogatesDoNotBecomeWildcards() {
        // The JDK encoder would turn the lone surrogate into '?', a wildcard.
        assertFalse(Glob.of("a\uD800").matches("ab"));
        assertTrue(Glob.of("a\uD800").matches("a\uFFFD"));
    }

    @Test
    void accessors() {
        Glob g = Glob.of("bücket/a*b?c");
        assertEquals("bücket/a*b?c", g.pattern());
        assertEquals("bücket/a", g.literalPrefix());
        assertEquals(13, g.length(), "ü is two bytes");
        assertFalse(g.isLiteral());
        assertTrue(Glob.of("bucket/key").isLiteral());
        assertEquals("bucket/key", Glob.of("bucket/key").literalPrefix());
        assertEquals("", Glob.of("?x").literalPrefix());
        assertEquals("s3:get", Glob.ofIgnoringCase("S3:Get*").literalPrefix());
        assertEquals("S3:Get*", Glob.ofIgnoringCase("S3:Get*").pattern());
    }

    @Test
    void equalityIsOnPatternAndMode() {
        assertEquals(Glob.of("a*"), Glob.of("a*"));
        assertEquals(Glob.of("a*").hashCode(), Glob.of("a*").hashCode());
        assertNotEquals(Glob.of("a*"), Glob.ofIgnoringCase("a*"));
        assertNotEquals(Glob.of("a*"), Glob.of("a**"));
    }

    @Test
    void worstCaseMatchIsFast() {
        String pattern = "a*".repeat(1000) + "b";
        String name = "a".repeat(10_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            long start = System.nanoTime();
            assertFalse(Glob.of(pattern).matches(name));
            assertTrue(Glob.of(pattern).matches(name + "b"));
            System.out.printf("worst-case match: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        });
    }
}
