package dev.bucketscope.rules;

import dev.bucketscope.core.PolicyContext;
import dev.bucketscope.core.PolicyRule;
import dev.bucketscope.dialect.ActionInfo;
import dev.bucketscope.dialect.ActionLevel;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.dialect.DialectKind;
import dev.bucketscope.dialect.Quirk;
import dev.bucketscope.eval.ResourceReach;
import dev.bucketscope.glob.PatternAlgebra;
import dev.bucketscope.policy.Statement;
import dev.bucketscope.policy.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports Allow resources such as {@code bucket/*} that, where wildcards see the raw request
 * {@code "bucket/"}, also match bucket-level calls and so grant the statement's bucket-level actions
 * on the bucket itself, unless another Resource of the statement already grants them there.
 */
public final class ObjectWildcardGrantsBucketRule implements PolicyRule {
    // Listed first because they destroy the bucket or hand it to someone else.
    private static final List<String> DANGEROUS = List.of("s3:DeleteBucket", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy");
    private static final int SHOWN = 5;

    @Override
    public void check(PolicyContext ctx) {
        Dialect d = ctx.dialect();
        if (!d.has(Quirk.RAW_WILDCARD_RESOURCE_MATCH) || d.kind() == DialectKind.AWS || ctx.policy().isEmpty()) return;
        Dialect fixed = Dialect.defaultDialect();
        PatternAlgebra.Budget budget = StatementGrants.budget();
        for (Statement st : ctx.policy().get().statements()) {
            if (!StatementGrants.judged(st) || StatementGrants.resourceSkipped(d, st)) continue;
            List<ActionInfo> bucketActions = dangerousFirst(StatementGrants.s3Actions(d, st.actions()));
            if (bucketActions.isEmpty()) continue;
            for (Value r : st.resources()) {
                if (!ResourceReach.of(r.text(), d).bucketLevel() || ResourceReach.of(r.text(), fixed).bucketLevel()) continue;
                if (alreadyGranted(st, r, fixed, budget)) continue;
                ctx.report(r.span(), r.pointer(), message(r.text(), d, bucketActions));
            }
        }
    }

    /**
     * The bucket-level actions among {@code actions}: the {@link #DANGEROUS} ones first, in that
     * list's order, then the rest as given (a stable sort by that place). Plain loops, no stream:
     * no lambda on a run's path (see core.Parallel's Daemon).
     */
    private static List<ActionInfo> dangerousFirst(java.util.Collection<ActionInfo> actions) {
        List<ActionInfo> out = new ArrayList<>();
        for (int place = 0; place <= DANGEROUS.size(); place++) {
            for (ActionInfo a : actions) {
                if (a.level() != ActionLevel.BUCKET) continue;
                int at = DANGEROUS.indexOf(a.name());
                if ((at < 0 ? DANGEROUS.size() : at) == place) out.add(a);
            }
        }
        return out;
    }

    /** Does another Resource that matches buckets by itself (not by the quirk) cover the buckets this one reaches? */
    private static boolean alreadyGranted(Statement st, Value r, Dialect fixed, PatternAlgebra.Budget budget) {
        String buckets = bucketsOf(r.text().substring(StatementGrants.S3_ARN.length()));
        for (Value other : st.resources()) {
            if (budget.exhausted()) return false;
            if (other == r || !other.text().startsWith(StatementGrants.S3_ARN)
                    || !ResourceReach.of(other.text(), fixed).bucketLevel()) continue;
            String pattern = other.text().substring(StatementGrants.S3_ARN.length());
            if (StatementGrants.includes(pattern, buckets, budget).orElse(false)) return true;
        }
        return false;
    }

    /** The bucket names a raw match reaches: {@code b/*} reaches bucket {@code b}, {@code *}{@code /*} every bucket. */
    private static String bucketsOf(String pattern) {
        String p = pattern;
        while (p.endsWith("*")) p = p.substring(0, p.length() - 1);
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : pattern;
    }

    private static String message(String value, Dialect d, List<ActionInfo> actions) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < Math.min(SHOWN, actions.size()); i++) names.add(actions.get(i).name());
        String list = String.join(", ", names) + (actions.size() > SHOWN ? " and " + (actions.size() - SHOWN) + " more" : "");
        String fix = d.kind() == DialectKind.MINIO ? "AWS and RustFS from 1.0.0-beta.6 do not" : "fixed in 1.0.0-beta.6";
        return StatementGrants.quote(value) + " also matches bucket-level requests on " + d.displayName()
                + ", so it grants " + list + " on the bucket itself (" + fix + ")";
    }
}
