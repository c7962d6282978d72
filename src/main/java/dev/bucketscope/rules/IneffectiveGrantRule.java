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
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reports Allow Action values whose actions no Resource of the statement can ever match (an action
 * checked against buckets next to object-only resources), and Resource values no action of the
 * statement is checked against. Both are usually a misunderstanding that leaves a permission missing.
 */
public final class IneffectiveGrantRule implements PolicyRule {
    /** Resources described in a message; a statement may list thousands. */
    private static final int SHOWN = 3;

    @Override
    public void check(PolicyContext ctx) {
        if (ctx.policy().isEmpty()) return;
        Dialect d = ctx.dialect();
        for (Statement st : ctx.policy().get().statements()) {
            if (!StatementGrants.judged(st) || st.resources().isEmpty() || StatementGrants.resourceSkipped(d, st)) continue;
            List<ResourceReach> reaches = st.resources().stream().map(r -> ResourceReach.of(r.text(), d)).collect(Collectors.toList());
            // Which levels some Resource reaches, once per statement: a statement may list thousands.
            Set<ActionLevel> reachable = java.util.EnumSet.noneOf(ActionLevel.class);
            for (ActionLevel l : ActionLevel.values()) {
                if (reaches.stream().anyMatch(r -> StatementGrants.reaches(l, r))) reachable.add(l);
            }
            List<String> described = new java.util.ArrayList<>();
            for (int i = 0; i < Math.min(SHOWN, st.resources().size()); i++) {
                described.add(StatementGrants.quote(st.resources().get(i).text()) + " " + StatementGrants.describe(reaches.get(i)));
            }
            String seen = AllowedActions.names(described, SHOWN);
            int hidden = st.resources().size() - described.size();
            if (hidden > 0) seen += " and " + hidden + " more";
            for (Value v : st.actions()) {
                if (v.text().equals("*") || v.text().endsWith(":*")) continue; // a family star surely applies somewhere
                List<ActionInfo> granted = d.expand(v.text()).stream().filter(a -> a.family() == ActionFamily.S3).collect(Collectors.toList());
                if (granted.isEmpty() || granted.stream().anyMatch(a -> reachable.contains(a.level()))) continue;
                String why = granted.size() == 1
                        ? "it is checked against " + target(granted.get(0).level(), st) + ", and no Resource of this statement matches "
                                + kind(granted.get(0).level(), true)
                        : "none of the " + granted.size() + " actions it grants is checked against what this statement's Resources match";
                ctx.report(v.span(), v.pointer(), StatementGrants.quote(v.text()) + " never applies here: " + why + " on " + d.displayName() + " (" + seen + ")");
            }
            Set<ActionInfo> all = StatementGrants.s3Actions(d, st.actions());
            if (all.isEmpty()) continue;
            Set<ActionLevel> levels = all.stream().map(ActionInfo::level).collect(Collectors.toSet());
            for (int i = 0; i < st.resources().size(); i++) {
                ResourceReach r = reaches.get(i);
                if (!(r.bucketLevel() || r.objectLevel() || r.noBucket())) continue; // invalid-resource reports it
                if (levels.stream().anyMatch(l -> StatementGrants.reaches(l, r))) continue;
                Value res = st.resources().get(i);
                ctx.report(res.span(), res.pointer(), StatementGrants.quote(res.text()) + " is never used: it "
                        + StatementGrants.describe(r) + " on " + d.displayName() + ", and every action of this statement is checked against "
                        + levels.stream().sorted().map(l -> kind(l, false)).collect(Collectors.joining(" or ")));
            }
        }
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
