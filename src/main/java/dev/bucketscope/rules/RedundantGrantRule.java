package dev.bucketscope.rules;

import dev.bucketscope.core.PolicyContext;
import dev.bucketscope.core.PolicyRule;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.policy.Statement;
import dev.bucketscope.policy.Value;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reports what an Allow statement or policy says twice: an Action value another value of the
 * statement already grants, a Resource value another already matches, and a whole statement
 * another grants. The covered (later) one is reported, so each redundancy appears once.
 */
public final class RedundantGrantRule implements PolicyRule {
    @Override
    public void check(PolicyContext ctx) {
        if (ctx.policy().isEmpty()) return;
        Dialect d = ctx.dialect();
        List<Statement> statements = ctx.policy().get().statements();
        for (Statement st : statements) {
            if (!StatementGrants.judged(st)) continue;
            List<Value> actions = st.actions();
            for (int i = 0; i < actions.size(); i++) {
                Set<String> mine = StatementGrants.names(d, actions.get(i).text());
                for (int j = 0; j < actions.size() && !mine.isEmpty(); j++) {
                    Set<String> theirs = StatementGrants.names(d, actions.get(j).text());
                    if (j == i || !theirs.containsAll(mine) || theirs.size() == mine.size() && j > i) continue;
                    Value v = actions.get(i);
                    ctx.report(v.span(), v.pointer(), StatementGrants.quote(v.text()) + " is redundant: "
                            + StatementGrants.quote(actions.get(j).text()) + (v.text().equals(actions.get(j).text()) ? " is listed earlier in this statement"
                                    : theirs.size() == mine.size() ? " earlier in this statement grants the same" : " in this statement already grants it"));
                    break;
                }
            }
            List<Value> resources = st.resources();
            for (int i = 0; i < resources.size(); i++) {
                Optional<String> mine = StatementGrants.pattern(d, resources.get(i).text());
                for (int j = 0; j < resources.size() && mine.isPresent(); j++) {
                    Optional<String> theirs = StatementGrants.pattern(d, resources.get(j).text());
                    if (j == i || theirs.isEmpty() || !StatementGrants.includes(theirs.get(), mine.get()).orElse(false)) continue;
                    boolean same = StatementGrants.includes(mine.get(), theirs.get()).orElse(false);
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
        for (Statement st : statements) {
            if (!StatementGrants.comparableWhole(d, st)) continue;
            for (Statement other : statements) {
                if (other == st || !StatementGrants.comparableWhole(d, other) || !StatementGrants.covers(d, other, st) || StatementGrants.covers(d, st, other) && other.index() > st.index()) continue;
                ctx.report(st.span(), st.pointer(), "Statement " + StatementGrants.quote(st.label()) + " is redundant: statement "
                        + StatementGrants.quote(other.label()) + " grants every action it grants on every resource it names",
                        List.of(ctx.related(other.span(), other.pointer(), "covering statement")));
                break;
            }
        }
    }
}
