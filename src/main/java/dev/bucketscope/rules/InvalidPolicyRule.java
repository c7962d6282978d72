package dev.bucketscope.rules;

import dev.bucketscope.policy.Violation;

/** Reports structure the dialect rejects or silently ignores. */
public final class InvalidPolicyRule extends ViolationRule {
    public InvalidPolicyRule() {
        super(Violation.Category.STRUCTURE);
    }
}
