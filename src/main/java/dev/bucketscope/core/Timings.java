package dev.bucketscope.core;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Phase timings for performance work, on stderr when {@code BUCKETSCOPE_TIMINGS} is set:
 * {@code bucketscope: timing <phase> <ms>}. Off by default, and then nothing but a field read;
 * the benchmark uses it to show where a whole-repository run spends its time.
 */
public final class Timings {
    private static final boolean ON = System.getenv("BUCKETSCOPE_TIMINGS") != null;
    private static final long ORIGIN = System.nanoTime();
    private static long last = ORIGIN;

    private Timings() {}

    /**
     * Records the end of a phase that began at the previous mark. Phases on other threads (the
     * inventory is read beside the tree walk) interleave: their "at" column still tells.
     */
    public static synchronized void mark(String phase) {
        if (!ON) return;
        long now = System.nanoTime();
        print(System.err, phase, now - last, now - ORIGIN);
        last = now;
    }

    private static void print(PrintStream err, String phase, long nanos, long sinceStart) {
        err.printf(Locale.ROOT, "bucketscope: timing %-28s %8.1f ms (at %8.1f ms)%n", phase, nanos / 1e6, sinceStart / 1e6);
    }
}
