package dev.bucketscope.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pruned search gives what comparing every name in full gives. */
class SpellingTest {
    private static final String[] PIECES = {"s3:", "Get", "Object", "Objekt", "Put", "put", "Bucket", "List", "a", "b", "x",
        "Acl", "İ", "ß", "aws:", "Principal", "Type", "type", ""};

    /** The search as first written: every name's full distance, the first nearest kept. */
    private static Optional<String> reference(String wrong, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = Spelling.distance(wrong.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int limit = Math.max(2, wrong.length() / 6);
        return best != null && bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    private static String word(List<Integer> picks) {
        StringBuilder b = new StringBuilder();
        for (int p : picks) b.append(PIECES[p]);
        return b.toString();
    }

    @Test
    void prunedSearchAgreesWithTheFullOne() {
        qt().withFixedSeed(11).withExamples(5_000)
                .forAll(lists().of(integers().between(0, PIECES.length - 1)).ofSizeBetween(0, 5),
                        lists().of(lists().of(integers().between(0, PIECES.length - 1)).ofSizeBetween(0, 5)).ofSizeBetween(0, 12))
                .checkAssert((w, names) -> {
                    String wrong = word(w);
                    List<String> known = new ArrayList<>();
                    for (List<Integer> n : names) known.add(word(n));
                    // near misses of the word itself, so that some answers are found
                    if (wrong.length() > 1) known.add(wrong.substring(1));
                    if (wrong.length() > 2) known.add(wrong.substring(0, wrong.length() - 1) + "q");
                    assertEquals(reference(wrong, known), Spelling.nearest(wrong, known), wrong + " among " + known);
                });
    }

    @Test
    void boundedDistanceIsExactWithinTheBound() {
        assertEquals(1, Spelling.distance("s3:getobjekt", "s3:getobject", 2));
        assertEquals(2, Spelling.distance("s3:putobject", "s3:getobject", 5));
        assertEquals(true, Spelling.distance("s3:putobject", "s3:getobject", 1) > 1);
        assertEquals(Optional.of("s3:GetObject"), Spelling.nearest("s3:GetObjekt", List.of("s3:PutObject", "s3:GetObject")));
    }
}
