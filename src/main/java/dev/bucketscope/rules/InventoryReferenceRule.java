package dev.bucketscope.rules;

import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.core.InventoryRule;
import dev.bucketscope.inventory.AcceptedException;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.inventory.Credentials;
import dev.bucketscope.inventory.CredentialsFile;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.policy.Value;
import java.util.Optional;

/**
 * Reports what the inventory points at but cannot be used: a policy or credentials file that is
 * missing or outside the inventory's directory, a component without a policy, a policy file that is
 * no policy, an exception naming an unknown component or rule. The credentials file's read problems
 * are quoted by position and kind only: their messages never carry the file's text.
 */
public final class InventoryReferenceRule implements InventoryRule {

    @Override
    public void check(InventoryContext ctx) {
        for (Component c : ctx.inventory().components()) {
            Optional<Component> about = Optional.of(c);
            if (c.policy().isEmpty()) {
                ctx.reportInventory(c.name().span(), c.name().pointer(), "component '" + c.id() + "' names no policy", about);
                continue;
            }
            Value policy = c.policy().get();
            Optional<String> problem = ctx.fileProblem(c.id());
            Optional<PolicyFile> read = ctx.policy(c);
            if (problem.isPresent()) {
                ctx.reportInventory(policy.span(), policy.pointer(), "policy '" + policy.text() + "' " + problem.get(), about);
            } else if (read.isEmpty() || read.get().policy().isEmpty()) {
                ctx.reportInventory(policy.span(), policy.pointer(), "policy '" + policy.text()
                        + "' could not be read as a policy (invalid-json says why)", about);
            }
        }
        if (ctx.inventory().credentials().isPresent()) credentials(ctx, ctx.inventory().credentials().get());
        for (AcceptedException e : ctx.inventory().exceptions()) {
            if (ctx.inventory().component(e.component().text()).isEmpty()) {
                ctx.reportInventory(e.component().span(), e.component().pointer(), "exception names component '"
                        + e.component().text() + "', which the inventory does not declare", Optional.empty());
            }
            if (!ctx.knownRuleIds().contains(e.rule().text())) {
                ctx.reportInventory(e.rule().span(), e.rule().pointer(), "exception names rule '" + e.rule().text()
                        + "', which does not exist; 'bucketscope rules' lists them", Optional.empty());
            }
        }
    }

    private static void credentials(InventoryContext ctx, Credentials cr) {
        Value file = cr.file();
        Optional<String> problem = ctx.fileProblem(InventoryContext.CREDENTIALS);
        if (problem.isPresent()) {
            ctx.reportInventory(file.span(), file.pointer(), "credentials file '" + file.text() + "' " + problem.get(), Optional.empty());
            return;
        }
        Optional<CredentialsFile> read = ctx.credentials();
        if (read.isEmpty() || read.get().problems().isEmpty() && read.get().readable()) return;
        // The first problem, if any (no stream: no lambda on a lint run's path, see core.Parallel's Daemon).
        var problems = read.get().problems();
        String why = problems.isEmpty() ? "" : " (line " + problems.get(0).span().line() + ", column " + problems.get(0).span().column()
                + ": " + problems.get(0).message() + ")";
        String what = read.get().readable() ? "' has a problem" + why : "' could not be read" + why + "; its secrets are not checked";
        ctx.reportInventory(file.span(), file.pointer(), "credentials file '" + file.text() + what, Optional.empty());
    }
}
