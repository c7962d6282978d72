package dev.bucketscope.cli;

import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.dialect.UnknownDialectException;

/** Parses --dialect into a usage error that lists the valid forms. */
final class DialectOption {
    private DialectOption() {}

    static Dialect parse(String name) throws UsageException {
        try {
            return Dialect.parse(name);
        } catch (UnknownDialectException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
