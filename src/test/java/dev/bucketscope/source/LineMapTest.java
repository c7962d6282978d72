package dev.bucketscope.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineMapTest {

    @Test
    void mapsOffsetsBothWaysOverAllLineBreaks() {
        String text = "ab\ncd\r\nef\rg\uD83D\uDE00h\n";
        LineMap map = new LineMap(text);
        assertEquals(5, map.lineCount());
        assertEquals(Span.point(2, 1), map.pointAt(3));
        assertEquals(Span.point(2, 3), map.pointAt(5)); // the \r of \r\n
        assertEquals(Span.point(3, 1), map.pointAt(7));
        assertEquals(Span.point(4, 4), map.pointAt(text.indexOf('h')));
        assertEquals("cd", map.lineText(2));
        assertEquals("ef", map.lineText(3));
        assertEquals("g\uD83D\uDE00h", map.lineText(4));
        assertEquals("", map.lineText(5));
        assertEquals(text.indexOf('h'), map.offset(4, 4));
        assertEquals(new Span(1, 2, 3, 2), map.span(1, 8));
    }
}
