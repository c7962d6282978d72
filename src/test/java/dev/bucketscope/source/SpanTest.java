package dev.bucketscope.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class SpanTest {
    /** What the compiler generates for a record of four ints: Span's hand-written methods must agree with it. */
    private record Generated(int line, int column, int endLine, int endColumn) {}

    @Test
    void equalsAndHashCodeAreThoseOfTheRecordTheyReplace() {
        qt().withFixedSeed(3).withExamples(5_000)
                .forAll(integers().between(1, 5), integers().between(1, 300), integers().between(0, 3), integers().between(1, 300))
                .assuming((l, c, dl, ec) -> dl > 0 || ec >= c)
                .checkAssert((l, c, dl, ec) -> {
                    Span s = new Span(l, c, l + dl, ec);
                    assertEquals(new Generated(l, c, l + dl, ec).hashCode(), s.hashCode());
                    assertEquals(new Span(l, c, l + dl, ec), s);
                    assertEquals(s, s);
                });
    }

    @Test
    void spansThatDifferInAnyPositionAreNotEqual() {
        Span s = new Span(2, 3, 4, 5);
        assertNotEquals(new Span(1, 3, 4, 5), s);
        assertNotEquals(new Span(2, 2, 4, 5), s);
        assertNotEquals(new Span(2, 3, 3, 5), s);
        assertNotEquals(new Span(2, 3, 4, 6), s);
        assertNotEquals(s, null);
        assertNotEquals(s, "2:3-4:5");
        assertEquals("2:3-4:5", s.toString());
    }

    @Test
    void anInvalidSpanIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Span(0, 1, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new Span(3, 5, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> new Span(3, 5, 2, 9));
    }
}
