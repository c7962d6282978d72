package dev.bucketscope.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.bucketscope.glob.Glob;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The action matcher has an ASCII path (chars, no encoding) beside the byte path; both must give
 * the byte-wise answer of the resource matcher, which has its own oracle tests.
 */
class ActionGlobTest {
    @Test
    void agreesWithTheResourceMatcherOnAsciiAndBeyond() {
        Gen<String> patterns = strings("sS3:aA*?é", 7);
        Gen<String> names = strings("sS3:aAé", 8);
        qt().withFixedSeed(7).withExamples(20_000).forAll(patterns, names).checkAssert((p, t) -> {
            assertEquals(Glob.of(p).matches(t), ActionGlob.matches(p, t, false), () -> p + " vs " + t);
            assertEquals(Glob.ofIgnoringCase(p).matches(t), ActionGlob.matches(p, t, true), () -> p + " vs " + t + " ignoring case");
        });
    }

    @Test
    void questionMarkIsOneByteSoItDoesNotMatchATwoByteCharacter() {
        assertFalse(ActionGlob.matches("s3:?", "s3:é", false));
        assertTrue(ActionGlob.matches("s3:??", "s3:é", false));
        assertTrue(ActionGlob.matches("S3:GET*", "s3:GetObject", true));
        assertFalse(ActionGlob.matches("S3:GET*", "s3:GetObject", false));
    }

    private static Gen<String> strings(String alphabet, int maxLength) {
        List<Character> chars = alphabet.chars().mapToObj(c -> (char) c).collect(Collectors.toList());
        return lists().of(Generate.pick(chars)).ofSizeBetween(0, maxLength)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
    }
}
