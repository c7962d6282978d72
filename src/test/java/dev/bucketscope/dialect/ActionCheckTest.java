package dev.bucketscope.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActionCheckTest {

    private static Dialect d(String spec) {
        try {
            return Dialect.parse(spec);
        } catch (UnknownDialectException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void actionWildcardsAreRejectedByRustfsAndExpandedByMinio() {
        ActionCheck rustfs = d("rustfs").checkAction("s3:Get*");
        assertEquals(ActionCheck.Status.UNSUPPORTED_WILDCARD, rustfs.status());
        assertTrue(rustfs.message().contains("s3:*") && rustfs.message().contains("admin:*")
                && rustfs.message().contains("kms:*"), rustfs.message());
        assertTrue(d("rustfs").expand("s3:Get*").isEmpty());

        Dialect minio = d("minio");
        assertEquals(ActionCheck.Status.WILDCARD, minio.checkAction("s3:Get*").status());
        List<ActionInfo> gets = minio.expand("s3:Get*");
        assertTrue(gets.stream().allMatch(a -> a.name().startsWith("s3:Get")), gets.toString());
        assertTrue(gets.stream().anyMatch(a -> a.name().equals("s3:GetBucketPolicy")
                && a.capability() == Capability.MANAGEMENT), gets.toString());
        assertTrue(gets.stream().anyMatch(a -> a.name().equals("s3:GetObject")));
        assertTrue(minio.actionMatches("s3:Get*", "s3:GetObject"));
        assertFalse(minio.actionMatches("s3:Get*", "s3:PutObject"));
        assertEquals(ActionCheck.Status.UNKNOWN, minio.checkAction("s3:Frobnicate*").status());
    }

    @Test
    void familyWildcardsExpandToTheirFamily() {
        Dialect head = d("rustfs");
        assertEquals(ActionCheck.Status.WILDCARD, head.checkAction("admin:*").status());
        List<ActionInfo> admin = head.expand("admin:*");
        assertTrue(admin.size() > 60 && admin.stream().allMatch(a -> a.family() == ActionFamily.ADMIN));
        assertEquals(List.of(), d("rustfs@alpha.78").expand("kms:*").stream()
                .filter(a -> a.family() != ActionFamily.KMS).toList());
        assertTrue(d("rustfs@alpha.78").expand("kms:*").isEmpty(), "alpha.78 has no concrete kms: action");
        assertTrue(head.actionMatches("s3:*", "s3:DeleteBucket"));
        assertFalse(head.actionMatches("s3:*", "admin:ServerInfo"));
        assertTrue(head.actionMatches("s3:GetObject", "s3:GetObject"));
        assertFalse(head.actionMatches("s3:GetObject", "s3:GetObjectVersion"));
        assertFalse(head.actionMatches("s3:Get*", "s3:GetObject"), "rejected patterns match nothing");
    }

    @Test
    void suggestsOtherDialectsSpellings() {
        ActionCheck lifecycle = d("rustfs").checkAction("s3:PutLifecycleConfiguration");
        assertEquals(ActionCheck.Status.UNKNOWN, lifecycle.status());
        assertTrue(lifecycle.message().contains("RustFS calls this s3:PutBucketLifecycle"), lifecycle.message());
        assertEquals("s3:PutBucketLifecycle", lifecycle.suggestion().orElseThrow());

        assertEquals("s3:GetBucketCors", d("rustfs").checkAction("s3:GetBucketCORS").suggestion().orElseThrow());
        assertEquals("s3:GetLifecycleConfiguration", d("minio").checkAction("s3:GetBucketLifecycle").suggestion().orElseThrow());
        assertEquals("s3:PutEncryptionConfiguration", d("aws").checkAction("s3:PutBucketEncryption").suggestion().orElseThrow());
        ActionCheck quota = d("rustfs").checkAction("admin:GetBucketQuota");
        assertEquals("s3:GetBucketQuota", quota.suggestion().orElseThrow());
        assertTrue(quota.message().contains("removed from RustFS at 1.0.0-alpha.83"), quota.message());
    }

    @Test
    void caseAndTypos() {
        ActionCheck lower = d("rustfs").checkAction("s3:getobject");
        assertEquals(ActionCheck.Status.UNKNOWN, lower.status());
        assertTrue(lower.message().contains("did you mean s3:GetObject"), lower.message());
        assertEquals("s3:GetObject", lower.suggestion().orElseThrow());

        assertEquals(ActionCheck.Status.KNOWN, d("aws").checkAction("s3:getobject").status());
        assertEquals("s3:GetObject", d("aws").action("S3:GETOBJECT").orElseThrow().name());
        assertTrue(d("rustfs").action("s3:getobject").isEmpty());
        assertEquals(ActionCheck.Status.KNOWN, d("aws").checkAction("s3:GetBucketCors").status());

        assertEquals("s3:PutObject", d("rustfs").checkAction("s3:PutObjet").suggestion().orElseThrow());
        assertTrue(d("rustfs").checkAction("s3:CompletelyDifferentThing").suggestion().isEmpty());
        ActionCheck iam = d("rustfs").checkAction("iam:PassRole");
        assertEquals(ActionCheck.Status.UNKNOWN, iam.status());
        assertTrue(iam.message().contains("start with s3:"), iam.message());
    }

    @Test
    void laterAdditionsSayWhenTheyArrive() {
        ActionCheck kms = d("rustfs@alpha.78").checkAction("kms:Decrypt");
        assertTrue(kms.message().contains("only from 1.0.0-beta.8"), kms.message());
        ActionCheck quota = d("rustfs@alpha.78").checkAction("s3:GetBucketQuota");
        assertEquals("admin:GetBucketQuota", quota.suggestion().orElseThrow(), quota.message());
    }

    @Test
    void awsStarAndMinioStarCoverEverything() {
        assertEquals(d("aws").actions(), d("aws").expand("*"));
        assertTrue(d("minio").actionMatches("*", "admin:ServerInfo"));
        assertTrue(d("aws").actionMatches("s3:get*", "s3:GetObject"));
    }
}
