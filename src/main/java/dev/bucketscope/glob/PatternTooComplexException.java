package dev.bucketscope.glob;

/**
 * Thrown by {@link PatternAlgebra} when a question about two patterns would exceed the work budget
 * (pattern length or explored states). Callers report "could not decide" instead of hanging on
 * hostile input.
 */
public final class PatternTooComplexException extends RuntimeException {
    PatternTooComplexException(String message) {
        super(message);
    }
}
