package dev.bucketscope.rules;

import dev.bucketscope.policy.Violation;

/** Reports statements that mix s3: with admin:, kms: or sts: actions. */
public final class MixedActionFamiliesRule extends ViolationRule {
    public MixedActionFamiliesRule() {
        super(Violation.Category.MIXED_ACTION_FAMILIES);
    }
}
