package dev.bucketscope.rules;

import dev.bucketscope.core.PolicyContext;
import dev.bucketscope.core.PolicyRule;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.dialect.Quirk;
import dev.bucketscope.policy.PolicyElement;
import dev.bucketscope.policy.PolicyReader;
import dev.bucketscope.policy.Statement;
import dev.bucketscope.source.Node;

/**
 * Reports Allow statements with NotResource: they reach every resource not listed, other
 * applications' buckets and buckets created later included. Where the server ignores NotResource in
 * identity policies, the message says what the statement means there instead.
 */
public final class AllowNotResourceRule implements PolicyRule {

    @Override
    public void check(PolicyContext ctx) {
        Dialect d = ctx.dialect();
        boolean bucketPolicy = ctx.policy().isPresent() && ctx.policy().get().bucketPolicy();
        for (Statement st : AllowedActions.statements(ctx)) {
            if (!st.hasNotResource()) continue;
            Node element = PolicyReader.member(st.node(), PolicyElement.NOT_RESOURCE, d).orElseThrow().value();
            String listed = st.notResources().isEmpty() ? "[]" : AllowedActions.quoted(st.notResources());
            String message = "NotResource " + listed + " in an Allow statement grants its actions on every other resource,"
                    + " other applications' buckets and buckets created later included";
            if (d.has(Quirk.NOT_RESOURCE_IGNORED) && !bucketPolicy) {
                message += "; " + d.displayName() + " ignores NotResource in identity policies, "
                        + (st.hasResource() && !st.resources().isEmpty()
                                ? "so the statement applies to its Resource " + AllowedActions.resources(st) + " alone"
                                : "and rejects the policy because the statement has no Resource");
            }
            ctx.report(element.span(), element.pointer(), message);
        }
    }
}
