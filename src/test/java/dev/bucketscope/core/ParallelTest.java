package dev.bucketscope.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Results reach the sink in the items' order, on the calling thread, whatever the timing of the workers. */
class ParallelTest {
    @Test
    void resultsArriveInOrderOnTheCallingThread() {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) items.add(i);
        Set<String> workers = ConcurrentHashMap.newKeySet();
        List<String> seen = new ArrayList<>();
        Thread caller = Thread.currentThread();
        Parallel.forEachInOrder(items, i -> {
            workers.add(Thread.currentThread().getName());
            // Uneven work, so that later items often finish before earlier ones.
            long spin = (i * 7919L) % 5_000;
            double x = 0;
            for (long k = 0; k < spin; k++) x += Math.sqrt(k);
            return i + ":" + (x >= 0);
        }, r -> {
            assertSame(caller, Thread.currentThread());
            seen.add(r);
        });
        List<String> expected = new ArrayList<>();
        for (int i : items) expected.add(i + ":true");
        assertEquals(expected, seen);
        if (Runtime.getRuntime().availableProcessors() > 1) assertEquals(Set.of("bucketscope-lint"), workers);
    }

    /** Long lists are sorted in two halves on two threads: the result must be List.sort's, ties in their order. */
    @Test
    void sortsAsListSortDoesStablyWhateverTheLength() {
        java.util.Random r = new java.util.Random(5);
        java.util.Comparator<int[]> byKey = new java.util.Comparator<>() {
            @Override
            public int compare(int[] a, int[] b) {
                return Integer.compare(a[0], b[0]);
            }
        };
        for (int n : new int[] {0, 1, 2, 4_095, 4_096, 4_097, 10_000, 18_001}) {
            for (int keys : new int[] {1, 3, 50, 1_000_000}) {
                List<int[]> items = new ArrayList<>();
                for (int i = 0; i < n; i++) items.add(new int[] {r.nextInt(keys), i}); // few keys: many ties
                List<int[]> expected = new ArrayList<>(items);
                expected.sort(byKey);
                List<int[]> actual = new ArrayList<>(items);
                Parallel.sort(actual, byKey);
                List<String> e = new ArrayList<>();
                for (int[] x : expected) e.add(x[0] + "/" + x[1]);
                List<String> a = new ArrayList<>();
                for (int[] x : actual) a.add(x[0] + "/" + x[1]);
                assertEquals(e, a, n + " items, " + keys + " keys");
            }
        }
    }

    @Test
    void aShortListRunsOnTheCallingThread() {
        List<String> threads = new ArrayList<>();
        Parallel.forEachInOrder(List.of(1, 2, 3), i -> Thread.currentThread().getName(), threads::add);
        assertEquals(List.of(Thread.currentThread().getName(), Thread.currentThread().getName(), Thread.currentThread().getName()), threads);
    }

    @Test
    void aFailingItemFailsTheWholeMapWithItsOwnException() {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 500; i++) items.add(i);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.forEachInOrder(items, i -> {
            if (i == 321) throw new IllegalArgumentException("item 321");
            return i;
        }, r -> { }));
        assertEquals("item 321", e.getMessage());
    }
}
