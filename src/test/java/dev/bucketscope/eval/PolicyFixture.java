package dev.bucketscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.policy.Policy;
import dev.bucketscope.policy.PolicyFile;
import java.util.List;

/** Builds policies from inline JSON for evaluator tests; fails loudly when the text does not parse. */
final class PolicyFixture {
    private PolicyFixture() {}

    static Dialect dialect(String spec) {
        try {
            return Dialect.parse(spec);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Policy policy(Dialect d, String json) {
        PolicyFile f = PolicyFile.fromText(json, "test.json", d, List.of());
        assertTrue(f.problems().isEmpty(), () -> "fixture does not parse: " + f.problems());
        return f.policy().orElseThrow();
    }

    /** A one-statement Allow policy with the given actions and resources (JSON array bodies). */
    static Policy allow(Dialect d, String actions, String resources) {
        return policy(d, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[" + actions
                + "],\"Resource\":[" + resources + "]}]}");
    }

    static Decision decide(Dialect d, List<Policy> policies, String action, String arn) {
        return new Evaluator(d).evaluate(policies, Request.of(d, action, arn)).decision();
    }

    static void assertDecision(Decision expected, Dialect d, Policy p, String action, String arn) {
        assertEquals(expected, decide(d, List.of(p), action, arn),
                () -> d.id() + ": " + action + " on " + arn);
    }
}
