package dev.bucketscope.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private static Dialect d(String spec) {
        try {
            return Dialect.parse(spec);
        } catch (UnknownDialectException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void operators() {
        Dialect a78 = d("rustfs@alpha.78");
        assertTrue(a78.acceptsConditionOperator("StringEquals"));
        assertTrue(a78.acceptsConditionOperator("ForAnyValue:StringLike"));
        assertTrue(a78.acceptsConditionOperator("NumericGreaterThanIfExists"));
        assertFalse(a78.acceptsConditionOperator("StringEqualsIfExists"));
        assertFalse(a78.acceptsConditionOperator("stringequals"), "operator names are case-sensitive");

        assertFalse(d("rustfs").acceptsConditionOperator("NullIfExists"));
        assertTrue(d("rustfs").acceptsConditionOperator("ForAllValues:StringNotEqualsIfExists"));

        Dialect minio = d("minio");
        assertTrue(minio.acceptsConditionOperator("NumericLessThanEquals"));
        assertFalse(minio.acceptsConditionOperator("StringEqualsIfExists"));
        assertFalse(minio.acceptsConditionOperator("ArnLike"));
        assertTrue(d("aws").acceptsConditionOperator("ArnLikeIfExists"));
        assertFalse(d("aws").acceptsConditionOperator("Frobnicate"));
    }

    @Test
    void keys() {
        Dialect head = d("rustfs");
        assertTrue(head.acceptsConditionKey("aws:principaltype"));
        assertFalse(head.acceptsConditionKey("aws:PrincipalType"));
        assertEquals(Optional.of("aws:principaltype"), head.conditionKeySuggestion("aws:PrincipalType"));
        assertTrue(head.acceptsConditionKey("s3:ExistingObjectTag/team"));
        assertFalse(head.acceptsConditionKey("s3:ExistingObjectTag/"));
        assertFalse(head.acceptsConditionKey("aws:PrincipalArn"));
        assertFalse(head.acceptsConditionKey("s3:object-lock-legal-hold"));
        assertTrue(head.acceptsConditionKey("aws:SourceArn"));
        assertFalse(d("rustfs@alpha.78").acceptsConditionKey("aws:SourceArn"));
        assertEquals(Optional.of("s3:ExistingObjectTag/team"), head.conditionKeySuggestion("s3:existingobjecttag/team"));
        assertEquals(Optional.empty(), head.conditionKeySuggestion("aws:principaltype"));

        assertTrue(d("minio").acceptsConditionKey("s3:object-lock-legal-hold"));
        assertTrue(d("aws").acceptsConditionKey("aws:PrincipalArn"));
        assertTrue(d("aws").acceptsConditionKey("AWS:principalarn"));
        assertTrue(d("aws").acceptsConditionKey("s3:TlsVersion"));
        assertFalse(d("aws").acceptsConditionKey("jwt:sub"));
        assertFalse(d("aws").acceptsConditionKey("aws:"));
    }
}
