package dev.bucketscope.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Maps a list on all cores and hands the results to the caller in the list's order. At most a
 * few tasks per thread are in flight, so results wait for the caller in a bounded window; a
 * short list runs on the calling thread (no pool to start for a commit hook's one file).
 */
final class Parallel {
    private static final int SEQUENTIAL_BELOW = 16;
    private static final int BATCH = 16;

    private Parallel() {}

    /**
     * Applies {@code f} to every item and gives each result to {@code sink}, on the calling
     * thread and in the items' order, as soon as it and those before it are done. Results are
     * not gathered into a list first: a list of 10,000 results lived through every young
     * collection of the policy phase and was copied to the old generation with everything it
     * held, when most of it (the wrappers the sink unpacks) can die young.
     */
    static <T, R> void forEachInOrder(List<T> items, Function<T, R> f, Consumer<R> sink) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), 8);
        if (items.size() < SEQUENTIAL_BELOW || threads < 2) {
            for (int i = 0; i < items.size(); i++) sink.accept(f.apply(items.get(i)));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, new Daemons("bucketscope-lint"));
        try {
            // Items go to the pool in small batches: one task per item would spend more on handing
            // work over (a future, a queue, a wake-up) than on a small policy.
            int batch = Math.max(1, Math.min(BATCH, items.size() / (threads * 8)));
            int window = threads * 16;
            Deque<Future<List<R>>> inFlight = new ArrayDeque<>();
            int next = 0;
            while (next < items.size() || !inFlight.isEmpty()) {
                while (next < items.size() && inFlight.size() < window) {
                    List<T> slice = items.subList(next, Math.min(items.size(), next + batch));
                    next += slice.size();
                    inFlight.add(pool.submit(new Batch<>(slice, f)));
                }
                deliver(take(inFlight.poll()), sink);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One batch's results to the sink. A method, not the body of the loop above: that loop runs
     * once per run, in the interpreter (C1 compiles a loop in place only after 30,000 turns with
     * the launcher's flags), while this is compiled after its first hundred batches.
     */
    private static <R> void deliver(List<R> done, Consumer<R> sink) {
        for (int i = 0; i < done.size(); i++) sink.accept(done.get(i));
    }

    /**
     * One batch's work. Classes rather than lambdas, here and below: a run makes hundreds of
     * batches, and every lambda site costs its linking at start-up (see PolicyRule).
     */
    private record Batch<T, R>(List<T> slice, Function<T, R> f) implements Callable<List<R>> {
        @Override
        public List<R> call() {
            List<R> results = new ArrayList<>(slice.size());
            for (int i = 0; i < slice.size(); i++) results.add(f.apply(slice.get(i)));
            return results;
        }
    }

    /** Daemon threads of one name, for the pool. */
    private record Daemons(String name) implements ThreadFactory {
        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }
    }

    /** Lists from this size are sorted on two threads (below it a thread costs more than it saves). */
    private static final int SORT_IN_TWO_FROM = 4_096;

    /**
     * Sorts {@code list} as {@code list.sort(order)} does (stably, so the result is the same),
     * a long list's two halves on two threads, then merged. A whole repository's findings are
     * sorted on the run's last, single-threaded stretch: 18,000 of them in 15–40 ms, in the file
     * system's order of files (see PolicySources), where half of that on each core is enough.
     */
    @SuppressWarnings("unchecked")
    static <T> void sort(List<T> list, Comparator<? super T> order) {
        int n = list.size();
        if (n < SORT_IN_TWO_FROM || Runtime.getRuntime().availableProcessors() < 2) {
            list.sort(order);
            return;
        }
        Object[] a = list.toArray();
        int mid = n / 2;
        FutureTask<Void> left = new FutureTask<>(new RangeSort<>((T[]) a, 0, mid, order), null);
        daemon("bucketscope-sort").execute(left);
        Arrays.sort((T[]) a, mid, n, order);
        take(left);
        int[] next = {0, mid}; // the next element of each half
        // A run of places per call: see Finding#RUN.
        for (int k = 0; k < n; k += Finding.RUN) merge((T[]) a, mid, next, k, Math.min(n, k + Finding.RUN), order, list);
    }

    /** Places {@code [from, to)} of {@code list} from the two sorted halves of {@code a}. */
    private static <T> void merge(T[] a, int mid, int[] next, int from, int to, Comparator<? super T> order, List<T> list) {
        int i = next[0];
        int j = next[1];
        for (int k = from; k < to; k++) {
            // Stable: on a tie the left half's element, which came first, goes first.
            list.set(k, j >= a.length || i < mid && order.compare(a[j], a[i]) >= 0 ? a[i++] : a[j++]);
        }
        next[0] = i;
        next[1] = j;
    }

    /** One half of {@link #sort}'s array (a class, not a lambda: see PolicyRule). */
    private record RangeSort<T>(T[] a, int from, int to, Comparator<? super T> order) implements Runnable {
        @Override
        public void run() {
            Arrays.sort(a, from, to, order);
        }
    }

    static <R> R take(Future<R> future) {
        return take(future, RuntimeException.class);
    }

    /**
     * A task's result, with what it threw thrown here: unchecked throwables as they were, a
     * {@code checked} exception as itself, anything else wrapped.
     */
    static <R, X extends Exception> R take(Future<R> future, Class<X> checked) throws X {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (checked.isInstance(c)) throw checked.cast(c);
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    /**
     * Runs each task on a new daemon thread of this name, whose phases {@link Timings} counts
     * from the task's start: for the few long tasks a run does beside its main line of work.
     */
    static java.util.concurrent.Executor daemon(String name) {
        return new Daemon(name);
    }

    /**
     * {@link #daemon}'s executor. Classes, not lambdas, here and for the run's other few tasks: a
     * lint run evaluates no lambda, so the JDK's lambda machinery (bootstrap methods, method
     * handles, spinning or finding the lambda's class) is never set up: that was 6–9 ms of the
     * main thread's CPU, most of it at start-up, on the path every run waits for
     * (async-profiler), and a commit hook's run takes 0.914× the time without it (30 pairs).
     * {@code NoLambdaOnTheLintPathTest} keeps it so.
     */
    private record Daemon(String name) implements java.util.concurrent.Executor {
        @Override
        public void execute(Runnable task) {
            Thread t = new Thread(new Timed(task), name);
            t.setDaemon(true);
            t.start();
        }
    }

    /** A task whose thread's phases {@link Timings} counts from its start. */
    private record Timed(Runnable task) implements Runnable {
        @Override
        public void run() {
            Timings.begin();
            task.run();
        }
    }

    /**
     * A result another thread completes, as {@code CompletableFuture.complete} does: the first
     * value given is kept. Not {@code CompletableFuture}: initialising that class set up the
     * common fork-join pool on the main thread at start-up (3 ms), which a commit hook's run
     * never needs (a large run's pool threads set it up later, when they first wait for work).
     */
    static final class Promise<V> extends FutureTask<V> {
        @SuppressWarnings("unchecked")
        Promise() {
            super((Callable<V>) (Callable<?>) NeverRun.INSTANCE);
        }

        /** A promise already kept. */
        static <V> Promise<V> of(V value) {
            Promise<V> p = new Promise<>();
            p.complete(value);
            return p;
        }

        /** Keeps {@code value} unless a value was kept before (the first of two threads wins). */
        void complete(V value) {
            set(value); // FutureTask.set keeps only the first value
        }

        @Override
        public void run() {
            throw new UnsupportedOperationException("a promise is completed, not run");
        }
    }

    /** The callable a {@link Promise} is made with, never called. */
    private enum NeverRun implements Callable<Object> {
        INSTANCE;

        @Override
        public Object call() {
            throw new UnsupportedOperationException("a promise is completed, not run");
        }
    }
}
