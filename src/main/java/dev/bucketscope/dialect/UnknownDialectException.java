package dev.bucketscope.dialect;

/** A {@code --dialect} value or inventory {@code server.dialect} that names no known dialect. */
public final class UnknownDialectException extends Exception {

    private static final long serialVersionUID = 1L;

    UnknownDialectException(String problem) {
        super(problem + "; valid forms: " + String.join(", ", Dialect.validForms()));
    }
}
