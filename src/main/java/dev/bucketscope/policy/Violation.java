package dev.bucketscope.policy;

import dev.bucketscope.source.Span;

/**
 * Something in a policy that the dialect's server either refuses ({@code rejected}: the whole
 * policy fails to load) or accepts but reads differently from what is written (the element is
 * ignored, a condition is known to misbehave). Each category is reported by one lint rule.
 */
public record Violation(Category category, boolean rejected, String message, Span span, String pointer) {

    /** The lint rule that reports each category. */
    public enum Category {
        STRUCTURE("invalid-policy"),
        UNKNOWN_ACTION("unknown-action"),
        UNSUPPORTED_WILDCARD("unsupported-wildcard"),
        INVALID_RESOURCE("invalid-resource"),
        UNSUPPORTED_CONDITION("unsupported-condition"),
        MIXED_ACTION_FAMILIES("mixed-action-families");

        private final String ruleId;

        Category(String ruleId) {
            this.ruleId = ruleId;
        }

        public String ruleId() {
            return ruleId;
        }
    }
}
