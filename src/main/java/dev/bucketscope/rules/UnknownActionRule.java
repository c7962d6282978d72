package dev.bucketscope.rules;

import dev.bucketscope.policy.Violation;

/** Reports actions missing from the dialect's catalogue. */
public final class UnknownActionRule extends ViolationRule {
    public UnknownActionRule() {
        super(Violation.Category.UNKNOWN_ACTION);
    }
}
