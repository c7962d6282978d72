package dev.bucketscope.rules;

import dev.bucketscope.core.Finding;
import dev.bucketscope.core.PolicyContext;
import dev.bucketscope.core.PolicyRule;
import dev.bucketscope.source.Problem;
import dev.bucketscope.source.Span;
import java.util.ArrayList;
import java.util.List;

/** Reports files that are not valid JSON in UTF-8, and duplicate keys (which servers read differently). */
public final class InvalidJsonRule implements PolicyRule {
    @Override
    public void check(PolicyContext ctx) {
        for (Problem p : ctx.problems()) {
            List<Finding.Related> related = new ArrayList<>();
            for (Span s : p.related()) related.add(ctx.related(s, p.pointer(), "first occurrence"));
            ctx.report(p.span(), p.pointer(), p.message(), related);
        }
    }
}
