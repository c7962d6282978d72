package dev.bucketscope.rules;

import dev.bucketscope.core.PolicyContext;
import dev.bucketscope.core.PolicyRule;
import dev.bucketscope.dialect.ActionFamily;
import dev.bucketscope.dialect.ActionInfo;
import dev.bucketscope.dialect.ActionLevel;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.eval.ResourceReach;
import dev.bucketscope.policy.Statement;
import dev.bucketscope.policy.Value;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reports Allow Action values whose actions no Resource of the statement can ever match (an action
 * checked against buckets next to object-only resources), and Resource values no action of the
 * statement is checked against. Both are usually a misunderstanding that leaves a permission missing.
 */
public final class IneffectiveGrantRule implements PolicyRule {
    /** Resources described in a message; a statement may list thousands. */
    private static final int SHOWN = 3;
    /** values() copies its array on every call, and this is asked for every Resource value. */
    private static final ActionLevel[] LEVELS = ActionLevel.values();

    @Override
    public void check(PolicyContext ctx) {
        if (ctx.policy().isEmpty()) return;
        Dialect d = ctx.dialect();
        // Plain loops, no streams: this runs on every statement of a whole repository.
        List<Statement> statements = ctx.policy().get().statements();
        for (int n = 0; n < statements.size(); n++) {
            Statement st = statements.get(n);
            if (!StatementGrants.judged(st) || st.resources().isEmpty() || StatementGrants.resourceSkipped(d, st)) continue;
            List<Value> resources = st.resources();
            List<ResourceReach> reaches = new ArrayList<>(resources.size());
            // Which levels some Resource reaches, once per statement: a statement may list thousands.
            Set<ActionLevel> reachable = EnumSet.noneOf(ActionLevel.class);
            for (Value r : resources) {
                ResourceReach reach = ResourceReach.of(r.text(), d);
                reaches.add(reach);
                for (ActionLevel l : LEVELS) {
                    if (StatementGrants.reaches(l, reach)) reachable.add(l);
                }
            }
            Set<ActionLevel> levels = EnumSet.noneOf(ActionLevel.class);
            for (Value v : st.actions()) {
                List<ActionInfo> granted = d.expand(v.text());
                boolean applies = false;
                ActionInfo first = null;
                int s3 = 0;
                for (int k = 0; k < granted.size(); k++) {
                    ActionInfo a = granted.get(k);
                    if (a.family() != ActionFamily.S3) continue;
                    if (first == null) first = a;
                    s3++;
                    levels.add(a.level());
                    applies |= reachable.contains(a.level());
                }
                if (v.text().equals("*") || v.text().endsWith(":*")) continue; // a family star surely applies somewhere
                if (first == null || applies) continue;
                String why = s3 == 1
                        ? "it is checked against " + target(first.level(), st) + ", and no Resource of this statement matches "
                                + kind(first.level(), true)
                        : "none of the " + s3 + " actions it grants is checked against what this statement's Resources match";
                ctx.report(v.span(), v.pointer(), StatementGrants.quote(v.text()) + " never applies here: " + why + " on "
                        + d.displayName() + " (" + seen(st, reaches) + ")");
            }
            if (levels.isEmpty()) continue;
            for (int i = 0; i < resources.size(); i++) {
                ResourceReach r = reaches.get(i);
                if (!(r.bucketLevel() || r.objectLevel() || r.noBucket())) continue; // invalid-resource reports it
                boolean used = false;
                for (ActionLevel l : levels) used |= StatementGrants.reaches(l, r);
                if (used) continue;
                Value res = resources.get(i);
                List<String> kinds = new ArrayList<>();
                for (ActionLevel l : levels) kinds.add(kind(l, false)); // EnumSet iterates in declaration order
                ctx.report(res.span(), res.pointer(), StatementGrants.quote(res.text()) + " is never used: it "
                        + StatementGrants.describe(r) + " on " + d.displayName() + ", and every action of this statement is checked against "
                        + String.join(" or ", kinds));
            }
        }
    }

    /** What the first few Resources match, for a message: built only when there is one to write. */
    private static String seen(Statement st, List<ResourceReach> reaches) {
        List<String> described = new ArrayList<>();
        for (int i = 0; i < Math.min(SHOWN, st.resources().size()); i++) {
            described.add(StatementGrants.quote(st.resources().get(i).text()) + " " + StatementGrants.describe(reaches.get(i)));
        }
        String seen = AllowedActions.names(described, SHOWN);
        int hidden = st.resources().size() - described.size();
        return hidden > 0 ? seen + " and " + hidden + " more" : seen;
    }

    private static String target(ActionLevel level, Statement st) {
        String first = st.resources().get(0).text();
        String bucket = first.startsWith(StatementGrants.S3_ARN) ? first.substring(StatementGrants.S3_ARN.length()).split("/", 2)[0] : "";
        if (bucket.isEmpty() || bucket.contains("*") || bucket.contains("?")) bucket = "BUCKET";
        return switch (level) {
            case BUCKET -> "the bucket (" + StatementGrants.S3_ARN + bucket + ")";
            case OBJECT -> "objects (" + StatementGrants.S3_ARN + bucket + "/KEY)";
            case GLOBAL -> "no bucket at all (arn:aws:s3:::*)";
        };
    }

    private static String kind(ActionLevel level, boolean singular) {
        return switch (level) {
            case BUCKET -> singular ? "a bucket" : "buckets";
            case OBJECT -> singular ? "an object" : "objects";
            case GLOBAL -> "requests on no bucket";
        };
    }
}
