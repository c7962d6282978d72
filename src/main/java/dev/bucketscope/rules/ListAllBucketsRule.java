package dev.bucketscope.rules;

import dev.bucketscope.core.PolicyContext;
import dev.bucketscope.core.PolicyRule;
import dev.bucketscope.dialect.ActionInfo;
import dev.bucketscope.policy.Statement;
import dev.bucketscope.policy.Value;
import java.util.List;
import java.util.Optional;

/** Reports an Allow of s3:ListAllMyBuckets named explicitly: it discloses every bucket name on the server. */
public final class ListAllBucketsRule implements PolicyRule {
    private static final String LIST_ALL = "s3:ListAllMyBuckets";

    @Override
    public void check(PolicyContext ctx) {
        List<Statement> statements = AllowedActions.statements(ctx);
        for (int i = 0; i < statements.size(); i++) {
            Statement st = statements.get(i);
            for (Value v : st.actions()) {
                // No bound method reference (LIST_ALL::equals): C1 makes a new one per value, through
                // a method handle (see dev.bucketscope.core.PolicyRule).
                Optional<ActionInfo> action = ctx.dialect().action(v.text());
                boolean listAll = action.isPresent() && action.get().name().equals(LIST_ALL);
                if (!listAll) continue;
                ctx.report(v.span(), v.pointer(), "Action '" + v.text() + "' reveals the name of every bucket on the server,"
                        + " other applications' included; an application that is configured with its bucket names does not need it");
            }
        }
    }
}
