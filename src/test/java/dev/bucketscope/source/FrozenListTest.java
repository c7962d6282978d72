package dev.bucketscope.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@link FrozenList} behaves as {@link List#copyOf} does, whatever the size. */
class FrozenListTest {
    @Test
    void agreesWithListCopyOf() {
        qt().withFixedSeed(21).withExamples(2_000).forAll(lists().of(integers().between(-5, 5)).ofSizeBetween(0, 12)).checkAssert(items -> {
            List<Integer> source = new ArrayList<>(items);
            List<Integer> frozen = FrozenList.copyOf(source);
            List<Integer> jdk = List.copyOf(source);
            assertEquals(jdk, frozen);
            assertEquals(frozen, jdk);
            assertEquals(jdk.hashCode(), frozen.hashCode());
            assertEquals(jdk.toString(), frozen.toString());
            for (int probe = -6; probe <= 6; probe++) {
                assertEquals(jdk.indexOf(probe), frozen.indexOf(probe));
                assertEquals(jdk.contains(probe), frozen.contains(probe));
            }
            List<Integer> collected = new ArrayList<>();
            for (Integer i : frozen) collected.add(i);
            assertEquals(jdk, collected);
            source.add(99); // a copy: later changes to the source do not show
            assertEquals(jdk, frozen);
        });
    }

    @Test
    void refusesNullsChangesAndBadIndexes() {
        assertThrows(NullPointerException.class, () -> FrozenList.copyOf(Arrays.asList("a", null)));
        List<String> frozen = FrozenList.copyOf(List.of("a", "b", "c"));
        assertThrows(UnsupportedOperationException.class, () -> frozen.add("d"));
        assertThrows(UnsupportedOperationException.class, () -> frozen.set(0, "d"));
        assertThrows(UnsupportedOperationException.class, () -> frozen.remove(0));
        assertThrows(UnsupportedOperationException.class, () -> frozen.subList(0, 2).clear());
        assertThrows(IndexOutOfBoundsException.class, () -> frozen.get(3));
        assertThrows(IndexOutOfBoundsException.class, () -> frozen.get(-1));
        assertSame(frozen, FrozenList.copyOf(frozen));
        assertEquals(List.of(), FrozenList.copyOf(List.of()));
        Iterator<String> it = frozen.iterator();
        while (it.hasNext()) it.next();
        assertThrows(NoSuchElementException.class, it::next);
        assertThrows(UnsupportedOperationException.class, it::remove);
    }
}
