package dev.bucketscope.source;

/**
 * A region of a source file: 1-based line and column, exclusive end column, columns counted in
 * UTF-16 code units (what GitHub code scanning and SARIF's default {@code utf16CodeUnits} count;
 * a tab is one column). Validated on creation so that a bad position fails where it is made,
 * not in a report three layers away.
 */
public record Span(int line, int column, int endLine, int endColumn) implements Comparable<Span> {

    public Span {
        if (line < 1 || column < 1 || endLine < line || endColumn < 1
                || (endLine == line && endColumn < column)) {
            throw new IllegalArgumentException(
                    "invalid span " + line + ":" + column + "-" + endLine + ":" + endColumn);
        }
    }

    /** A span covering a single position (used for end-of-file and empty-file problems). */
    public static Span point(int line, int column) {
        return new Span(line, column, line, column + 1);
    }
    @Override
    public int compareTo(Span o) {
        int c = Integer.compare(line, o.line);
        if (c == 0) c = Integer.compare(column, o.column);
        if (c == 0) c = Integer.compare(endLine, o.endLine);
        if (c == 0) c = Integer.compare(endColumn, o.endColumn);
        return c;
    }

    // Written out rather than left to the record: the generated ones are linked through
    // invokedynamic on first use, which spins a dozen method-handle classes at run time (spans
    // are hashed as parts of statement keys in the inventory rules). Same values as generated.
    @Override
    public boolean equals(Object o) {
        return o instanceof Span s && s.line == line && s.column == column && s.endLine == endLine && s.endColumn == endColumn;
    }

    @Override
    public int hashCode() {
        return ((line * 31 + column) * 31 + endLine) * 31 + endColumn;
    }

    @Override
    public String toString() {
        return line + ":" + column + "-" + endLine + ":" + endColumn;
    }
}
