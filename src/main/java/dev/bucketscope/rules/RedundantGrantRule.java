package dev.bucketscope.rules;

import dev.bucketscope.core.PolicyContext;
import dev.bucketscope.core.PolicyRule;
import dev.bucketscope.dialect.ActionInfo;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.glob.PatternAlgebra;
import dev.bucketscope.policy.Statement;
import dev.bucketscope.policy.Value;
import dev.bucketscope.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reports what an Allow statement or policy says twice: an Action value another value of the
 * statement already grants, a Resource value another already matches, and a whole statement
 * another grants. The covered (later) one is reported, so each redundancy appears once.
 *
 * <p>The comparisons are pairwise, so they are bounded: at most {@link StatementGrants#MAX_COMPARED}
 * values of an element or statements of a policy are compared (past it one note says what was not
 * checked), and all pattern questions of a document share one work budget.
 */
public final class RedundantGrantRule implements PolicyRule {
    /** See {@link #distinctActions}, {@link #distinctLiterals} and {@link StatementGrants.Patterns}: false to compare every pair with the pattern algebra (for the test that compares both). */
    private final boolean shortcuts;

    public RedundantGrantRule() {
        this(true);
    }

    RedundantGrantRule(boolean shortcuts) {
        this.shortcuts = shortcuts;
    }

    @Override
    public void check(PolicyContext ctx) {
        if (ctx.policy().isEmpty()) return;
        Dialect d = ctx.dialect();
        PatternAlgebra.Budget budget = StatementGrants.budget();
        StatementGrants.Patterns patterns = new StatementGrants.Patterns(shortcuts);
        List<Statement> statements = ctx.policy().get().statements();
        for (Statement st : statements) {
            if (!StatementGrants.judged(st)) continue;
            List<Value> actions = st.actions();
            if (tooMany(ctx, actions, "Action")) continue;
            // One value has nothing to be redundant with, nor have values naming one action each,
            // all different (the usual list): most statements' names are not needed.
            boolean pairs = actions.size() > 1 && !(shortcuts && distinctActions(d, actions));
            List<Set<String>> names = new ArrayList<>(pairs ? actions.size() : 0);
            if (pairs) for (Value v : actions) names.add(StatementGrants.names(d, v.text()));
            for (int i = 0; i < actions.size() && pairs; i++) {
                Set<String> mine = names.get(i);
                for (int j = 0; j < actions.size() && !mine.isEmpty(); j++) {
                    Set<String> theirs = names.get(j);
                    if (j == i || !theirs.containsAll(mine) || theirs.size() == mine.size() && j > i) continue;
                    Value v = actions.get(i);
                    ctx.report(v.span(), v.pointer(), StatementGrants.quote(v.text()) + " is redundant: "
                            + StatementGrants.quote(actions.get(j).text()) + (v.text().equals(actions.get(j).text()) ? " is listed earlier in this statement"
                                    : theirs.size() == mine.size() ? " earlier in this statement grants the same" : " in this statement already grants it"));
                    break;
                }
            }
            List<Value> resources = st.resources();
            if (tooMany(ctx, resources, "Resource")) continue;
            boolean compared = resources.size() > 1 && !(shortcuts && distinctLiterals(d, resources, budget));
            int[] shapes = new int[compared ? resources.size() : 0];
            List<Optional<String>> values = compared ? StatementGrants.patterns(d, resources, shapes) : List.of();
            for (int i = 0; i < resources.size() && compared; i++) {
                Optional<String> mine = values.get(i);
                for (int j = 0; j < resources.size() && mine.isPresent(); j++) {
                    Optional<String> theirs = values.get(j);
                    if (j == i || theirs.isEmpty() || !patterns.includes(theirs.get(), shapes[j], mine.get(), shapes[i], budget).orElse(false)) continue;
                    boolean same = patterns.includes(mine.get(), shapes[i], theirs.get(), shapes[j], budget).orElse(false);
                    if (same && j > i) continue;
                    Value r = resources.get(i);
                    String why = r.text().equals(resources.get(j).text()) ? " is listed earlier in this statement" : same ? " earlier in this statement matches exactly the same resources"
                            : " in this statement already matches everything it matches"
                                    + (mine.get().contains("/") && !theirs.get().contains("/") ? " ('*' also matches '/', so it covers the objects too)" : "");
                    ctx.report(r.span(), r.pointer(), StatementGrants.quote(r.text()) + " is redundant: "
                            + StatementGrants.quote(resources.get(j).text()) + why);
                    break;
                }
            }
        }
        List<Statement> comparable = new ArrayList<>();
        for (Statement st : statements) {
            if (StatementGrants.comparableWhole(d, st)) comparable.add(st);
        }
        if (comparable.size() < 2) return; // a statement alone covers no other
        if (comparable.size() > StatementGrants.MAX_COMPARED) {
            Statement first = statements.get(0);
            ctx.report(first.span(), first.pointer(), "this policy has " + comparable.size() + " Allow statements to compare, more than the "
                    + StatementGrants.MAX_COMPARED + " compared pairwise; redundant statements are not checked");
            return;
        }
        List<StatementGrants.Whole> wholes = new ArrayList<>(comparable.size());
        for (Statement st : comparable) wholes.add(StatementGrants.Whole.of(d, st, patterns));
        for (StatementGrants.Whole st : wholes) {
            for (StatementGrants.Whole other : wholes) {
                if (other == st || !StatementGrants.covers(other, st, budget)
                        || StatementGrants.covers(st, other, budget) && other.statement().index() > st.statement().index()) continue;
                Statement s = st.statement();
                Statement o = other.statement();
                ctx.report(s.span(), s.pointer(), "Statement " + StatementGrants.quote(s.label()) + " is redundant: statement "
                        + StatementGrants.quote(o.label()) + " grants every action it grants on every resource it names",
                        List.of(ctx.related(o.span(), o.pointer(), "covering statement")));
                break;
            }
        }
    }

    /**
     * Whether each Action value names at most one action, and no two name the same one. Then no
     * value's actions include another's (each is one action or none), so comparing them pairwise
     * would find nothing: the statement's names are not made.
     */
    private static boolean distinctActions(Dialect d, List<Value> actions) {
        ActionInfo[] seen = new ActionInfo[actions.size()];
        for (int i = 0; i < actions.size(); i++) {
            List<ActionInfo> expanded = d.expand(actions.get(i).text());
            if (expanded.size() > 1) return false;
            if (expanded.isEmpty()) continue;
            ActionInfo a = expanded.get(0);
            for (int j = 0; j < i; j++) if (seen[j] != null && seen[j].name().equals(a.name())) return false;
            seen[i] = a;
        }
        return true;
    }

    /**
     * Whether the Resource values are all different, ASCII and free of wildcards. Such a pattern
     * matches only itself (its UTF-8 is its chars), so none includes another and comparing them
     * pairwise would find nothing: they are not compiled, and the document's budget is charged
     * what those comparisons would have cost, so that later questions get the same answers.
     */
    private static boolean distinctLiterals(Dialect d, List<Value> resources, PatternAlgebra.Budget budget) {
        int[] lengths = new int[resources.size()];
        for (int i = 0; i < resources.size(); i++) {
            String v = resources.get(i).text();
            if (StatementGrants.Patterns.shape(v) != StatementGrants.Patterns.LITERAL) return false; // ASCII, no wildcard
            for (int j = 0; j < i; j++) if (resources.get(j).text().equals(v)) return false;
            lengths[i] = StatementGrants.patternLength(d, v); // -1, no pattern: never compared
        }
        // The questions the pairwise loop would ask, in its order: each value against each other.
        for (int i = 0; i < lengths.length; i++) {
            for (int j = 0; j < lengths.length && lengths[i] >= 0; j++) {
                if (j != i && lengths[j] >= 0) budget.spendAsAsked(lengths[j], lengths[i]);
            }
        }
        return true;
    }

    /** Reports once, on the first value, when an element has too many values to compare pairwise. */
    private static boolean tooMany(PolicyContext ctx, List<Value> values, String element) {
        if (values.size() <= StatementGrants.MAX_COMPARED) return false;
        Span at = values.get(0).span();
        ctx.report(at, values.get(0).pointer(), "this " + element + " has " + values.size() + " values, more than the "
                + StatementGrants.MAX_COMPARED + " compared pairwise; redundant values are not checked");
        return true;
    }
}
