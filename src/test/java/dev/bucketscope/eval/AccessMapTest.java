package dev.bucketscope.eval;

import static dev.bucketscope.eval.PolicyFixture.allow;
import static dev.bucketscope.eval.PolicyFixture.dialect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.bucketscope.dialect.Capability;
import dev.bucketscope.dialect.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessMapTest {

    @Test
    void aGrantOnOnePrefixIsSeenThoughTheShortestKeyEndsInASlash() {
        Dialect d = dialect("rustfs");
        AccessMap m = new AccessMap(new Evaluator(d), List.of(allow(d, "\"s3:GetObject\"", "\"arn:aws:s3:::b/manifests/*\"")));
        AccessMap.Grant g = m.granted("b", Capability.READ).orElseThrow();
        assertEquals("manifests/x", g.key());
        assertFalse(m.wholeBucket("b", Capability.READ).allowed());
    }

    @Test
    void emptySegmentsAreFilled() {
        assertEquals("logs/x", AccessMap.fillEmptySegments("logs/"));
        assertEquals("a/x/b", AccessMap.fillEmptySegments("a//b"));
        assertEquals("a/b", AccessMap.fillEmptySegments("a/b"));
    }
}
