package dev.bucketscope.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class IsoDateTest {
    /** Dates written as digits, most of them well formed and many impossible (month 13, 30 February). */
    private static final Gen<String> SHAPED = integers().between(0, 9999).zip(integers().between(0, 19), integers().between(0, 39),
            (y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
    /** Near misses: short, long, signed, spaced, other separators, non-ASCII digits. */
    private static final Gen<String> ODD = lists().of(Generate.pick(List.of("2", "0", "9", "1", "-", "+", " ", "/", "T", "٣", "a")))
            .ofSizeBetween(0, 12).map(parts -> String.join("", parts));

    @Test
    void agreesWithLocalDateParseOnDigitDates() {
        qt().withFixedSeed(11).withExamples(10_000).forAll(SHAPED).checkAssert(IsoDateTest::sameAsParse);
    }

    @Test
    void agreesWithLocalDateParseOnOtherText() {
        qt().withFixedSeed(12).withExamples(10_000).forAll(ODD).checkAssert(IsoDateTest::sameAsParse);
    }

    @Test
    void readsPlainDatesAndRefusesImpossibleOnesAsTheParserDoes() {
        assertEquals(LocalDate.of(2026, 6, 1), IsoDate.parse("2026-06-01"));
        assertEquals(LocalDate.of(2024, 2, 29), IsoDate.parse("2024-02-29"));
        DateTimeParseException e = assertThrows(DateTimeParseException.class, () -> IsoDate.parse("2026-02-29"));
        assertEquals(messageOf("2026-02-29"), e.getMessage());
        assertThrows(DateTimeParseException.class, () -> IsoDate.parse("2026-13-01"));
        assertThrows(DateTimeParseException.class, () -> IsoDate.parse("2026-6-1"));
        // Longer years take the parser's path, with its sign rule.
        assertEquals(LocalDate.of(12026, 1, 1), IsoDate.parse("+12026-01-01"));
    }

    private static void sameAsParse(String s) {
        String expected;
        try {
            expected = LocalDate.parse(s).toString();
        } catch (DateTimeParseException e) {
            expected = "refused: " + e.getMessage();
        }
        String actual;
        try {
            actual = IsoDate.parse(s).toString();
        } catch (DateTimeParseException e) {
            actual = "refused: " + e.getMessage();
        }
        assertEquals(expected, actual, () -> "'" + s + "'");
    }

    private static String messageOf(String s) {
        try {
            LocalDate.parse(s);
            return "parsed";
        } catch (DateTimeParseException e) {
            return e.getMessage();
        }
    }
}
