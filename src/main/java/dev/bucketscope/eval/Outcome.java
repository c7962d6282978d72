package dev.bucketscope.eval;

import dev.bucketscope.policy.Policy;
import dev.bucketscope.policy.Statement;
import java.util.Optional;

/**
 * The answer to one request, with the statement that decided it (the first matching Deny, or
 * else the first matching Allow, in the order the policies were given).
 */
public record Outcome(Decision decision, Optional<Policy> policy, Optional<Statement> statement) {

    public static Outcome implicitDeny() {
        return new Outcome(Decision.IMPLICIT_DENY, Optional.empty(), Optional.empty());
    }

    public boolean allowed() {
        return decision == Decision.ALLOW;
    }
}
