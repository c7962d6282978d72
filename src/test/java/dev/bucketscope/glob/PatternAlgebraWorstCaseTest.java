package dev.bucketscope.glob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Hostile inputs must answer quickly or fail with {@link PatternTooComplexException}, never hang. */
class PatternAlgebraWorstCaseTest {

    /** 2,000 stars in 4,000 bytes, just under {@link PatternAlgebra#MAX_PATTERN_BYTES}. */
    private static final String STARS_A = "*a".repeat(2000);

    private static <T> T timed(String what, Duration limit, Supplier<T> body) {
        return assertTimeoutPreemptively(limit, () -> {
            long start = System.nanoTime();
            T result = body.get();
            System.out.printf("%s: %d ms%n", what, (System.nanoTime() - start) / 1_000_000);
            return result;
        });
    }

    @Test
    void starHeavyInclusionIsFast() {
        Glob a = Glob.of(STARS_A);
        assertTrue(timed("includes(*a x2000, itself)", Duration.ofSeconds(10),
                () -> PatternAlgebra.includes(a, a)));
        Glob fewer = Glob.of("*a".repeat(1999));
        // L(*a x n) = names with at least n 'a's that end in 'a'.
        Optional<String> c = timed("counterexample(*a x2000, *a x1999)", Duration.ofSeconds(10),
                () -> PatternAlgebra.counterexample(a, fewer));
        assertEquals(Optional.of("a".repeat(1999)), c);
        assertTrue(timed("includes(*a x1999, *a x2000)", Duration.ofSeconds(10),
                () -> PatternAlgebra.includes(fewer, a)));
        Glob ab = Glob.of("*ab".repeat(1365));
        assertFalse(timed("includes(*ab x1365, *a x2000)", Duration.ofSeconds(10),
                () -> PatternAlgebra.includes(ab, a)));
        assertFalse(timed("includes(*a x2000, *ab x1365)", Duration.ofSeconds(10),
                () -> PatternAlgebra.includes(a, ab)));
    }

    @Test
    void starHeavyIntersectionIsFast() {
        Glob a = Glob.of(STARS_A);
        Optional<String> w = timed("witnessIn(*a x2000, itself)", Duration.ofSeconds(10),
                () -> PatternAlgebra.witnessIn(a, a));
        assertEquals(Optional.of("a".repeat(2000)), w);
        Glob b = Glob.of("*b".repeat(2000));
        assertFalse(timed("intersects(*a x2000, *b x2000)", Duration.ofSeconds(10),
                () -> PatternAlgebra.intersects(a, b)));
        assertEquals(Optional.empty(), timed("witnessIn(*a x2000, *b x2000)", Duration.ofSeconds(10),
                () -> PatternAlgebra.witnessIn(a, b)));
        Glob c = Glob.of("*b".repeat(1999) + "*a");
        assertTrue(timed("intersects(*a x2000, *b x1999 *a)", Duration.ofSeconds(10),
                () -> PatternAlgebra.intersects(a, c)));
    }

    @Test
    void shortestWitnessOfStarHeavyPatternsIsBounded() {
        // The shortest witness interleaves 2,000 a's and 1,999 b's: the product search is quadratic.
        Glob a = Glob.of(STARS_A);
        Glob c = Glob.of("*b".repeat(1999) + "*a");
        String w = timed("witnessIn(*a x2000, *b x1999 *a)", Duration.ofSeconds(15),
                () -> PatternAlgebra.witnessIn(a, c)).orElseThrow();
        assertEquals(3999, w.length());
        assertTrue(a.matches(w) && c.matches(w));
    }

    @Test
    void questionMarkHeavyInclusionAnswersOrGivesUp() {
        // "the 21st byte from the end is 'a'": its deterministic automaton has 2^21 states.
        Glob a = Glob.of("*a" + "?".repeat(20));
        Glob b = Glob.of("*a".repeat(40) + "*");
        String outcome = timed("includes(*a?x20, *a x40 *)", Duration.ofSeconds(15), () -> {
            try {
                return "answered " + PatternAlgebra.includes(a, b);
            } catch (PatternTooComplexException e) {
                return "gave up: " + e.getMessage();
            }
        });
        System.out.println(outcome);
        assertTrue(outcome.startsWith("gave up") || outcome.equals("answered false"), outcome);
    }

    @Test
    void questionMarkHeavyPatternsNearTheLengthLimitAnswerOrGiveUp() {
        Glob a = Glob.of(("*" + "?".repeat(40) + "a").repeat(95));
        Glob b = Glob.of(("*a?").repeat(1300));
        String outcome = timed("includes((*?x40 a)x95, (*a?)x1300)", Duration.ofSeconds(15), () -> {
            try {
                return "answered " + PatternAlgebra.includes(a, b);
            } catch (PatternTooComplexException e) {
                return "gave up: " + e.getMessage();
            }
        });
        System.out.println(outcome);
        assertTrue(outcome.startsWith("answered") || outcome.contains("giving up"), outcome);
        // Intersection has no budget to exhaust: it is polynomial.
        assertTrue(timed("intersects((*?x40 a)x95, (*a?)x1300)", Duration.ofSeconds(10),
                () -> PatternAlgebra.intersects(a, b)));
    }
}
