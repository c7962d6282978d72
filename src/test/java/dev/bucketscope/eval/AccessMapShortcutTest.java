package dev.bucketscope.eval;

import static dev.bucketscope.eval.PolicyFixture.dialect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketscope.dialect.Capability;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.policy.Policy;
import dev.bucketscope.policy.PolicyFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An access map decides a bucket that no pattern of the policy names once per action, for all
 * such buckets: on random policies (Allow and Deny, Resource and NotResource, patterns that name
 * buckets, stars alone, stars first, variables, no ARN), buckets asked in random order and every
 * dialect, it answers exactly as deciding each bucket in full does.
 */
class AccessMapShortcutTest {
    private static final List<String> ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:*", "s3:Get*",
            "*", "s3:DeleteObject", "s3:GetObjectVersion", "s3:PutBucketPolicy", "admin:*");
    private static final List<String> RESOURCES = List.of("*", "arn:aws:s3:::*", "arn:aws:s3:::**", "arn:aws:s3:::loki-*",
            "arn:aws:s3:::loki-exports", "arn:aws:s3:::loki-exports/*", "arn:aws:s3:::*/logs/*", "arn:aws:s3:::lo?i*",
            "arn:aws:s3:::${aws:username}/*", "arn:aws:s3:::", "foo", "arn:aws:s3:::LOKI-*", "arn:aws:s3:::a*",
            "arn:aws:s3:::argo-media/*", "arn:aws:s3:::*/*");
    private static final List<String> BUCKETS = List.of("loki-exports", "loki", "lok", "LOKI-x", "argo-media", "a", "abc",
            "zeta", "omega-logs", "x/y", ".", "", "Loki-exports", "\u017fx");
    private static final List<String> DIALECTS = List.of("rustfs", "rustfs@1.0.0-alpha.50", "minio", "aws");

    @Test
    void unnamedBucketsAreDecidedAsInFull() {
        Random r = new Random(17);
        int shortcutsTaken = 0;
        for (int round = 0; round < 1500; round++) {
            Dialect d = dialect(DIALECTS.get(r.nextInt(DIALECTS.size())));
            Policy p = randomPolicy(r, d);
            AccessMap quick = new AccessMap(new Evaluator(d), List.of(p));
            AccessMap full = new AccessMap(new Evaluator(d), List.of(p), false);
            List<String> buckets = new ArrayList<>(BUCKETS);
            Collections.shuffle(buckets, r);
            for (String b : buckets) {
                for (Capability cap : List.of(Capability.LIST, Capability.READ, Capability.WRITE, Capability.DELETE)) {
                    String where = d.id() + " " + b + " " + cap + " in " + p.statements();
                    assertEquals(full.granted(b, cap), quick.granted(b, cap), where);
                    assertEquals(full.wholeBucket(b, cap), quick.wholeBucket(b, cap), where);
                }
                assertEquals(full.management(b), quick.management(b), () -> d.id() + " " + b + " management");
            }
            if (quick.unnamedDecisions() > 0) shortcutsTaken++;
        }
        // The shortcut is taken often enough for the comparison to mean something.
        assertTrue(shortcutsTaken > 300, "shortcut taken in " + shortcutsTaken + " rounds");
    }

    private static Policy randomPolicy(Random r, Dialect d) {
        StringBuilder sb = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(',');
            sb.append("{\"Effect\":\"").append(r.nextInt(4) == 0 ? "Deny" : "Allow").append("\",\"Action\":").append(list(r, ACTIONS));
            sb.append(r.nextInt(5) == 0 ? ",\"NotResource\":" : ",\"Resource\":").append(list(r, RESOURCES));
            if (r.nextInt(6) == 0) sb.append(",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}");
            sb.append('}');
        }
        String json = sb.append("]}").toString();
        PolicyFile f = PolicyFile.fromText(json, "random.json", d, List.of());
        return f.policy().orElseThrow(() -> new AssertionError(json + ": " + f.problems()));
    }

    private static String list(Random r, List<String> from) {
        List<String> picked = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) picked.add("\"" + from.get(r.nextInt(from.size())) + "\"");
        return "[" + String.join(",", picked) + "]";
    }
}
