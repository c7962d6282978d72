package dev.bucketscope.source;

import java.util.Arrays;

/**
 * Maps char offsets in a text to 1-based line and UTF-16 column and back, and gives the text of a
 * line (to print a source line under a finding). Lines end at {@code \n}, {@code \r\n} or
 * {@code \r}, the same breaks every reader in this package counts.
 */
public final class LineMap {
    private final String text;
    /** Char offset where each line starts; index 0 is line 1. */
    private final int[] starts;

    public LineMap(String text) {
        this.text = text;
        int[] s = new int[16];
        int n = 1;
        int len = text.length();
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < len && text.charAt(i + 1) == '\n') i++;
                if (n == s.length) s = Arrays.copyOf(s, n * 2);
                s[n++] = i + 1;
            }
        }
        this.starts = Arrays.copyOf(s, n);
    }

    /** Number of lines; a text ending in a line break has an empty last line. */
    public int lineCount() {
        return starts.length;
    }

    /** The 1-based line holding this char offset (offsets are clamped to the text). */
    public int line(int offset) {
        int o = clamp(offset);
        int i = Arrays.binarySearch(starts, o);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The 1-based UTF-16 column of this char offset. */
    public int column(int offset) {
        int o = clamp(offset);
        return o - starts[line(o) - 1] + 1;
    }

    /** A one-character span at this offset. */
    public Span pointAt(int offset) {
        return Span.point(line(offset), column(offset));
    }

    /** The span of the chars in {@code [start, end)}. */
    public Span span(int start, int end) {
        int e = Math.max(clamp(start), clamp(end));
        return new Span(line(start), column(start), line(e), column(e));
    }

    /** The char offset where a 1-based line starts. */
    public int lineStart(int line) {
        return starts[checkLine(line) - 1];
    }

    /** The char offset of a 1-based line and UTF-16 column, clamped to the end of that line. */
    public int offset(int line, int column) {
        int start = lineStart(line);
        return start + Math.min(Math.max(column, 1) - 1, lineEnd(line) - start);
    }

    /** The text of a 1-based line, without its line break. */
    public String lineText(int line) {
        return text.substring(lineStart(line), lineEnd(line));
    }

    /** The char offset just before the line break of a 1-based line. */
    public int lineEnd(int line) {
        int l = checkLine(line);
        if (l == starts.length) return text.length();
        int end = starts[l];
        end--;
        if (end > starts[l - 1] && text.charAt(end) == '\n' && text.charAt(end - 1) == '\r') end--;
        return end;
    }

    private int clamp(int offset) {
        return Math.max(0, Math.min(offset, text.length()));
    }

    private int checkLine(int line) {
        if (line < 1 || line > starts.length) {
            throw new IndexOutOfBoundsException("line " + line + " of " + starts.length);
        }
        return line;
    }
}
