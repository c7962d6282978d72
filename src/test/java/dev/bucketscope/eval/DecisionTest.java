package dev.bucketscope.eval;

import static dev.bucketscope.eval.PolicyFixture.allow;
import static dev.bucketscope.eval.PolicyFixture.assertDecision;
import static dev.bucketscope.eval.PolicyFixture.dialect;
import static dev.bucketscope.eval.PolicyFixture.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bucketscope.dialect.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Deny precedence, merging, the implicit action, mixed families, "*" and NotResource (sections a, b.4, e). */
class DecisionTest {

    private static final String RW = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"rw\",\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3:DeleteObject\",\"s3:ListBucket\"],"
            + "\"Resource\":[\"arn:aws:s3:::langfuse-*\",\"arn:aws:s3:::langfuse-*/*\"]}]}";
    private static final String DENY_DELETE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"nodelete\",\"Effect\":\"Deny\","
            + "\"Action\":[\"s3:DeleteObject\"],\"Resource\":[\"arn:aws:s3:::langfuse-media/*\"]}]}";

    @ParameterizedTest
    @ValueSource(strings = {"rustfs@1.0.0-alpha.78", "rustfs", "minio", "aws"})
    void denyInAnotherPolicyOverridesAllow(String spec) {
        Dialect d = dialect(spec);
        var rw = policy(d, RW);
        var deny = policy(d, DENY_DELETE);
        Evaluator e = new Evaluator(d);
        Outcome o = e.evaluate(List.of(rw, deny), Request.of(d, "s3:DeleteObject", "arn:aws:s3:::langfuse-media/a"));
        assertEquals(Decision.EXPLICIT_DENY, o.decision());
        assertEquals("nodelete", o.statement().orElseThrow().label());
        Outcome other = e.evaluate(List.of(rw, deny), Request.of(d, "s3:DeleteObject", "arn:aws:s3:::langfuse-events/a"));
        assertEquals(Decision.ALLOW, other.decision());
        assertEquals("rw", other.statement().orElseThrow().label());
        // order of the policies does not change a Deny
        assertEquals(Decision.EXPLICIT_DENY, e.evaluate(List.of(deny, rw),
                Request.of(d, "s3:DeleteObject", "arn:aws:s3:::langfuse-media/a")).decision());
    }

    @Test
    void decidingStatementCarriesItsPosition() {
        Dialect d = dialect("rustfs");
        var rw = policy(d, "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"], \"Resource\": [\"arn:aws:s3:::b/*\"]}\n  ]\n}");
        Outcome o = new Evaluator(d).evaluate(List.of(rw), Request.of(d, "s3:GetObject", "arn:aws:s3:::b/k"));
        assertEquals(4, o.statement().orElseThrow().span().line());
        assertEquals(5, o.statement().orElseThrow().span().column());
        assertEquals("Statement[0]", o.statement().orElseThrow().label());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rustfs@1.0.0-alpha.78", "rustfs", "minio"})
    void getObjectVersionImpliesGetObject(String spec) {
        Dialect d = dialect(spec);
        var p = allow(d, "\"s3:GetObjectVersion\"", "\"arn:aws:s3:::b/*\"");
        assertDecision(Decision.ALLOW, d, p, "s3:GetObject", "arn:aws:s3:::b/k");
        // ...but not the other way round
        var q = allow(d, "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"");
        assertDecision(Decision.IMPLICIT_DENY, d, q, "s3:GetObjectVersion", "arn:aws:s3:::b/k");
    }

    @Test
    void awsHasNoImplicitGetObject() {
        Dialect d = dialect("aws");
        var p = allow(d, "\"s3:GetObjectVersion\"", "\"arn:aws:s3:::b/*\"");
        assertDecision(Decision.IMPLICIT_DENY, d, p, "s3:GetObject", "arn:aws:s3:::b/k");
    }

    @Test
    void mixedStatementSkipsResourceAtAlpha78() {
        // b.4: ["s3:GetObject","admin:ListUsers"] on a/* grants GetObject on every bucket at a78.
        Dialect a78 = dialect("rustfs@1.0.0-alpha.78");
        var p = allow(a78, "\"s3:GetObject\",\"admin:ListUsers\"", "\"arn:aws:s3:::a/*\"");
        assertDecision(Decision.ALLOW, a78, p, "s3:GetObject", "arn:aws:s3:::other/secret");
        assertDecision(Decision.ALLOW, a78, p, "admin:ListUsers", null);
        Dialect beta3 = dialect("rustfs@1.0.0-beta.3");
        var p3 = allow(beta3, "\"s3:GetObject\",\"admin:ListUsers\"", "\"arn:aws:s3:::a/*\"");
        assertDecision(Decision.ALLOW, beta3, p3, "s3:GetObject", "arn:aws:s3:::other/secret");
    }

    @Test
    void adminOnlyStatementIgnoresResourceAtHead() {
        Dialect d = dialect("rustfs");
        var p = policy(d, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"admin:ListUsers\"]}]}");
        assertDecision(Decision.ALLOW, d, p, "admin:ListUsers", null);
        assertDecision(Decision.IMPLICIT_DENY, d, p, "admin:CreateUser", null);
    }

    @Test
    void starActionIsS3OnlyFromAlpha79() {
        Dialect d = dialect("rustfs");
        var p = allow(d, "\"*\"", "\"arn:aws:s3:::*\"");
        assertDecision(Decision.ALLOW, d, p, "s3:DeleteBucket", "arn:aws:s3:::anything");
        assertDecision(Decision.IMPLICIT_DENY, d, p, "admin:CreateUser", null);
        assertDecision(Decision.IMPLICIT_DENY, d, p, "kms:Decrypt", null);
    }

    @Test
    void s3StarDoesNotCoverAdmin() {
        Dialect d = dialect("rustfs@1.0.0-alpha.78");
        var p = allow(d, "\"s3:*\"", "\"arn:aws:s3:::*\"");
        assertDecision(Decision.ALLOW, d, p, "s3:PutBucketPolicy", "arn:aws:s3:::x");
        assertDecision(Decision.IMPLICIT_DENY, d, p, "admin:ListUsers", null);
    }

    @Test
    void notResourceIsIgnoredBeforeAlpha79() {
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],"
                + "\"Resource\":[\"arn:aws:s3:::*\"],\"NotResource\":[\"arn:aws:s3:::secret/*\"]}]}";
        Dialect a78 = dialect("rustfs@1.0.0-alpha.78");
        assertDecision(Decision.ALLOW, a78, policy(a78, json), "s3:GetObject", "arn:aws:s3:::secret/k");
        Dialect minio = dialect("minio");
        assertDecision(Decision.IMPLICIT_DENY, minio, policy(minio, json), "s3:GetObject", "arn:aws:s3:::secret/k");
    }

    @Test
    void notActionMatchesEverythingElse() {
        Dialect d = dialect("rustfs");
        var p = policy(d, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":[\"s3:DeleteObject\"],"
                + "\"Resource\":[\"arn:aws:s3:::b/*\"]}]}");
        assertDecision(Decision.ALLOW, d, p, "s3:PutObject", "arn:aws:s3:::b/k");
        assertDecision(Decision.IMPLICIT_DENY, d, p, "s3:DeleteObject", "arn:aws:s3:::b/k");
    }

    @Test
    void duplicateStatementsAcrossPoliciesCountOnce() {
        Dialect d = dialect("rustfs");
        var a = policy(d, RW);
        var b = policy(d, RW.replace(",", ",\n  "));
        Outcome o = new Evaluator(d).evaluate(List.of(a, b), Request.of(d, "s3:GetObject", "arn:aws:s3:::langfuse-x/k"));
        assertEquals(Decision.ALLOW, o.decision());
        assertEquals("test.json", o.policy().orElseThrow().file());
    }

    @Test
    void requestsAreCheckedAgainstTheActionLevel() {
        Dialect d = dialect("rustfs");
        assertThrows(IllegalArgumentException.class, () -> Request.of(d, "s3:GetObject", "arn:aws:s3:::b"));
        assertThrows(IllegalArgumentException.class, () -> Request.of(d, "s3:ListBucket", "arn:aws:s3:::b/k"));
        assertThrows(IllegalArgumentException.class, () -> Request.of(d, "s3:getobject", "arn:aws:s3:::b/k"));
        assertThrows(IllegalArgumentException.class, () -> Request.of(d, "s3:ListBucket", "arn:aws:s3:::b*"));
        assertEquals("b/", Request.of(d, "s3:ListBucket", "arn:aws:s3:::b").serverResource());
        assertEquals("/", Request.of(d, "s3:ListAllMyBuckets", null).serverResource());
    }
}
