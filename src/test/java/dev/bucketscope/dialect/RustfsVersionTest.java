package dev.bucketscope.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class RustfsVersionTest {

    private static RustfsVersion v(String s) {
        return RustfsVersion.parse(s).orElseThrow(() -> new AssertionError("does not parse: " + s));
    }

    @Test
    void ordersStagesThenNumbersNumerically() {
        List<String> ascending = List.of("alpha.9", "alpha.78", "alpha.100", "beta.1", "beta.10", "rc.1", "1.0.0", "1.0.1-alpha.1");
        for (int i = 0; i + 1 < ascending.size(); i++) {
            assertTrue(v(ascending.get(i)).compareTo(v(ascending.get(i + 1))) < 0,
                    ascending.get(i) + " < " + ascending.get(i + 1));
        }
    }

    @Test
    void shortAndFullFormsAreTheSameVersion() {
        assertEquals(v("1.0.0-alpha.78"), v("alpha.78"));
        assertEquals(v("1.0.0-beta.1"), v("v1.0.0-beta.1"));
        assertEquals(v("1.0.0-RC.3"), RustfsVersion.NEWEST_KNOWN);
    }

    @Test
    void canonicalText() {
        assertEquals("1.0.0-alpha.78", v("alpha.78").toString());
        assertEquals("1.0.0-rc.3", RustfsVersion.NEWEST_KNOWN.toString());
        assertEquals("1.0.0", v("1.0.0").toString());
    }

    @Test
    void rejectsNonsense() {
        for (String bad : List.of("", "banana", "alpha", "alpha.", "1.0", "1.0.0-gamma.1", "1.0.0alpha.78", "alpha.-1")) {
            assertTrue(RustfsVersion.parse(bad).isEmpty(), bad);
        }
    }

    /** Pieces of versions and of near misses: digits (up to seven in a row), stages, separators, case, blanks, a non-ASCII digit. */
    private static final Gen<String> TEXTS = lists().of(Generate.pick(List.of("1", "0", "78", "123456", "9", ".", "-", "v", "V",
                    "alpha", "beta", "rc", "RC", "gamma", " ", "\u0661", "x"))).ofSizeBetween(0, 9).map(parts -> String.join("", parts));

    /** Versions in both forms, near misses among them: zero to seven digits per number, stages good and bad, a prefix or none. */
    private static final Gen<String> DIGITS = Generate.range(0, 7).zip(Generate.range(0, 9_999_999), (n, v) -> n == 0 ? "" : String.format("%07d", v).substring(7 - n));
    private static final Gen<String> STAGES = Generate.pick(List.of("alpha", "beta", "rc", "Beta", "gamma", ""));
    private static final Gen<String> SHAPED = Generate.pick(List.of("", "v", "V", " ", "x")).zip(DIGITS, DIGITS, DIGITS, (p, a, b, c) -> p + a + "." + b + "." + c)
            .zip(Generate.pick(List.of("", "-", ".")), STAGES, DIGITS, Generate.booleans(), (full, dash, stage, n, shortForm) ->
                    shortForm ? stage + "." + n : dash.isEmpty() ? full : full + dash + stage + "." + n);

    /** What the regular expression of {@link RustfsVersion#FORMS} makes of a text: the parser must agree on every text. */
    private static Optional<RustfsVersion> byRegex(String s) {
        Matcher m = Pattern.compile(RustfsVersion.FORMS).matcher(s.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) return Optional.empty();
        if (m.group(6) != null) {
            return Optional.of(new RustfsVersion(1, 0, 0, RustfsVersion.Stage.valueOf(m.group(6).toUpperCase(Locale.ROOT)), Integer.parseInt(m.group(7))));
        }
        RustfsVersion.Stage stage = m.group(4) == null ? RustfsVersion.Stage.RELEASE : RustfsVersion.Stage.valueOf(m.group(4).toUpperCase(Locale.ROOT));
        return Optional.of(new RustfsVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                stage, m.group(5) == null ? 0 : Integer.parseInt(m.group(5))));
    }

    @Test
    void theParserAcceptsExactlyTheFormsOfItsRegularExpression() {
        qt().withFixedSeed(11).withExamples(50_000).forAll(TEXTS).checkAssert(s ->
                assertEquals(byRegex(s), RustfsVersion.parse(s), () -> "'" + s + "'"));
        int[] valid = {0};
        qt().withFixedSeed(12).withExamples(50_000).forAll(SHAPED).checkAssert(s -> {
            assertEquals(byRegex(s), RustfsVersion.parse(s), () -> "'" + s + "'");
            if (byRegex(s).isPresent()) valid[0]++;
        });
        assertTrue(valid[0] > 5_000, "the shaped texts include valid versions: " + valid[0]);
        for (String s : List.of("1.0.0-alpha.78", " v1.0.0-beta.1 ", "RC.3", "123456.0.0", "1234567.0.0", "1.0.0-rc.1234567", "alpha.078", "1.0.0-")) {
            assertEquals(byRegex(s), RustfsVersion.parse(s), s);
        }
    }
}
