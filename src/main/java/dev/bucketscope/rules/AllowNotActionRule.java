package dev.bucketscope.rules;

import dev.bucketscope.core.PolicyContext;
import dev.bucketscope.core.PolicyRule;
import dev.bucketscope.dialect.ActionFamily;
import dev.bucketscope.dialect.ActionInfo;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.policy.PolicyElement;
import dev.bucketscope.policy.PolicyReader;
import dev.bucketscope.policy.Statement;
import dev.bucketscope.policy.Value;
import dev.bucketscope.source.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports Allow statements with NotAction: they grant every action not listed, including actions a
 * later server version adds and, where the dialect evaluates them so, admin: actions.
 */
public final class AllowNotActionRule implements PolicyRule {
    private static final int SHOWN = 6;

    @Override
    public void check(PolicyContext ctx) {
        Dialect d = ctx.dialect();
        for (Statement st : AllowedActions.statements(ctx)) {
            if (!st.hasNotAction()) continue;
            Node element = PolicyReader.member(st.node(), PolicyElement.NOT_ACTION, d).orElseThrow().value();
            List<ActionInfo> granted = new ArrayList<>();
            boolean admin = false;
            for (ActionInfo a : d.actions()) {
                if (excluded(st.notActions(), a, d)) continue;
                granted.add(a);
                admin |= a.family() != ActionFamily.S3;
            }
            List<String> risky = AllowedActions.dangerousFirst(granted);
            String message = "NotAction " + (st.notActions().isEmpty() ? "[]" : AllowedActions.quoted(st.notActions()))
                    + " in an Allow statement grants every other action on " + AllowedActions.resources(st)
                    + ", including any a later version adds: " + granted.size() + " " + d.displayName() + " actions"
                    + (admin ? ", admin:, kms: or sts: ones among them" : "")
                    + (risky.isEmpty() ? "" : ", such as " + AllowedActions.names(risky, SHOWN));
            ctx.report(element.span(), element.pointer(), message);
        }
    }

    private static boolean excluded(List<Value> notActions, ActionInfo a, Dialect d) {
        // Asked for every catalogue action: an indexed loop allocates no iterator under C1.
        for (int i = 0; i < notActions.size(); i++) if (d.actionMatches(notActions.get(i).text(), a.name())) return true;
        return false;
    }
}
