package dev.bucketscope.glob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Checks the matcher and the algebra against two independent oracles on small patterns:
 * exhaustive enumeration of short names, and a textbook subset construction over an explicit
 * alphabet (no filler trick, no normalisation, no domination pruning), which is exact at any length.
 */
class PatternAlgebraPropertyTest {

    /** Pattern bytes. */
    private static final List<Character> PATTERN_CHARS = chars("ab/-*?");
    /**
     * Name bytes: the pattern bytes (literal '*' and '?' included) plus 'c', which stands for every
     * byte that occurs in no pattern (they all behave alike), so these names cover all behaviours.
     */
    private static final String NAME_ALPHABET = "ab/-*?c";
    /** The automaton oracle also knows 'x' and 'y', the preferred filler bytes, to catch a bad filler. */
    private static final String ORACLE_ALPHABET = NAME_ALPHABET + "xy";
    /** Longest enumerated name: 7^0 + ... + 7^5 = 19,608 names keeps thousands of examples fast. */
    private static final int ENUMERATED_LENGTH = 5;
    private static final List<String> NAMES = enumerate(NAME_ALPHABET, ENUMERATED_LENGTH);

    private static final Gen<String> PATTERNS = patterns(PATTERN_CHARS, 6);

    @Test
    void matcherAgreesWithRecursiveReference() {
        Gen<String> patterns = patterns(chars("ab/-*?é"), 7);
        Gen<String> names = patterns(chars("ab/-*?cé"), 9);
        qt().withFixedSeed(1).withExamples(20_000).forAll(patterns, names).checkAssert((p, s) ->
                assertEquals(referenceMatches(p, s), Glob.of(p).matches(s), () -> p + " vs " + s));
    }

    @Test
    void intersectionAgreesWithOracles() {
        AtomicInteger exact = new AtomicInteger();
        qt().withFixedSeed(2).withExamples(2_000).forAll(PATTERNS, PATTERNS).checkAssert((a, b) -> {
            Optional<String> w = PatternAlgebra.witnessIn(Glob.of(a), Glob.of(b));
            Optional<String> oracle = shortest(a, b, (inA, inB) -> inA && inB);
            assertEquals(oracle.isPresent(), w.isPresent(), () -> a + " ∩ " + b + " oracle " + oracle);
            assertEquals(w.isPresent(), PatternAlgebra.intersects(Glob.of(a), Glob.of(b)), () -> a + " ∩ " + b);
            w.ifPresent(s -> {
                assertTrue(referenceMatches(a, s) && referenceMatches(b, s), () -> a + " ∩ " + b + ": " + s);
                assertEquals(oracle.get().length(), s.length(), () -> "not shortest: " + s + " vs " + oracle.get());
            });
            int length = Math.min(a.length() + b.length() + 2, ENUMERATED_LENGTH);
            boolean found = NAMES.stream().anyMatch(s -> s.length() <= length
                    && referenceMatches(a, s) && referenceMatches(b, s));
            if (found) {
                assertTrue(w.isPresent(), () -> "enumeration found a common name of " + a + " and " + b);
            }
            // Every byte of a shortest witness advances a or b past a non-star token, so its length
            // is at most the number of non-star tokens; within that, enumeration decides exactly.
            if (nonStars(a) + nonStars(b) <= length) {
                exact.incrementAndGet();
                assertEquals(found, w.isPresent(), () -> a + " ∩ " + b);
            }
        });
        assertTrue(exact.get() > 200, "enumeration decided only " + exact.get() + " cases exactly");
    }

    @Test
    void moreOfALiteralCharMeansNotIncluded() {
        // Where a has more of some literal char than b, the search finds a name of b that a does
        // not match; and the quick answer is then false.
        AtomicInteger decided = new AtomicInteger();
        qt().withFixedSeed(19).withExamples(30_000).forAll(PATTERNS, PATTERNS).checkAssert((a, b) -> {
            if (!PatternAlgebra.literalsOutnumber(a, b)) return;
            decided.incrementAndGet();
            assertTrue(PatternAlgebra.counterexample(Glob.of(a), Glob.of(b)).isPresent(), () -> a + " ⊇ " + b);
            assertEquals(PatternAlgebra.FALSE, PatternAlgebra.quickIncludes(Glob.of(a), Glob.of(b)), () -> a + " ⊇ " + b);
        });
        assertTrue(decided.get() > 1_000, "only " + decided.get() + " pairs had a literal char more");
        assertTrue(PatternAlgebra.literalsOutnumber("n8n294-*/*", "n8n294-*"));
        assertFalse(PatternAlgebra.literalsOutnumber("n8n294-*", "n8n294-*/*"));
    }

    @Test
    void quickInclusionOnCharsAgreesWithTheTokens() {
        // Case-sensitive ASCII patterns are decided on their chars; the answer (true, false or
        // undecided) must be the one their normalised tokens give.
        qt().withFixedSeed(17).withExamples(30_000).forAll(PATTERNS, PATTERNS).checkAssert((a, b) -> {
            Glob ga = Glob.of(a);
            Glob gb = Glob.of(b);
            assertTrue(ga.asciiExact() && gb.asciiExact(), () -> a + ", " + b);
            assertEquals(PatternAlgebra.quickIncludesTokens(ga, gb), PatternAlgebra.quickIncludesAscii(ga, gb), () -> a + " ⊇ " + b);
        });
    }

    @Test
    void inclusionAgreesWithOracles() {
        AtomicInteger exact = new AtomicInteger();
        qt().withFixedSeed(3).withExamples(2_000).forAll(PATTERNS, PATTERNS).checkAssert((a, b) -> {
            Optional<String> c = PatternAlgebra.counterexample(Glob.of(a), Glob.of(b));
            Optional<String> oracle = shortest(a, b, (inA, inB) -> inB && !inA);
            assertEquals(oracle.isEmpty(), c.isEmpty(), () -> a + " ⊇ " + b + "? oracle " + oracle);
            assertEquals(c.isEmpty(), PatternAlgebra.includes(Glob.of(a), Glob.of(b)));
            assertEquals(c.isEmpty(), PatternAlgebra.includes(Glob.of(a), Glob.of(b), new PatternAlgebra.Budget(PatternAlgebra.MAX_WORK)),
                    () -> a + " ⊇ " + b + " with a budget");
            c.ifPresent(s -> {
                assertTrue(referenceMatches(b, s), () -> s + " should match " + b);
                assertFalse(referenceMatches(a, s), () -> s + " should not match " + a);
                assertEquals(oracle.get().length(), s.length(), () -> "not shortest: " + s + " vs " + oracle.get());
            });
            int length = Math.min(a.length() + b.length() + 2, ENUMERATED_LENGTH);
            boolean found = NAMES.stream().anyMatch(s -> s.length() <= length
                    && referenceMatches(b, s) && !referenceMatches(a, s));
            if (found) {
                assertTrue(c.isPresent(), () -> "enumeration found a counterexample to " + a + " ⊇ " + b);
            }
            // A shortest counterexample is b's non-star tokens plus, per star of b, a run of at most
            // q+1 bytes (q = '?'s in a: longer runs are partly absorbed by a star of a, so behave
            // alike). Within that bound, enumeration decides exactly.
            if (nonStars(b) + stars(b) * (count(a, '?') + 1) <= length) {
                exact.incrementAndGet();
                assertEquals(found, c.isPresent(), () -> a + " ⊇ " + b);
            }
        });
        assertTrue(exact.get() > 200, "enumeration decided only " + exact.get() + " cases exactly");
    }

    @Test
    void caseInsensitiveAlgebraIsTheAlgebraOfFoldedPatterns() {
        // Upper-case X and Y fold onto the preferred fillers, so a filler chosen before folding fails.
        Gen<String> patterns = patterns(chars("xXyY*?"), 6);
        qt().withFixedSeed(4).withExamples(2_000).forAll(patterns, patterns).checkAssert((a, b) -> {
            String fa = a.toLowerCase(java.util.Locale.ROOT);
            String fb = b.toLowerCase(java.util.Locale.ROOT);
            Glob ga = Glob.ofIgnoringCase(a);
            Glob gb = Glob.ofIgnoringCase(b);
            assertEquals(shortest(fa, fb, (inA, inB) -> inA && inB).map(String::length),
                    PatternAlgebra.witnessIn(ga, gb).map(String::length), () -> a + " ∩ " + b);
            Optional<String> c = PatternAlgebra.counterexample(ga, gb);
            assertEquals(shortest(fa, fb, (inA, inB) -> inB && !inA).map(String::length),
                    c.map(String::length), () -> a + " ⊇ " + b);
            c.ifPresent(s -> assertTrue(gb.matches(s) && !ga.matches(s), s));
        });
    }

    // ---- oracles ----

    /** Backtracking matcher straight from the definition, on UTF-8 bytes of the raw pattern. */
    static boolean referenceMatches(String pattern, String name) {
        return match(pattern.getBytes(StandardCharsets.UTF_8), 0, name.getBytes(StandardCharsets.UTF_8), 0);
    }

    private static boolean match(byte[] p, int i, byte[] s, int j) {
        if (i == p.length) {
            return j == s.length;
        }
        if (p[i] == '*') {
            return match(p, i + 1, s, j) || (j < s.length && match(p, i, s, j + 1));
        }
        return j < s.length && (p[i] == '?' || p[i] == s[j]) && match(p, i + 1, s, j + 1);
    }

    /**
     * Shortest name over {@link #ORACLE_ALPHABET} whose membership in L(a) and L(b) satisfies
     * {@code goal}: breadth-first search over pairs of determinised states (bit sets of positions).
     */
    static Optional<String> shortest(String a, String b, BiPredicate<Boolean, Boolean> goal) {
        Set<Long> seen = new HashSet<>();
        ArrayDeque<Object[]> queue = new ArrayDeque<>();
        int sa = close(a, 1);
        int sb = close(b, 1);
        seen.add(((long) sa << 32) | sb);
        queue.add(new Object[] {sa, sb, ""});
        while (!queue.isEmpty()) {
            Object[] e = queue.poll();
            int ma = (Integer) e[0];
            int mb = (Integer) e[1];
            String s = (String) e[2];
            if (goal.test(accepts(a, ma), accepts(b, mb))) {
                return Optional.of(s);
            }
            for (char x : ORACLE_ALPHABET.toCharArray()) {
                int na = step(a, ma, x);
                int nb = step(b, mb, x);
                if (seen.add(((long) na << 32) | nb)) {
                    queue.add(new Object[] {na, nb, s + x});
                }
            }
        }
        return Optional.empty();
    }

    private static int close(String p, int mask) {
        for (int i = 0; i < p.length(); i++) {
            if ((mask >> i & 1) != 0 && p.charAt(i) == '*') {
                mask |= 1 << (i + 1);
            }
        }
        return mask;
    }

    private static int step(String p, int mask, char x) {
        int out = 0;
        for (int i = 0; i < p.length(); i++) {
            if ((mask >> i & 1) != 0) {
                char c = p.charAt(i);
                if (c == '*') {
                    out |= 1 << i;
                } else if (c == '?' || c == x) {
                    out |= 1 << (i + 1);
                }
            }
        }
        return close(p, out);
    }

    private static boolean accepts(String p, int mask) {
        return (mask >> p.length() & 1) != 0;
    }

    // ---- helpers ----

    private static Gen<String> patterns(List<Character> alphabet, int maxLength) {
        return lists().of(Generate.pick(alphabet)).ofSizeBetween(0, maxLength)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    private static List<Character> chars(String s) {
        return s.chars().mapToObj(c -> (char) c).collect(Collectors.toList());
    }

    private static List<String> enumerate(String alphabet, int maxLength) {
        List<String> all = new ArrayList<>();
        all.add("");
        for (int from = 0, len = 1; len <= maxLength; len++) {
            int to = all.size();
            for (int k = from; k < to; k++) {
                for (char x : alphabet.toCharArray()) {
                    all.add(all.get(k) + x);
                }
            }
            from = to;
        }
        return all;
    }

    private static int count(String p, char c) {
        return (int) p.chars().filter(x -> x == c).count();
    }

    /** Stars after normalisation: one per maximal run of wildcards containing a star. */
    private static int stars(String p) {
        return Glob.of(p).tokens().length - nonStars(p);
    }

    private static int nonStars(String p) {
        return p.length() - count(p, '*');
    }
}
