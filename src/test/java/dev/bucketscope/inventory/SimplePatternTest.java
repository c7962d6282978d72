package dev.bucketscope.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/** {@link SimplePattern} answers as {@code java.util.regex} does wherever it takes a pattern on. */
class SimplePatternTest {
    private static final String[] TEXT = {"a", "z", "m", "0", "9", ".", "_", "-", "*", ":", "A", "Z", "é", " ", "/", "$", "^", ""};
    private static final String[] ATOMS = {"[a-z0-9]", "[._-]", "[a-z]", "[A-Za-z0-9*]", "[0-9a-f]", "[a-]", "[-a]", "[a-z-9]",
        "[a^]", "[.*]", "a", "-", "_", ":", "\\.", "\\-", "\\*", "\\$", "/", ".", "\\d", "[^a]", "(", "a|b", "[]", "[z-a]", "é"};
    private static final String[] QUANTIFIERS = {"", "", "", "*", "+", "?", "{2}", "{1,3}", "{2,}", "{0,1}", "{,2}", "{3,1}",
        "*?", "++", "{2}?"};

    private static String text(List<Integer> picks) {
        StringBuilder b = new StringBuilder();
        for (int p : picks) b.append(TEXT[p % TEXT.length]);
        return b.toString();
    }

    private static void agrees(String regex, SimplePattern simple, String text) {
        assertEquals(Pattern.compile(regex).matcher(text).find(), simple.matches(text), regex + " on '" + text + "'");
    }

    @Test
    void theInventorySchemasPatternsAreSimpleAndMatchAsTheRegexEngineDoes() throws IOException {
        String schema = Files.readString(Path.of("schemas/inventory.schema.json"));
        Matcher m = Pattern.compile("\"pattern\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(schema);
        List<String> patterns = new ArrayList<>();
        while (m.find()) patterns.add(m.group(1).replace("\\\\", "\\"));
        assertTrue(patterns.size() >= 5, patterns.toString());
        for (String p : patterns) {
            SimplePattern simple = SimplePattern.of(p);
            assertNotNull(simple, p);
            qt().withFixedSeed(p.hashCode()).withExamples(3_000).forAll(lists().of(integers().between(0, 40)).ofSizeBetween(0, 14))
                    .checkAssert(picks -> agrees(p, simple, text(picks)));
            assertTrue(simple.matches(p.contains("{12}") ? "0123456789ab" : p.contains("{4}") ? "2026-12-07" : p.contains(":") ? "s3:GetObject" : "loki-chunks"), p);
        }
    }

    @Test
    void generatedPatternsAreEitherDeclinedOrMatchedAsTheRegexEngineDoes() {
        qt().withFixedSeed(17).withExamples(4_000)
                .forAll(lists().of(integers().between(0, ATOMS.length * QUANTIFIERS.length - 1)).ofSizeBetween(0, 5),
                        lists().of(lists().of(integers().between(0, 40)).ofSizeBetween(0, 10)).ofSize(12))
                .checkAssert((atoms, texts) -> {
                    StringBuilder b = new StringBuilder("^");
                    for (int a : atoms) b.append(ATOMS[a / QUANTIFIERS.length]).append(QUANTIFIERS[a % QUANTIFIERS.length]);
                    String regex = b.append('$').toString();
                    SimplePattern simple = SimplePattern.of(regex);
                    if (simple == null) return;
                    try {
                        Pattern.compile(regex);
                    } catch (PatternSyntaxException e) {
                        throw new AssertionError("taken on, but the regex engine rejects it: " + regex, e);
                    }
                    for (List<Integer> t : texts) agrees(regex, simple, text(t));
                    // A text the pattern is likely to match: one char per atom, from its class.
                    agrees(regex, simple, regex.replaceAll("\\[([^\\]])[^\\]]*\\]", "$1").replaceAll("[\\^$*+?{}0-9,\\\\]", ""));
                });
    }

    @Test
    void patternsBeyondTheSimpleKindAreDeclined() {
        for (String p : List.of("[a-z]+", "^[a-z]+", "[a-z]+$", "^(ab)+$", "^a|b$", "^\\d+$", "^[^a]$", "^a*?$", "^a++$",
                "^.$", "^a\\$", "^[a-z&&[^b]]$", "^[\\w]$", "^a{,2}$", "^é$")) {
            assertNull(SimplePattern.of(p), p);
        }
        SimplePattern dates = SimplePattern.of("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
        assertTrue(dates.matches("2026-12-07"));
        assertFalse(dates.matches("2026-1-07"));
        assertFalse(dates.matches("2026-12-077"));
    }
}
