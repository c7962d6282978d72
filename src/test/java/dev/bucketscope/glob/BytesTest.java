package dev.bucketscope.glob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class BytesTest {
    /** ASCII (upper case and '?' included), Latin-1, other BMP chars, and surrogates paired or not. */
    private static final Gen<String> STRINGS = lists().of(Generate.pick(List.of("a", "Z", "?", "*", "/", "é", "\u00ff", "€",
                    "\ud83d\ude00", "\ud83d", "\ude00", "\u007f", "\u0080")))
            .ofSizeBetween(0, 6).map(parts -> String.join("", parts));

    @Test
    void theAsciiShortcutEncodesAsTheCharLoopDoes() {
        qt().withFixedSeed(3).withExamples(20_000).forAll(STRINGS, booleans().all()).checkAssert((s, fold) ->
                assertArrayEquals(Bytes.encode(s, fold), Bytes.utf8(s, fold), () -> "'" + s + "' fold " + fold));
    }

    @Test
    void anUnpairedSurrogateIsTheReplacementCharacterNotAWildcard() {
        assertArrayEquals(new byte[] {'a', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD}, Bytes.utf8("a\ud800", false));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD}, Bytes.utf8("\ude00", true));
        assertArrayEquals(new byte[] {'a', '?', 'b'}, Bytes.utf8("A?b", true));
    }
}
