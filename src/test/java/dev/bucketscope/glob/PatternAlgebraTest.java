package dev.bucketscope.glob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PatternAlgebraTest {

    private static boolean includes(String a, String b) {
        return PatternAlgebra.includes(Glob.of(a), Glob.of(b));
    }

    /** The counterexample, after checking it really is in L(b) \ L(a). */
    private static String counterexample(String a, String b) {
        Optional<String> c = PatternAlgebra.counterexample(Glob.of(a), Glob.of(b));
        assertTrue(c.isPresent(), () -> a + " should not include " + b);
        assertTrue(Glob.of(b).matches(c.get()), c.get());
        assertFalse(Glob.of(a).matches(c.get()), c.get());
        return c.get();
    }

    @Test
    void inclusionExamples() {
        assertTrue(includes("langfuse-*", "langfuse-events"));
        assertTrue(includes("lang*", "langfuse-*"));
        assertFalse(includes("langfuse-*", "lang*"));
        assertEquals("lang", counterexample("langfuse-*", "lang*"), "shortest: the star matches nothing");
        assertTrue(includes("*", "anything/at/all"));
        assertTrue(includes("*", "?*?"));
        assertFalse(includes("a*", "*"));
        assertEquals("", counterexample("a*", "*"));
        assertTrue(includes("*?", "?*"));
        assertTrue(includes("?*", "*?"));
        // L(*ab) = ends in "ab" ⊆ L(*a?) = second-to-last byte is 'a'; not conversely.
        assertTrue(includes("*a?", "*ab"));
        assertEquals("ax", counterexample("*ab", "*a?"));
        assertTrue(includes("*a*", "*a*a*"));
        assertEquals("a", counterexample("*a*a*", "*a*"));
        assertTrue(includes("a*b", "a*b*b"));
        assertEquals("ab", counterexample("a*b*b", "a*b"));
        assertEquals("a", counterexample("a?", "a*"));
        assertTrue(includes("*ab*", "*aab*"));
        assertTrue(includes("*??", "?*?"));
        assertTrue(includes("bucket/*", "bucket/*/*"));
        assertFalse(includes("bucket/*/*", "bucket/*"));
    }

    @Test
    void counterexampleFillerAvoidsTheIncludingPattern() {
        // b's two '?' become filler bytes; 'x' is taken by a, so the next preference is used.
        assertEquals("yy", counterexample("?x", "??"));
        assertEquals("xa", counterexample("?b", "?a"));
        // Every printable byte is a literal of a, except '*', which a pattern cannot hold literally.
        StringBuilder all = new StringBuilder();
        for (char ch = 0x21; ch < 0x7F; ch++) {
            if (ch != '*' && ch != '?') {
                all.append(ch);
            }
        }
        String anyOfSameLength = "?".repeat(all.length());
        assertEquals("*".repeat(all.length()), counterexample(all.toString(), anyOfSameLength));
    }

    @Test
    void literalPatternsAreDecidedByMatching() {
        assertTrue(includes("abc", "abc"));
        assertEquals("abd", counterexample("abc", "abd"));
        assertFalse(PatternAlgebra.intersects(Glob.of("abc"), Glob.of("abd")));
    }

    @Test
    void intersectionExamples() {
        assertEquals(Optional.of("temp-cache"), PatternAlgebra.witnessIn(Glob.of("temp*"), Glob.of("*-cache")));
        assertEquals(Optional.empty(), PatternAlgebra.witnessIn(Glob.of("a*"), Glob.of("b*")));
        assertFalse(PatternAlgebra.intersects(Glob.of("a*"), Glob.of("b*")));
        assertEquals(Optional.of("a"), PatternAlgebra.witnessIn(Glob.of("a*"), Glob.of("*a")));
        assertEquals(Optional.of("x"), PatternAlgebra.witnessIn(Glob.of("?"), Glob.of("*")));
        assertEquals(Optional.of(""), PatternAlgebra.witnessIn(Glob.of("*"), Glob.of("")));
        assertFalse(PatternAlgebra.intersects(Glob.of("?"), Glob.of("")));
        assertFalse(PatternAlgebra.intersects(Glob.of("??*"), Glob.of("?")));
        // "é" is two bytes, so it meets "??" but not "?".
        assertEquals(Optional.of("é"), PatternAlgebra.witnessIn(Glob.of("??"), Glob.of("*é")));
        assertFalse(PatternAlgebra.intersects(Glob.of("?"), Glob.of("é")));
        String w = PatternAlgebra.witnessIn(Glob.of("*/logs/*"), Glob.of("app-?/*")).orElseThrow();
        assertTrue(Glob.of("*/logs/*").matches(w) && Glob.of("app-?/*").matches(w), w);
        assertEquals("app-x/logs/".length(), w.length());
    }

    @Test
    void caseInsensitiveGlobsFoldBothSides() {
        assertTrue(PatternAlgebra.includes(Glob.ofIgnoringCase("s3:*"), Glob.ofIgnoringCase("S3:GetObject")));
        assertTrue(PatternAlgebra.includes(Glob.ofIgnoringCase("S3:GET*"), Glob.ofIgnoringCase("s3:getobject*")));
        assertEquals(Optional.of("s3:object"),
                PatternAlgebra.counterexample(Glob.ofIgnoringCase("s3:Get*"), Glob.ofIgnoringCase("s3:*Object")));
        assertEquals(Optional.of("s3:getobject"),
                PatternAlgebra.witnessIn(Glob.ofIgnoringCase("S3:Get*"), Glob.ofIgnoringCase("s3:*OBJECT")));
        // Case-sensitively the same patterns are unrelated.
        assertFalse(PatternAlgebra.intersects(Glob.of("S3:Get*"), Glob.of("s3:*OBJECT")));
    }

    @Test
    void mixedCaseModesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> PatternAlgebra.includes(Glob.of("a"), Glob.ofIgnoringCase("a")));
        assertThrows(IllegalArgumentException.class,
                () -> PatternAlgebra.intersects(Glob.ofIgnoringCase("a"), Glob.of("a")));
    }

    @Test
    void overlongPatternsAreRefusedUpFront() {
        Glob big = Glob.of("a".repeat(PatternAlgebra.MAX_PATTERN_BYTES + 1));
        PatternTooComplexException e = assertThrows(PatternTooComplexException.class,
                () -> PatternAlgebra.includes(Glob.of("*"), big));
        assertTrue(e.getMessage().contains(String.valueOf(PatternAlgebra.MAX_PATTERN_BYTES + 1)), e.getMessage());
        assertThrows(PatternTooComplexException.class, () -> PatternAlgebra.intersects(big, Glob.of("*")));
        // Matching itself has no such limit.
        assertTrue(big.matches("a".repeat(PatternAlgebra.MAX_PATTERN_BYTES + 1)));
    }
}
