package dev.bucketscope.rules;

import dev.bucketscope.policy.Violation;

/** Reports condition operators and keys the dialect rejects or evaluates wrongly. */
public final class UnsupportedConditionRule extends ViolationRule {
    public UnsupportedConditionRule() {
        super(Violation.Category.UNSUPPORTED_CONDITION);
    }
}
