package dev.bucketscope.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.bucketscope.dialect.ActionInfo;
import dev.bucketscope.dialect.Dialect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link AllowedActions#isFamilyStar} and {@link AllowedActions#dangerousFirst} answer what the code they replace answered. */
class AllowedActionsTest {
    private static final Pattern FAMILY_STAR = Pattern.compile("(?i)(s3|admin|kms|sts):\\*");

    private static boolean reference(String value) {
        return value.equals("*") || FAMILY_STAR.matcher(value).matches();
    }

    @Test
    void familyStarsAsThePatternMatchedThem() {
        for (String v : List.of("*", "s3:*", "S3:*", "Admin:*", "KMS:*", "sts:*", "s3:Get*", "s3:", "s3*", ":*", "*:*", "ec2:*",
                "s3:**", "ss3:*", "\u017f3:*", "\u212Ams:*", "adm\u0130n:*", "")) {
            assertEquals(reference(v), AllowedActions.isFamilyStar(v), v);
        }
        // Strings over a small alphabet of family letters, case variants, separators and look-alikes.
        String alphabet = "s3adminktSADMINKT:*\u017f\u212A\u0130x";
        Gen<String> values = lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, 8)
                .map(l -> l.stream().map(i -> String.valueOf(alphabet.charAt(i))).reduce("", String::concat));
        qt().withFixedSeed(3).withExamples(20_000).forAll(values).checkAssert(v ->
                assertEquals(reference(v), AllowedActions.isFamilyStar(v), v));
    }

    /** The order dangerousFirst kept before ranking once: a stable sort by headline place, the rest after. */
    private static List<String> referenceOrder(List<ActionInfo> granted) {
        List<String> names = new ArrayList<>();
        for (ActionInfo a : granted) if (AllowedActions.isDestructive(a)) names.add(a.name());
        names.sort(Comparator.comparingInt(n -> AllowedActions.HEADLINE.contains(n)
                ? AllowedActions.HEADLINE.indexOf(n) : AllowedActions.HEADLINE.size()));
        return names;
    }

    @Test
    void destructiveActionsHeadlineFirstThenInTheOrderGranted() {
        List<ActionInfo> catalogue = Dialect.defaultDialect().actions();
        assertEquals(referenceOrder(catalogue), AllowedActions.dangerousFirst(catalogue));
        assertEquals("s3:DeleteBucket", AllowedActions.dangerousFirst(catalogue).get(0));
        // Any selection of the catalogue, in any order, repeats included.
        Gen<List<ActionInfo>> granted = lists().of(integers().between(0, catalogue.size() - 1).map(catalogue::get)).ofSizeBetween(0, 60);
        qt().withFixedSeed(5).withExamples(3_000).forAll(granted).checkAssert(g ->
                assertEquals(referenceOrder(g), AllowedActions.dangerousFirst(g)));
    }

    /**
     * Places are remembered by action name: an action of the same name with another capability
     * (another catalogue's, or one made by hand) is judged on its own, before and after.
     */
    @Test
    void aRememberedPlaceServesOnlyTheCapabilityItWasWorkedOutFor() {
        ActionInfo asRead = new ActionInfo("s3:ExampleAction", dev.bucketscope.dialect.ActionFamily.S3, dev.bucketscope.dialect.ActionLevel.OBJECT,
                dev.bucketscope.dialect.Capability.READ);
        ActionInfo asDelete = new ActionInfo("s3:ExampleAction", dev.bucketscope.dialect.ActionFamily.S3, dev.bucketscope.dialect.ActionLevel.OBJECT,
                dev.bucketscope.dialect.Capability.DELETE);
        for (int round = 0; round < 2; round++) {
            assertEquals(List.of(), AllowedActions.dangerousFirst(List.of(asRead)));
            assertEquals(List.of("s3:ExampleAction"), AllowedActions.dangerousFirst(List.of(asDelete)));
            assertEquals(referenceOrder(List.of(asDelete, asRead, asDelete)), AllowedActions.dangerousFirst(List.of(asDelete, asRead, asDelete)));
        }
    }
}
