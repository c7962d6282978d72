package dev.bucketscope.eval;

import static dev.bucketscope.eval.PolicyFixture.dialect;
import static dev.bucketscope.eval.PolicyFixture.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bucketscope.dialect.Dialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Condition operators with the server's quirks (section d.2): the answer is what the server does. */
class ConditionTest {

    private static Decision decide(String spec, String condition, Map<String, List<String>> ctx) {
        Dialect d = dialect(spec);
        var p = policy(d, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],"
                + "\"Resource\":[\"arn:aws:s3:::b/*\"],\"Condition\":" + condition + "}]}");
        return new Evaluator(d).evaluate(List.of(p), Request.of(d, "s3:GetObject", "arn:aws:s3:::b/k"),
                new ConditionContext(ctx)).decision();
    }

    @ParameterizedTest(name = "{0}: StringNotEquals with user {1}")
    @CsvSource({
        // inverted before alpha.84: StringNotEquals behaves as StringEquals
        "rustfs@1.0.0-alpha.78, alice, ALLOW",
        "rustfs@1.0.0-alpha.78, bob,   IMPLICIT_DENY",
        "rustfs@1.0.0-alpha.83, alice, ALLOW",
        "rustfs@1.0.0-alpha.84, alice, IMPLICIT_DENY",
        "rustfs@1.0.0-alpha.84, bob,   ALLOW",
        "minio,                 alice, IMPLICIT_DENY",
    })
    void stringNotEqualsInversion(String spec, String user, Decision expected) {
        assertEquals(expected, decide(spec, "{\"StringNotEquals\":{\"aws:username\":[\"alice\"]}}",
                Map.of("aws:username", List.of(user))));
    }

    @ParameterizedTest(name = "{0}: DateGreaterThan 2026-01-01 at {1}")
    @CsvSource({
        // reversed operands until rc.3: DateGreaterThan X is true before X
        "rustfs@1.0.0-alpha.78, 2025-06-01T00:00:00Z, ALLOW",
        "rustfs@1.0.0-alpha.78, 2026-06-01T00:00:00Z, IMPLICIT_DENY",
        "rustfs@1.0.0-rc.3,     2025-06-01T00:00:00Z, IMPLICIT_DENY",
        "rustfs@1.0.0-rc.3,     2026-06-01T00:00:00Z, ALLOW",
        "minio,                 2026-06-01T00:00:00Z, ALLOW",
    })
    void dateOperandOrder(String spec, String now, Decision expected) {
        assertEquals(expected, decide(spec, "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2026-01-01T00:00:00Z\"}}",
                Map.of("aws:CurrentTime", List.of(now))));
    }

    @ParameterizedTest(name = "{0}: NumericGreaterThanIfExists 10 with {1}")
    @CsvSource({
        "rustfs, 10, ALLOW",
        "rustfs, 9,  IMPLICIT_DENY",
        "minio,  10, IMPLICIT_DENY",
        "minio,  11, ALLOW",
    })
    void numericGreaterThanIfExists(String spec, String value, Decision expected) {
        assertEquals(expected, decide(spec, "{\"NumericGreaterThanIfExists\":{\"s3:max-keys\":\"10\"}}",
                Map.of("s3:max-keys", List.of(value))));
    }

    @ParameterizedTest(name = "{0} with ip {1}")
    @CsvSource({
        "10.1.2.3,    ALLOW",
        "10.2.0.1,    IMPLICIT_DENY",
        "'',          IMPLICIT_DENY",
    })
    void ipAddress(String ip, Decision expected) {
        assertEquals(expected, decide("rustfs", "{\"IpAddress\":{\"aws:SourceIp\":[\"10.1.0.0/16\"]}}",
                ip.isEmpty() ? Map.of() : Map.of("aws:SourceIp", List.of(ip))));
    }

    @ParameterizedTest(name = "absent key: {0}")
    @CsvSource({
        "StringEquals,              IMPLICIT_DENY",
        "StringLike,                IMPLICIT_DENY",
        "StringNotLike,             ALLOW",
        "Null,                      ALLOW",
    })
    void absentKeys(String op, Decision expected) {
        String value = op.equals("Null") ? "\"true\"" : "\"x*\"";
        assertEquals(expected, decide("rustfs", "{\"" + op + "\":{\"s3:prefix\":" + value + "}}", Map.of()));
    }
}
