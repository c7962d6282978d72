package dev.bucketscope.core;

import dev.bucketscope.source.Span;

/** A place in a file: the file as reports show it, the span, and the JSON pointer when it is in a JSON value. */
public record Location(String file, Span span, String pointer) implements Comparable<Location> {
    @Override
    public int compareTo(Location o) {
        // A file's findings share its name's String: String.compareTo would still walk it through.
        int c = file == o.file ? 0 : file.compareTo(o.file);
        if (c == 0) c = span.compareTo(o.span);
        if (c == 0) c = pointer.compareTo(o.pointer);
        return c;
    }
}
