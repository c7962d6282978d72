package dev.bucketscope.rules;

import dev.bucketscope.core.PolicyContext;
import dev.bucketscope.core.PolicyRule;
import dev.bucketscope.dialect.ActionInfo;
import dev.bucketscope.dialect.ActionLevel;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.glob.Glob;
import dev.bucketscope.policy.Statement;
import dev.bucketscope.policy.Value;
import java.util.List;

/**
 * Reports Allow Resource values whose bucket part starts with a wildcard ({@code *},
 * {@code arn:aws:s3:::*-logs}): they reach buckets of every application, present and future.
 * Statements whose actions are all global (ListAllMyBuckets) need such a resource and are skipped.
 */
public final class WildcardResourceRule implements PolicyRule {
    private static final String S3_ARN = "arn:aws:s3:::";

    @Override
    public void check(PolicyContext ctx) {
        List<Statement> statements = AllowedActions.statements(ctx);
        for (int i = 0; i < statements.size(); i++) {
            Statement st = statements.get(i);
            if (onlyGlobal(st, ctx.dialect())) continue;
            List<Value> resources = st.resources();
            for (int k = 0; k < resources.size(); k++) { // indexed: C1 allocates an iterator for a for-each
                Value v = resources.get(k);
                if (!wildBucket(v.text())) continue; // the usual value, decided without cutting it up
                String bucket = bucketPart(v.text());
                String what = v.text().length() > S3_ARN.length() + bucket.length() ? "the objects of " : "";
                String reach = Glob.starsOnly(bucket)
                        ? "reaches " + what + "every bucket on the server"
                        : "reaches " + what + "every bucket whose name matches '" + bucket + "', whatever it starts with";
                ctx.report(v.span(), v.pointer(), "Resource '" + v.text() + "' " + reach
                        + ": other applications' buckets and buckets created later included");
            }
        }
    }

    /** Whether the value's bucket part ({@link #bucketPart}) starts with a wildcard. */
    private static boolean wildBucket(String value) {
        if (value.equals("*")) return true;
        if (!value.startsWith(S3_ARN) || value.length() == S3_ARN.length()) return false;
        char c = value.charAt(S3_ARN.length());
        return c == '*' || c == '?';
    }

    /** The bucket part of a resource value: up to the first '/', or null for values that are no S3 ARN. */
    private static String bucketPart(String value) {
        if (value.equals("*")) return "*";
        if (!value.startsWith(S3_ARN)) return null;
        String rest = value.substring(S3_ARN.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** True when every action the statement grants is checked against no bucket (NotAction never is). */
    private static boolean onlyGlobal(Statement st, Dialect d) {
        if (st.hasNotAction()) return false;
        for (Value v : st.actions()) {
            for (ActionInfo a : d.expand(v.text())) if (a.level() != ActionLevel.GLOBAL) return false;
        }
        return true;
    }
}
