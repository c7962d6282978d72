package dev.bucketscope.rules;

import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.core.InventoryContext.ExceptionUse;
import dev.bucketscope.core.InventoryRule;
import dev.bucketscope.core.LintRun;
import dev.bucketscope.core.Severity;
import dev.bucketscope.inventory.AcceptedException;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.policy.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges the inventory's exceptions once they have been applied: past its expiry date (it no
 * longer suppresses anything), bound to a statement that changed or is gone, or unused (a note).
 * An exception of a component whose policy was not linted in this run (a commit hook given a few
 * files) is not called unused: there was nothing for it to suppress.
 */
public final class ExpiredExceptionRule implements InventoryRule {

    @Override
    public boolean judgesExceptions() {
        return true;
    }

    @Override
    public void check(InventoryContext ctx) {
        // The names of the files linted, gathered only when an unused exception asks: on a whole
        // repository that is 10,000 names, once per run, on the run's last single-threaded stretch.
        Set<String> linted = null;
        for (AcceptedException e : ctx.inventory().exceptions()) {
            Optional<Component> c = ctx.inventory().component(e.component().text());
            String what = "exception for " + e.rule().text() + " on " + e.component().text();
            if (e.expiryDate().isBefore(ctx.today())) {
                ctx.reportInventory(e.expires().span(), e.expires().pointer(), what + " expired on " + e.expires().text()
                        + "; it no longer suppresses anything", c);
                continue;
            }
            if (c.isEmpty() || !ctx.knownRuleIds().contains(e.rule().text())) continue; // inventory-reference says why
            Optional<PolicyFile> policy = ctx.policy(c.get());
            // No lambdas on a run's path (see core.Parallel's Daemon): plain ifs over the Optionals.
            String ref = e.statement().isPresent() ? e.statement().get().text() : "";
            switch (ctx.exceptionUses().getOrDefault(e, ExceptionUse.USED)) {
                case UNUSED -> {
                    if (policy.isPresent()) {
                        if (linted == null) linted = lintedFiles(ctx);
                        if (!linted.contains(policy.get().file())) continue;
                    }
                    ctx.reportInventory(e.span(), e.pointer(), what + " suppresses no finding; remove it", c, Severity.NOTE);
                }
                case STATEMENT_CHANGED -> {
                    Optional<Statement> st = policy.isPresent() ? LintRun.statement(policy.get(), ref) : Optional.empty();
                    String hash = st.isPresent() ? LintRun.statementHash(st.get()) : "?";
                    var at = e.statementHash().orElse(e.statement().orElseThrow());
                    ctx.reportInventory(at.span(), at.pointer(), "statement '" + ref + "' changed since the " + what
                            + " was accepted; its hash is now " + hash + "; review it and update statement-hash", c);
                }
                case STATEMENT_MISSING -> {
                    var at = e.statement().orElseThrow();
                    ctx.reportInventory(at.span(), at.pointer(), "statement '" + ref + "' of the " + what + " is not in "
                            + (policy.isPresent() ? policy.get().file() : "its policy") + "; the exception suppresses nothing", c);
                }
                case USED -> { }
            }
        }
    }

    private static Set<String> lintedFiles(InventoryContext ctx) {
        List<InventoryContext.Linted> files = ctx.policyFiles();
        Set<String> out = new HashSet<>(files.size() * 2);
        for (int i = 0; i < files.size(); i++) out.add(files.get(i).file());
        return out;
    }
}
