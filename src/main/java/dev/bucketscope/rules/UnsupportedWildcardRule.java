package dev.bucketscope.rules;

import dev.bucketscope.policy.Violation;

/** Reports action wildcards the dialect rejects. */
public final class UnsupportedWildcardRule extends ViolationRule {
    public UnsupportedWildcardRule() {
        super(Violation.Category.UNSUPPORTED_WILDCARD);
    }
}
