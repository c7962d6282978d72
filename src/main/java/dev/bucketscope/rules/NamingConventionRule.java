package dev.bucketscope.rules;

import dev.bucketscope.core.ComponentRule;
import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.policy.Value;
import java.util.Optional;

/**
 * Reports a policy file not named {@code <component>-storage} (with or without {@code .json}) and an
 * explicit user not named {@code <component>-svc}: the setup pattern's names, which let a reviewer
 * match the server's users and policies to the inventory at a glance. A defaulted user always fits.
 */
public final class NamingConventionRule implements ComponentRule<Void> {

    @Override
    public void check(InventoryContext ctx, Component c, Void unused) {
        if (c.policy().isPresent()) {
            Value policy = c.policy().get();
            String path = policy.text();
            String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
            String expected = c.id() + "-storage";
            if (!name.equals(expected + ".json") && !name.equals(expected)) {
                ctx.reportInventory(policy.span(), policy.pointer(), "policy file '" + name + "' of component '" + c.id()
                        + "' is not named '" + expected + ".json' (the <component>-storage convention)", Optional.of(c));
            }
        }
        Value user = c.user();
        boolean explicit = user.pointer().endsWith("/user");
        if (explicit && !user.text().equals(c.id() + "-svc")) {
            ctx.reportInventory(user.span(), user.pointer(), "user '" + user.text() + "' of component '" + c.id()
                    + "' is not named '" + c.id() + "-svc' (the <component>-svc convention)", Optional.of(c));
        }
    }
}
