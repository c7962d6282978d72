package dev.bucketscope.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.bucketscope.core.Finding;
import dev.bucketscope.core.Linter;
import dev.bucketscope.core.Rule;
import dev.bucketscope.core.RuleCatalog;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.eval.Evaluator;
import dev.bucketscope.policy.PolicyFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * redundant-grant skips comparing a statement's values pairwise when they cannot cover one
 * another (one distinct action each; distinct ASCII literals), and compares patterns of the
 * commonest shapes as text. Its findings must be those of the full comparison with the pattern
 * algebra, and its pattern-work budget must be spent as the full comparison spends it.
 */
class RedundantGrantShortcutsTest {
    private static final List<String> DIALECTS = List.of("rustfs", "rustfs@1.0.0-alpha.50", "minio", "aws");
    /** Repeats, case variants, wildcards, unknown names and other services. */
    private static final Gen<String> ACTION = Generate.pick(List.of("s3:GetObject", "s3:getobject", "s3:PutObject", "s3:ListBucket",
            "s3:Get*", "s3:*", "s3:Get?bject", "s3:GetObjects", "*", "admin:*", "s3:DeleteObject"));
    /** Repeats, wildcards, non-ASCII, values that are no S3 ARN, and patterns that include others. */
    private static final Gen<String> RESOURCE = Generate.pick(List.of("arn:aws:s3:::a", "arn:aws:s3:::a/*", "arn:aws:s3:::a*",
            "arn:aws:s3:::b", "arn:aws:s3:::a?", "arn:aws:s3:::a/key", "*", "arn:aws:s3:::é", "arn:aws:s3:::\\u00e9",
            "arn:aws:s3:::\\ud800", "arn:aws:s3:::\\udbff", "arn:aws:s3:::A", "arn:aws:s3:::", "arn:aws:s3:::ab*", "arn:aws:s3:::*",
            "arn:aws:s3:::a/*/b", "arn:aws:s3:::a**"));
    private static final Gen<String> STATEMENT = lists().of(ACTION).ofSizeBetween(1, 4)
            .zip(lists().of(RESOURCE).ofSizeBetween(1, 4), RedundantGrantShortcutsTest::allow);

    @Test
    void findsWhatComparingEveryPairFinds() {
        qt().withFixedSeed(21).withExamples(2_500)
                .forAll(lists().of(STATEMENT).ofSizeBetween(1, 3), integers().between(0, DIALECTS.size() - 1))
                .checkAssert((statements, d) -> {
                    String policy = String.join(",", statements);
                    assertEquals(findings(new RedundantGrantRule(false), DIALECTS.get(d), policy),
                            findings(new RedundantGrantRule(), DIALECTS.get(d), policy), policy);
                });
    }

    @Test
    void literalsSkippedStillSpendTheBudgetTheirComparisonsWould() {
        // 600 distinct literals of ~120 chars: comparing them pairwise spends more than a
        // document's budget, so the next statement's comparison goes unanswered, and the
        // statement it covers is not reported, with the shortcut as without it.
        List<String> literals = new ArrayList<>();
        for (int i = 0; i < 600; i++) literals.add("\"arn:aws:s3:::x" + "y".repeat(100) + i + "\"");
        spendTheBudgetAsTheAlgebraWould(literals);
    }

    @Test
    void patternsComparedAsTextSpendTheBudgetTheAlgebraWould() {
        // As above, with 700 patterns of one star at the end, none including another, which are
        // compared as text: their comparisons, too, leave the covering statement's question unanswered.
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < 700; i++) prefixes.add("\"arn:aws:s3:::x" + "y".repeat(200) + i + "z*\"");
        spendTheBudgetAsTheAlgebraWould(prefixes);
    }

    /** One statement of these Resource values, then one of 'x*' that covers it: reported only while budget is left. */
    private static void spendTheBudgetAsTheAlgebraWould(List<String> values) {
        String many = allow(List.of("s3:GetObject"), values);
        String star = "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::x*\"]}";
        List<String> full = findings(new RedundantGrantRule(false), "rustfs", many + "," + star);
        assertEquals(full, findings(new RedundantGrantRule(), "rustfs", many + "," + star));
        assertTrue(full.stream().noneMatch(f -> f.contains("Statement 'Statement[0]' is redundant")), "the budget is spent");
        // With a budget to spare, the covering statement is found.
        String few = allow(List.of("s3:GetObject"), values.subList(0, 3));
        List<String> small = findings(new RedundantGrantRule(), "rustfs", few + "," + star);
        assertTrue(small.stream().anyMatch(f -> f.contains("Statement 'Statement[0]' is redundant")), small.toString());
    }

    private static String allow(List<String> actions, List<String> resources) {
        List<String> a = new ArrayList<>();
        for (String s : actions) a.add(s.startsWith("\"") ? s : "\"" + s + "\"");
        List<String> r = new ArrayList<>();
        for (String s : resources) r.add(s.startsWith("\"") ? s : "\"" + s + "\"");
        return "{\"Effect\":\"Allow\",\"Action\":[" + String.join(",", a) + "],\"Resource\":[" + String.join(",", r) + "]}";
    }

    private static List<String> findings(Rule rule, String dialectSpec, String statements) {
        try {
            Dialect d = Dialect.parse(dialectSpec);
            PolicyFile f = PolicyFile.fromText("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", "t.json", d, List.of());
            List<String> out = new ArrayList<>();
            for (Finding x : new Linter(new RuleCatalog(List.of(rule)), Map.of()).lint(f, d, new Evaluator(d))) {
                out.add(x.location().pointer() + " " + x.message());
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
