package dev.bucketscope.rules;

import dev.bucketscope.core.PolicyContext;
import dev.bucketscope.core.PolicyRule;
import dev.bucketscope.policy.Violation;
import java.util.List;

/**
 * Base of the "will the server accept and read it as written?" rules: the grammar decisions live
 * once, in the policy validator; each rule reports one category of them.
 */
abstract class ViolationRule implements PolicyRule {
    private final Violation.Category category;

    ViolationRule(Violation.Category category) {
        this.category = category;
    }

    @Override
    public final void check(PolicyContext ctx) {
        List<Violation> violations = ctx.violations();
        for (int i = 0; i < violations.size(); i++) {
            Violation v = violations.get(i);
            if (v.category() == category) ctx.report(v.span(), v.pointer(), v.message());
        }
    }
}
