package dev.bucketscope.source;

/**
 * The bounds every reader enforces, so that hostile input costs bounded time and memory. Past a
 * bound the reader stops with a {@link Problem} that names the limit; it never throws.
 */
public final class Limits {
    private Limits() {}

    /** Largest file read at all (bytes). Real policies are a few KiB; RustFS caps a policy at 20 KiB. */
    public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    /** Deepest nesting of arrays and objects. A valid policy nests at most 5 levels. */
    public static final int MAX_DEPTH = 64;

    /** Longest string value or key, in UTF-16 code units. */
    public static final int MAX_STRING_CHARS = 64 * 1024;
}
