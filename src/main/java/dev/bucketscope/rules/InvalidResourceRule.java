package dev.bucketscope.rules;

import dev.bucketscope.policy.Violation;

/** Reports resources that are not S3 ARNs the dialect accepts. */
public final class InvalidResourceRule extends ViolationRule {
    public InvalidResourceRule() {
        super(Violation.Category.INVALID_RESOURCE);
    }
}
