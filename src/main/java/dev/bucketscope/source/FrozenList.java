package dev.bucketscope.source;

import java.util.AbstractList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list over an array, for the models' lists (a node's members, a statement's values,
 * a component's buckets): {@link List#copyOf} with one class whatever the size.
 *
 * <p>Why: {@code List.copyOf} gives one class for one or two elements and another for more, so a
 * loop over a model's lists sees both, and C1 (the launcher's only compiler) then dispatches
 * every {@code get} and {@code size} through an interface table stub, 5 % of a 10,000-policy
 * run's CPU. With one class, each such call site stays monomorphic.
 *
 * <p>As {@code List.copyOf}: null elements are refused, every mutator throws
 * {@link UnsupportedOperationException}, and equality and hash are those of any {@link List}.
 */
public final class FrozenList<E> extends AbstractList<E> implements RandomAccess {
    private static final FrozenList<Object> EMPTY = new FrozenList<>(new Object[0]);

    private final Object[] items;

    private FrozenList(Object[] items) {
        this.items = items;
    }

    /** The elements of {@code c} in its order; {@code c} itself when it is one of these. */
    @SuppressWarnings("unchecked")
    public static <E> List<E> copyOf(Collection<? extends E> c) {
        if (c instanceof FrozenList<?> f) return (List<E>) f;
        if (c.isEmpty()) return (List<E>) EMPTY; // no array to make
        Object[] a = c.toArray(); // a fresh array: nothing else holds it
        if (a.length == 0) return (List<E>) EMPTY;
        for (int i = 0; i < a.length; i++) Objects.requireNonNull(a[i]);
        return new FrozenList<>(a);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, items.length);
        return (E) items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    /** Over the array itself: AbstractList's iterator asks size() and get() through calls per element. */
    @Override
    public Iterator<E> iterator() {
        return new Iter<>(items);
    }

    private static final class Iter<E> implements Iterator<E> {
        private final Object[] items;
        private int next;

        Iter(Object[] items) {
            this.items = items;
        }

        @Override
        public boolean hasNext() {
            return next < items.length;
        }

        @Override
        @SuppressWarnings("unchecked")
        public E next() {
            if (next >= items.length) throw new NoSuchElementException();
            return (E) items[next++];
        }
    }
}
