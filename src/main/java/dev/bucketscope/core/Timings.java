package dev.bucketscope.core;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Phase timings for performance work, on stderr when {@code BUCKETSCOPE_TIMINGS} is set:
 * {@code bucketscope: timing <phase> <ms> (at <ms since the process started>)}. Off by default,
 * and then nothing but a field read; the benchmark uses it to show where a whole-repository run
 * spends its time.
 *
 * <p>Each thread times its own phases (the inventory is read, and its rules run, beside other
 * work): a phase lasts from the thread's previous mark, or from {@link #begin}, to this one.
 * Phases on threads other than {@code main} carry the thread's name.
 */
public final class Timings {
    private static final boolean ON = System.getenv("BUCKETSCOPE_TIMINGS") != null;
    /** The JVM's start in nanoTime terms, so that "at" includes start-up. */
    private static final long ORIGIN = ON ? origin() : 0;
    /** A class rather than a lambda: this class is loaded by every run, timings on or off (see PolicyRule). */
    private static final ThreadLocal<long[]> LAST = new ThreadLocal<>() {
        @Override
        protected long[] initialValue() {
            return new long[] {ORIGIN};
        }
    };

    private Timings() {}

    /** Starts this thread's first phase now (a worker's phases should not count the time before it started). */
    public static void begin() {
        if (ON) LAST.get()[0] = System.nanoTime();
    }

    /** Records the end of this thread's current phase. */
    public static void mark(String phase) {
        if (!ON) return;
        long now = System.nanoTime();
        long[] last = LAST.get();
        String thread = Thread.currentThread().getName();
        String name = thread.equals("main") ? phase : phase + " [" + thread + "]";
        print(System.err, name, now - last[0], now - ORIGIN);
        last[0] = now;
    }

    /** Whether timings are on: a caller that times work itself (summed over threads) asks first. */
    public static boolean on() {
        return ON;
    }

    /**
     * Records work measured by the caller (summed over threads, say) without ending this
     * thread's current phase; "at" is now.
     */
    public static void took(String phase, long nanos) {
        if (!ON) return;
        print(System.err, phase, nanos, System.nanoTime() - ORIGIN);
    }

    private static synchronized void print(PrintStream err, String phase, long nanos, long sinceStart) {
        err.printf(Locale.ROOT, "bucketscope: timing %-28s %8.1f ms (at %8.1f ms)%n", phase, nanos / 1e6, sinceStart / 1e6);
    }

    /** The JVM's start, from its uptime (loads the management classes, only when timings are on). */
    private static long origin() {
        return System.nanoTime() - java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    }
}
