package dev.bucketscope.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each row of the reference's change log (section 4): absent at the version before, present at the tag. */
class ChangeLogTest {

    private static Dialect rustfs(String v) {
        try {
            return Dialect.parse("rustfs@" + v);
        } catch (UnknownDialectException e) {
            throw new AssertionError(e);
        }
    }

    /** quirk, last version before the change, the tag, whether the quirk holds before (and not after). */
    static Stream<Arguments> quirkChanges() {
        return Stream.of(
                Arguments.of(Quirk.SINGLE_STRING_ACTION_RESOURCE_REJECTED, "alpha.78", "alpha.79", true),
                Arguments.of(Quirk.STAR_ACTION_REJECTED, "alpha.78", "alpha.79", true),
                Arguments.of(Quirk.STAR_ACTION_IS_S3_ONLY, "alpha.78", "alpha.79", false),
                Arguments.of(Quirk.NOT_RESOURCE_IGNORED, "alpha.78", "alpha.79", true),
                Arguments.of(Quirk.NOT_RESOURCE_REQUIRES_RESOURCE, "alpha.78", "alpha.79", true),
                Arguments.of(Quirk.RESOURCE_WITH_NOT_RESOURCE_REJECTED, "alpha.78", "alpha.79", false),
                Arguments.of(Quirk.BUCKET_POLICY_PRINCIPAL_STAR_REJECTED, "alpha.78", "alpha.79", true),
                Arguments.of(Quirk.SOURCE_IP_SOCKET_BROKEN, "alpha.78", "alpha.79", true),
                Arguments.of(Quirk.BUCKET_POLICY_IGNORED_FOR_AUTHENTICATED, "alpha.79", "alpha.80", true),
                Arguments.of(Quirk.STRING_NOT_EQUALS_INVERTED, "alpha.83", "alpha.84", true),
                Arguments.of(Quirk.ACTION_KEY_REQUIRED, "alpha.83", "alpha.84", true),
                Arguments.of(Quirk.NOT_ACTION_ONLY_NEEDS_EMPTY_ACTION, "alpha.83", "alpha.84", true),
                Arguments.of(Quirk.ACTION_WITH_NOT_ACTION_REJECTED, "alpha.83", "alpha.84", false),
                Arguments.of(Quirk.TAG_CONDITION_KEYS_UNPOPULATED, "alpha.90", "alpha.91", true),
                Arguments.of(Quirk.BINARY_EQUALS_PANICS, "alpha.98", "alpha.99", true),
                Arguments.of(Quirk.STS_ACTIONS_UNSUPPORTED, "alpha.98", "alpha.99", true),
                Arguments.of(Quirk.PREFIX_CONDITION_KEYS_UNPOPULATED, "alpha.150", "beta.1", true),
                Arguments.of(Quirk.MIXED_ACTION_FAMILIES_REJECTED, "beta.3", "beta.4", false),
                Arguments.of(Quirk.MIXED_STATEMENT_SKIPS_RESOURCE, "beta.3", "beta.4", true),
                Arguments.of(Quirk.ADMIN_STATEMENT_NEEDS_RESOURCE, "beta.3", "beta.4", true),
                Arguments.of(Quirk.ADMIN_RESOURCE_BY_REQUESTED_ACTION, "beta.3", "beta.4", false),
                Arguments.of(Quirk.RAW_WILDCARD_RESOURCE_MATCH, "beta.5", "beta.6", true),
                Arguments.of(Quirk.UNKNOWN_ELEMENTS_IGNORED, "beta.6", "beta.7", true),
                Arguments.of(Quirk.UNKNOWN_ELEMENTS_REJECTED, "beta.6", "beta.7", false),
                Arguments.of(Quirk.VERSION_KEY_REQUIRED, "beta.6", "beta.7", true),
                Arguments.of(Quirk.STATEMENT_KEY_REQUIRED, "beta.6", "beta.7", true),
                Arguments.of(Quirk.KMS_ONLY_STAR, "beta.7", "beta.8", true),
                Arguments.of(Quirk.DATE_OPERANDS_REVERSED, "rc.2", "rc.3", true));
    }

    @ParameterizedTest(name = "{0} changes at {2}")
    @MethodSource("quirkChanges")
    void quirkChangesAtItsTag(Quirk quirk, String before, String tag, boolean heldBefore) {
        assertEquals(heldBefore, rustfs(before).has(quirk), quirk + " at " + before);
        assertEquals(!heldBefore, rustfs(tag).has(quirk), quirk + " at " + tag);
    }

    /** action, last version before, tag, whether the action exists before (and not after). */
    static Stream<Arguments> catalogueChanges() {
        return Stream.of(
                Arguments.of("s3:GetBucketQuota", "alpha.82", "alpha.83", false),
                Arguments.of("admin:GetBucketQuota", "alpha.82", "alpha.83", true),
                Arguments.of("sts:AssumeRole", "alpha.98", "alpha.99", false),
                Arguments.of("kms:Decrypt", "beta.7", "beta.8", false),
                Arguments.of("admin:KMSCreateKey", "beta.8", "beta.9", true),
                Arguments.of("admin:KMSKeyStatus", "beta.8", "beta.9", true));
    }

    @ParameterizedTest(name = "{0} changes at {2}")
    @MethodSource("catalogueChanges")
    void catalogueChangesAtItsTag(String action, String before, String tag, boolean existedBefore) {
        assertEquals(existedBefore, rustfs(before).action(action).isPresent(), action + " at " + before);
        assertEquals(!existedBefore, rustfs(tag).action(action).isPresent(), action + " at " + tag);
        assertEquals(existedBefore, rustfs(before).checkAction(action).status() == ActionCheck.Status.KNOWN);
    }

    @ParameterizedTest(name = "{0} accepted from {2}")
    @MethodSource("operatorChanges")
    void conditionOperatorsArriveAtAlpha84(String op) {
        assertFalse(rustfs("alpha.83").acceptsConditionOperator(op), op);
        assertTrue(rustfs("alpha.84").acceptsConditionOperator(op), op);
    }

    static Stream<String> operatorChanges() {
        return Stream.of("NumericLessThanEquals", "DateLessThan", "StringEqualsIfExists", "ArnLike", "ArnNotEquals",
                "ForAnyValue:StringLikeIfExists");
    }

    @org.junit.jupiter.api.Test
    void starActionIsRejectedUntilAlpha79ThenMeansS3Only() {
        ActionCheck a78 = rustfs("alpha.78").checkAction("*");
        assertEquals(ActionCheck.Status.UNKNOWN, a78.status());
        assertTrue(a78.message().contains("\"*\" is rejected before alpha.79"), a78.message());
        assertTrue(rustfs("alpha.78").expand("*").isEmpty());

        Dialect a79 = rustfs("alpha.79");
        assertEquals(ActionCheck.Status.WILDCARD, a79.checkAction("*").status());
        assertTrue(a79.expand("*").stream().allMatch(a -> a.family() == ActionFamily.S3));
        assertEquals(a79.expand("s3:*"), a79.expand("*"));
        assertTrue(a79.actionMatches("*", "s3:GetObject"));
        assertFalse(a79.actionMatches("*", "admin:ServerInfo"));
    }

    @org.junit.jupiter.api.Test
    void stsWildcardArrivesAtAlpha99() {
        ActionCheck a78 = rustfs("alpha.78").checkAction("sts:*");
        assertEquals(ActionCheck.Status.UNKNOWN, a78.status());
        assertTrue(a78.message().contains("sts: actions exist only from 1.0.0-alpha.99"), a78.message());
        assertEquals(ActionCheck.Status.WILDCARD, rustfs("alpha.99").checkAction("sts:*").status());
        assertEquals(ActionCheck.Status.UNKNOWN, rustfs("alpha.98").checkAction("sts:AssumeRole").status());
    }
}
