package dev.bucketscope.dialect;

import java.util.Optional;

/**
 * The verdict of {@link Dialect#checkAction(String)} on one Action/NotAction value.
 *
 * @param message    human-readable explanation (never empty)
 * @param suggestion a replacement value the user probably meant, when there is one
 */
public record ActionCheck(Status status, String message, Optional<String> suggestion) {

    /** How the dialect treats the value. */
    public enum Status {
        /** A concrete action the dialect knows. */
        KNOWN,
        /** A wildcard the dialect accepts; {@link Dialect#expand(String)} tells what it grants. */
        WILDCARD,
        /** A wildcard the dialect rejects (the whole policy fails to parse on RustFS). */
        UNSUPPORTED_WILDCARD,
        /** Not an action of this dialect (version). */
        UNKNOWN
    }

    /** True when the server accepts the value (KNOWN or WILDCARD). */
    public boolean accepted() {
        return status == Status.KNOWN || status == Status.WILDCARD;
    }
}
