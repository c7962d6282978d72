package dev.bucketscope.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Component indexes by key (a bucket name or a scope's literal prefix, compared as given), for
 * the question "which keys are a prefix of this string, or start with it?". Two patterns can
 * only match a common name when one's literal prefix starts with the other's, so a rule asks
 * this of each policy instead of comparing it with every component.
 *
 * <p>The keys are kept in one sorted array. In it, the keys that start with some string form one
 * contiguous range, and within the range of keys starting with the first {@code k} characters
 * of {@code s}, the one equal to them (if any) comes first and the others are ordered by their
 * character at {@code k}. So one pass along {@code s} narrows the range a character at a time,
 * by binary search, picking up the keys it passes: O(|s|·log n) character comparisons and no
 * allocation per question (a sorted map with a substring lookup per key length cost a fifth of
 * {@code cross-component-access} on 2,000 components).
 */
final class PrefixIndex {
    /** Ranges of at most this many keys are tested key by key. */
    private static final int FEW = 8;
    private final String[] keys;
    /** The components of each key, in the order they were added. */
    private final int[][] components;

    private PrefixIndex(String[] keys, int[][] components) {
        this.keys = keys;
        this.components = components;
    }

    /** Collects keys with their components, then sorts them once. */
    static final class Builder {
        private final Map<String, List<Integer>> byKey = new HashMap<>();

        Builder add(String key, int component) {
            List<Integer> list = byKey.get(key); // no lambda: see InventoryContext.Linted#of
            if (list == null) {
                list = new ArrayList<>(1);
                byKey.put(key, list);
            }
            list.add(component);
            return this;
        }

        PrefixIndex build() {
            String[] keys = byKey.keySet().toArray(new String[0]);
            Arrays.sort(keys, Comparator.naturalOrder()); // TimSort, as the run's other sorts (see PolicySources)
            int[][] components = new int[keys.length][];
            for (int i = 0; i < keys.length; i++) {
                List<Integer> list = byKey.get(keys[i]);
                components[i] = new int[list.size()];
                for (int j = 0; j < list.size(); j++) components[i][j] = list.get(j);
            }
            return new PrefixIndex(keys, components);
        }
    }

    /** Sets in {@code out} the components of every key that is a prefix of {@code s} or starts with it. */
    void compatible(String s, BitSet out) {
        int lo = 0;
        int hi = keys.length;
        for (int k = 0; k < s.length() && lo < hi; k++) {
            if (hi - lo <= FEW) { // as cheap to test each left as to narrow further
                for (int i = lo; i < hi; i++) {
                    if (s.startsWith(keys[i]) || keys[i].startsWith(s)) add(i, out);
                }
                return;
            }
            // Every key in [lo, hi) starts with s[0, k); one of exactly that length sorts first.
            if (keys[lo].length() == k) add(lo++, out);
            char c = s.charAt(k);
            // Keys often share long prefixes ("velero1-…", "velero2-…"): when the first and the
            // last key left have c here, so do all between them, and the range stays as it is
            // (two binary searches per character were 117 steps a question on 2,000 components).
            if (lo < hi && keys[lo].charAt(k) == c && keys[hi - 1].charAt(k) == c) continue;
            lo = firstWithCharAtLeast(lo, hi, k, c);
            if (c < Character.MAX_VALUE) hi = firstWithCharAtLeast(lo, hi, k, (char) (c + 1));
        }
        for (int i = lo; i < hi; i++) add(i, out); // the keys starting with s, s itself included
    }

    /** The first index in [lo, hi) whose key's character at k is at least c (hi if none). */
    private int firstWithCharAtLeast(int lo, int hi, int k, char c) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid].charAt(k) < c) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private void add(int key, BitSet out) {
        int[] cs = components[key];
        for (int c : cs) out.set(c);
    }
}
