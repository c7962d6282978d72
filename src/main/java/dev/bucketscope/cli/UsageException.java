package dev.bucketscope.cli;

/** Bad input from the user: printed as one message, exit code 2, never a stack trace. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
