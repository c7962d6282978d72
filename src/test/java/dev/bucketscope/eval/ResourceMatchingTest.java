package dev.bucketscope.eval;

import static dev.bucketscope.eval.PolicyFixture.allow;
import static dev.bucketscope.eval.PolicyFixture.assertDecision;
import static dev.bucketscope.eval.PolicyFixture.dialect;

import dev.bucketscope.dialect.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every row of the table in section b.3 of the semantics reference, at alpha.78 and at HEAD
 * (rc.3), plus MinIO (which matches alpha.78) and AWS (which matches neither on bucket-level
 * calls). Columns: pattern after arn:aws:s3:::, then allowed? for a bucket-level call on
 * "bucket", an object call on "bucket/x/y", and ListAllMyBuckets.
 */
class ResourceMatchingTest {

    @ParameterizedTest(name = "{0}: pattern {1}")
    @CsvSource({
        // dialect,               pattern,  bucket-level, object bucket/x/y, ListAllMyBuckets
        "rustfs@1.0.0-alpha.78,   bucket,   true,  false, false",
        "rustfs@1.0.0-rc.3,       bucket,   true,  false, false",
        "rustfs@1.0.0-alpha.78,   bucket*,  true,  true,  false",
        "rustfs@1.0.0-rc.3,       bucket*,  true,  true,  false",
        "rustfs@1.0.0-alpha.78,   bucket/*, true,  true,  false",
        "rustfs@1.0.0-rc.3,       bucket/*, false, true,  false",
        "rustfs@1.0.0-alpha.78,   *,        true,  true,  true",
        "rustfs@1.0.0-rc.3,       *,        true,  true,  true",
        "rustfs@1.0.0-alpha.78,   */*,      true,  true,  true",
        "rustfs@1.0.0-rc.3,       */*,      false, true,  true",
        "rustfs@1.0.0-alpha.78,   bucket?,  true,  false, false",
        "rustfs@1.0.0-rc.3,       bucket?,  false, false, false",
        // bucket/* stops matching bucket-level calls exactly at beta.6
        "rustfs@1.0.0-beta.5,     bucket/*, true,  true,  false",
        "rustfs@1.0.0-beta.6,     bucket/*, false, true,  false",
        "minio,                   bucket/*, true,  true,  false",
        "minio,                   bucket?,  true,  false, false",
        "minio,                   bucket,   true,  false, false",
    })
    void tableB3(String spec, String pattern, boolean bucketLevel, boolean object, boolean listAll) {
        Dialect d = dialect(spec);
        var p = allow(d, "\"s3:ListBucket\",\"s3:GetObject\",\"s3:ListAllMyBuckets\"", "\"arn:aws:s3:::" + pattern + "\"");
        assertDecision(bucketLevel ? Decision.ALLOW : Decision.IMPLICIT_DENY, d, p, "s3:ListBucket", "arn:aws:s3:::bucket");
        assertDecision(object ? Decision.ALLOW : Decision.IMPLICIT_DENY, d, p, "s3:GetObject", "arn:aws:s3:::bucket/x/y");
        assertDecision(listAll ? Decision.ALLOW : Decision.IMPLICIT_DENY, d, p, "s3:ListAllMyBuckets", null);
    }

    @ParameterizedTest(name = "{0}: {1} on {2}")
    @CsvSource({
        // bucket* also reaches other buckets and their objects
        "rustfs@1.0.0-alpha.78, bucket*, arn:aws:s3:::bucket-prod/k, true",
        "rustfs@1.0.0-rc.3,     bucket*, arn:aws:s3:::bucket-prod/k, true",
        // keys with .. are matched raw before beta.6: attacker/* reaches victim's objects
        "rustfs@1.0.0-alpha.78, attacker/*, arn:aws:s3:::attacker/../victim/x, true",
        "rustfs@1.0.0-rc.3,     attacker/*, arn:aws:s3:::attacker/../victim/x, false",
        "rustfs@1.0.0-rc.3,     victim/*,   arn:aws:s3:::attacker/../victim/x, true",
        // * and ? cross / and count bytes
        "rustfs@1.0.0-rc.3,     my-bucket/abc?efg, arn:aws:s3:::my-bucket/abc/efg, true",
        "rustfs@1.0.0-rc.3,     my-bucket/In*,     arn:aws:s3:::my-bucket/India/Karnataka/x, true",
        // case-sensitive everywhere
        "rustfs@1.0.0-rc.3,     Bucket/*, arn:aws:s3:::bucket/k, false",
        "aws,                   Bucket/*, arn:aws:s3:::bucket/k, false",
    })
    void objectCalls(String spec, String pattern, String arn, boolean allowed) {
        Dialect d = dialect(spec);
        var p = allow(d, "\"s3:GetObject\"", "\"arn:aws:s3:::" + pattern + "\"");
        assertDecision(allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY, d, p, "s3:GetObject", arn);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        // section 6.1: a non-final wildcard never matches a bucket-level call before beta.6
        "rustfs@1.0.0-alpha.78, mybucket?0, false",
        "rustfs@1.0.0-beta.6,   mybucket?0, true",
        "minio,                 mybucket?0, false",
    })
    void nonFinalWildcardOnBucketLevelCalls(String spec, String pattern, boolean allowed) {
        Dialect d = dialect(spec);
        var p = allow(d, "\"s3:ListBucket\"", "\"arn:aws:s3:::" + pattern + "\"");
        assertDecision(allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY, d, p, "s3:ListBucket", "arn:aws:s3:::mybucket30");
    }

    @ParameterizedTest(name = "aws: {0}")
    @CsvSource({
        "arn:aws:s3:::bucket,   s3:ListBucket, arn:aws:s3:::bucket,     true",
        "arn:aws:s3:::bucket/*, s3:ListBucket, arn:aws:s3:::bucket,     false",
        "arn:aws:s3:::bucket/*, s3:GetObject,  arn:aws:s3:::bucket/k,   true",
        "arn:aws:s3:::*,        s3:ListBucket, arn:aws:s3:::anything,   true",
        "*,                     s3:GetObject,  arn:aws:s3:::b/k,        true",
    })
    void aws(String resource, String action, String arn, boolean allowed) {
        Dialect d = dialect("aws");
        var p = allow(d, "\"" + action + "\"", "\"" + resource + "\"");
        assertDecision(allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY, d, p, action, arn);
    }
}
