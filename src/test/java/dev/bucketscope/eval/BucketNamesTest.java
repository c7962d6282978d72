package dev.bucketscope.eval;

import static dev.bucketscope.eval.PolicyFixture.dialect;
import static dev.bucketscope.eval.PolicyFixture.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.bucketscope.dialect.Dialect;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketNamesTest {

    @Test
    void validNameAgreesWithTheBucketNameRegex() {
        Pattern valid = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
        String[] pieces = {"a", "z", "0", "9", ".", "-", "A", "_", "/", "é", "loki-chunks", "x".repeat(20), ""};
        qt().withFixedSeed(13).withExamples(20_000).forAll(lists().of(integers().between(0, pieces.length - 1)).ofSizeBetween(0, 8)).checkAssert(picks -> {
            StringBuilder name = new StringBuilder();
            for (int p : picks) name.append(pieces[p]);
            String n = name.toString();
            assertEquals(valid.matcher(n).matches(), BucketNames.validName(n), n);
        });
    }

    @ParameterizedTest
    @CsvSource({
            "arn:aws:s3:::langfuse-events/*, langfuse-events",
            "arn:aws:s3:::talos-backups, talos-backups",
            "arn:aws:s3:::langfuse-*/*, langfuse-*",
            "arn:aws:s3:::langfuse-*, langfuse-*",
            "arn:aws:s3:::lang*/x, lang*",
            "arn:aws:s3:::lo?i-chunks/*, lo?i-chunks",
            "arn:aws:s3:::*, *",
            "arn:aws:s3:::*/*, *",
            "*, *",
            "arn:aws:s3:::b/x*, b",
    })
    void bucketPatternIsThePrefixUpToTheFirstStarOrSlash(String value, String bucket) {
        assertEquals(Optional.of(bucket), BucketNames.bucketPattern(value));
    }

    @Test
    void valuesNamingNoBucketHaveNoBucketPattern() {
        assertEquals(Optional.empty(), BucketNames.bucketPattern("arn:aws:s3:::"));
        assertEquals(Optional.empty(), BucketNames.bucketPattern("arn:aws:s3:::/x"));
        assertEquals(Optional.empty(), BucketNames.bucketPattern("arn:aws:iam:::user/x"));
    }

    @Test
    void outsideQuotesANameThePatternMatchesAndTheScopeDoesNot() {
        assertEquals(Optional.of("lang"), BucketNames.outside("langfuse-*", "lang*"));
        assertEquals(Optional.empty(), BucketNames.outside("langfuse-*", "langfuse-*"));
        assertEquals(Optional.empty(), BucketNames.outside("langfuse-*", "langfuse-events"));
        assertEquals(Optional.of("talos-backupsx"), BucketNames.outside("talos-backups", "talos-backups*"));
        // an all-star pattern matches "", which is no bucket name
        assertEquals(Optional.of("xxx"), BucketNames.outside("langfuse-*", "*"));
        assertEquals(Optional.empty(), BucketNames.outside("*", "*"));
    }

    @Test
    void commonPrefersAValidBucketNameAndSkipsExcludedOnes() {
        assertEquals(Optional.of("langfuse-x"), BucketNames.common("l*", "langfuse-*", Set.of()));
        assertEquals(Optional.of("langfuse-x"), BucketNames.common("langfuse-*", "langfuse-*", Set.of("langfuse-events")));
        assertEquals(Optional.of("langfuse-y"), BucketNames.common("langfuse-*", "langfuse-*", Set.of("langfuse-x")));
        assertEquals(Optional.of("langfuse-y"), BucketNames.common("langfuse-?", "langfuse-*", Set.of("langfuse-x")));
        assertEquals(Optional.empty(), BucketNames.common("langfuse-events", "langfuse-*", Set.of("langfuse-events")));
        assertEquals(Optional.of("langfuse-events"), BucketNames.common("langfuse-events", "langfuse-*", Set.of()));
        assertEquals(Optional.empty(), BucketNames.common("loki-*", "langfuse-*", Set.of()));
    }

    @Test
    void allowedSkipsDenyNotResourceAndGlobalOnlyStatements() {
        Dialect d = dialect("rustfs");
        var p = policy(d, "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::a-*/*\",\"arn:aws:s3:::b\"]},"
                + "{\"Effect\":\"Deny\",\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::c/*\"]},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"s3:ListAllMyBuckets\"],\"Resource\":[\"arn:aws:s3:::*\"]},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"NotResource\":[\"arn:aws:s3:::d/*\"]}]}");
        List<String> patterns = BucketNames.allowed(p, d).stream().map(BucketNames.Reach::bucketPattern).toList();
        assertEquals(List.of("a-*", "b"), patterns);
    }
}
