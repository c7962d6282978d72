package dev.bucketscope.source;

import java.util.List;

/**
 * Something wrong with the bytes or syntax of a file: not parseable, duplicate key, too deep,
 * too large, not UTF-8. Reading never throws for bad input; it returns problems like this one,
 * which the linter turns into {@code invalid-json} findings.
 *
 * @param related other places the problem is about (the first occurrence of a duplicate key)
 */
public record Problem(Kind kind, String message, Span span, String pointer, List<Span> related) {

    /** What went wrong; {@code UNREADABLE} is a file that could not be read at all (I/O error). */
    public enum Kind { SYNTAX, DUPLICATE_KEY, TOO_DEEP, TOO_LARGE, ENCODING, EMPTY, UNREADABLE, SCHEMA }

    public Problem {
        related = List.copyOf(related);
    }

    public Problem(Kind kind, String message, Span span, String pointer) {
        this(kind, message, span, pointer, List.of());
    }
}
