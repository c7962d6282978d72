package dev.bucketscope.rules;

import dev.bucketscope.core.PolicyContext;
import dev.bucketscope.core.PolicyRule;
import dev.bucketscope.dialect.ActionFamily;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.policy.Statement;
import dev.bucketscope.policy.Value;
import java.util.List;
import java.util.Optional;

/**
 * Reports Allow Action values of the admin:, kms: and sts: families: an application's policy should
 * store and fetch objects, not administer the server, its keys or its credentials.
 */
public final class AdminActionRule implements PolicyRule {

    @Override
    public void check(PolicyContext ctx) {
        Dialect d = ctx.dialect();
        for (Statement st : AllowedActions.statements(ctx)) {
            List<Value> actions = st.actions();
            for (int j = 0; j < actions.size(); j++) {
                Value v = actions.get(j);
                Optional<ActionFamily> family = ActionFamily.of(v.text());
                if (family.isEmpty() || family.get() == ActionFamily.S3 || !d.checkAction(v.text()).accepted()) continue;
                int count = d.expand(v.text()).size();
                String grants = AllowedActions.isFamilyStar(v.text())
                        ? "grants all " + count + " " + family.get().prefix() + " actions of " + d.displayName() + ": it lets"
                        : "lets";
                ctx.report(v.span(), v.pointer(), "Action '" + v.text() + "' " + grants + " the application "
                        + purpose(family.get()) + ", which an application's policy should not do");
            }
        }
    }

    private static String purpose(ActionFamily family) {
        return switch (family) {
            case ADMIN -> "administer the server (users, policies, configuration)";
            case KMS -> "use or manage the server's encryption keys";
            case STS -> "obtain temporary credentials for other identities";
            case S3 -> "use S3";
        };
    }
}
