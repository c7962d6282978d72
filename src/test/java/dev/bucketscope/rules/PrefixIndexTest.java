package dev.bucketscope.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class PrefixIndexTest {
    /**
     * Short strings over few letters (and the extremes of char), so that prefixes often meet; with
     * up to 40 keys, ranges are both narrowed by search and tested key by key.
     */
    private static final Gen<String> WORDS = lists().of(Generate.pick(List.of('a', 'b', '-', 'z', '\u0000', '\uffff', 'é')))
            .ofSizeBetween(0, 5).map(cs -> {
                StringBuilder sb = new StringBuilder();
                cs.forEach(sb::append);
                return sb.toString();
            });

    @Test
    void findsExactlyTheKeysThatArePrefixesOfTheStringOrStartWithIt() {
        qt().withFixedSeed(7).withExamples(20_000).forAll(lists().of(WORDS).ofSizeBetween(0, 40), WORDS)
                .checkAssert(PrefixIndexTest::findsExactlyTheKeysOfTheDefinition);
    }

    /** Keys in families with a long common start, as generated component names have ("velero1-…", "velero2-…"). */
    private static final Gen<String> FAMILY_WORDS = Generate.pick(List.of("", "ve", "velero", "velero1", "velero1-")).zip(WORDS, (p, w) -> p + w);

    @Test
    void findsTheSameWhenManyKeysShareTheirStart() {
        // Ranges of more than a few keys whose first and last keys agree on the next character
        // are kept without a search: this checks that shortcut against the definition.
        qt().withFixedSeed(11).withExamples(10_000).forAll(lists().of(FAMILY_WORDS).ofSizeBetween(0, 80), FAMILY_WORDS)
                .checkAssert(PrefixIndexTest::findsExactlyTheKeysOfTheDefinition);
    }

    /** The index's answer for {@code s} against its definition, checked key by key. */
    private static void findsExactlyTheKeysOfTheDefinition(List<String> keys, String s) {
        PrefixIndex.Builder b = new PrefixIndex.Builder();
        for (int i = 0; i < keys.size(); i++) b.add(keys.get(i), i);
        BitSet expected = new BitSet();
        for (int i = 0; i < keys.size(); i++) {
            if (s.startsWith(keys.get(i)) || keys.get(i).startsWith(s)) expected.set(i);
        }
        BitSet actual = new BitSet();
        b.build().compatible(s, actual);
        assertEquals(expected, actual, () -> "keys " + keys + ", string '" + s + "'");
    }

    @Test
    void aKeyAddedForSeveralComponentsGivesThemAll() {
        PrefixIndex index = new PrefixIndex.Builder().add("loki-", 3).add("loki-", 0).add("lang", 1).add("loki-chunks", 2).build();
        BitSet out = new BitSet();
        index.compatible("loki-exports", out);
        assertEquals(BitSet.valueOf(new long[] {0b1001}), out);
        out.clear();
        index.compatible("l", out);
        assertEquals(BitSet.valueOf(new long[] {0b1111}), out);
    }
}
