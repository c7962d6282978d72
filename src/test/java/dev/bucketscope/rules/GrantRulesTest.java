package dev.bucketscope.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bucketscope.core.Finding;
import dev.bucketscope.core.Linter;
import dev.bucketscope.core.Rule;
import dev.bucketscope.core.RuleCatalog;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.eval.Evaluator;
import dev.bucketscope.policy.PolicyFile;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The corner cases of the grant rules that the fixtures do not show: which values are reported, and which are not. */
class GrantRulesTest {

    private static List<String> pointers(Rule rule, String dialectSpec, String statements) throws Exception {
        Dialect d = Dialect.parse(dialectSpec);
        PolicyFile f = PolicyFile.fromText("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", "t.json", d, List.of());
        List<Finding> found = new Linter(new RuleCatalog(List.of(rule)), Map.of()).lint(f, d, new Evaluator(d));
        return found.stream().map(x -> x.location().pointer()).collect(Collectors.toList());
    }

    private static String allow(String actions, String resources) {
        return "{\"Effect\":\"Allow\",\"Action\":[" + actions + "],\"Resource\":[" + resources + "]}";
    }

    @Test
    void objectWildcardOnlyWhereTheRawMatchAddsTheBucket() throws Exception {
        Rule r = new ObjectWildcardGrantsBucketRule();
        String a78 = "rustfs@1.0.0-alpha.78";
        // b? reaches bucket-level requests on every version (bucket "bx"), so it is not this quirk
        assertEquals(List.of(), pointers(r, a78, allow("\"s3:ListBucket\"", "\"arn:aws:s3:::talos-backups?\"")));
        assertEquals(List.of("/Statement/0/Resource/0"), pointers(r, a78, allow("\"s3:ListBucket\"", "\"arn:aws:s3:::loki-*/*\"")));
        assertEquals(List.of(), pointers(r, a78, allow("\"s3:ListBucket\"", "\"arn:aws:s3:::loki-*\",\"arn:aws:s3:::loki-chunks/*\"")));
        // another object wildcard does not count as granting the bucket: both are reported
        assertEquals(List.of("/Statement/0/Resource/0", "/Statement/0/Resource/1"),
                pointers(r, a78, allow("\"s3:ListBucket\"", "\"arn:aws:s3:::loki-*/*\",\"arn:aws:s3:::loki-chunks/*\"")));
        assertEquals(List.of(), pointers(r, a78, allow("\"s3:GetObject\"", "\"arn:aws:s3:::loki-chunks/*\"")));
        assertEquals(List.of(), pointers(r, "aws", allow("\"s3:*\"", "\"arn:aws:s3:::loki-chunks/*\"")));
    }

    @Test
    void ineffectiveGrantFollowsActionLevels() throws Exception {
        Rule r = new IneffectiveGrantRule();
        // both sides: the action reaches no bucket-less request, and the bucket ARN serves no action
        assertEquals(List.of("/Statement/0/Action/0", "/Statement/0/Resource/0"),
                pointers(r, "rustfs", allow("\"s3:ListAllMyBuckets\"", "\"arn:aws:s3:::litellm-cache\"")));
        assertEquals(List.of(), pointers(r, "rustfs", allow("\"s3:ListAllMyBuckets\"", "\"arn:aws:s3:::*\"")));
        // s3:* is not judged, and it has actions of every level, so no Resource is unused
        assertEquals(List.of(), pointers(r, "rustfs", allow("\"s3:*\"", "\"arn:aws:s3:::litellm-cache\"")));
        // s3:Get* on MinIO includes GetBucket* actions, which the bucket ARN matches
        assertEquals(List.of(), pointers(r, "minio", allow("\"s3:Get*\"", "\"arn:aws:s3:::litellm-cache\"")));
        assertEquals(List.of(), pointers(r, "rustfs",
                "{\"Effect\":\"Allow\",\"NotAction\":[\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::litellm-cache/*\"]}"));
    }

    @Test
    void redundantGrantReportsTheLaterOrNarrowerOnce() throws Exception {
        Rule r = new RedundantGrantRule();
        assertEquals(List.of("/Statement/0/Action/1"), pointers(r, "rustfs", allow("\"s3:GetObject\",\"s3:GetObject\"", "\"arn:aws:s3:::a/*\"")));
        assertEquals(List.of("/Statement/0/Resource/1"),
                pointers(r, "rustfs", allow("\"s3:GetObject\"", "\"arn:aws:s3:::a/*\",\"arn:aws:s3:::a/*\"")));
        String s = allow("\"s3:GetObject\"", "\"arn:aws:s3:::a/*\"");
        assertEquals(List.of("/Statement/1"), pointers(r, "rustfs", s + "," + s));
        // AWS compares whole ARNs; a wider bucket pattern covers the narrower one there too
        assertEquals(List.of("/Statement/0/Resource/0"),
                pointers(r, "aws", allow("\"s3:GetObject\"", "\"arn:aws:s3:::loki-chunks/*\",\"arn:aws:s3:::loki-*\"")));
        String p1 = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"loki-svc\"]},\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::a/*\"]}";
        String p2 = p1.replace("loki-svc", "talos-svc");
        assertEquals(List.of(), pointers(r, "rustfs", p1 + "," + p2));
    }
}
