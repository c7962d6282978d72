package dev.bucketscope.rules;

import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.core.InventoryRule;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.inventory.Credentials;
import dev.bucketscope.inventory.CredentialsFile;
import dev.bucketscope.policy.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports components that share a user (explicit or defaulted), a policy file or an access key:
 * one finding per later component, naming the first one it shares with. Access keys are compared
 * by {@link CredentialsFile#sameValue} and named by their key names; values are never shown.
 */
public final class SharedCredentialsRule implements InventoryRule {

    @Override
    public void check(InventoryContext ctx) {
        Map<String, Component> users = new LinkedHashMap<>();
        Map<String, Component> policies = new LinkedHashMap<>();
        // Keys seen so far, by the hash of their value, each list in inventory order: a key is
        // compared with the earlier keys of equal hash only, not with all of them (2,000
        // components made 2 million comparisons).
        Map<Integer, List<Map.Entry<Component, CredentialsFile.Entry>>> keys = new HashMap<>();
        Optional<CredentialsFile> creds = ctx.readableCredentials();
        Optional<Credentials> names = ctx.inventory().credentials();
        // One component at a time, in a method C1 compiles: see dev.bucketscope.core.ComponentRule.
        for (Component c : ctx.inventory().components()) component(ctx, c, users, policies, keys, creds, names);
    }

    private static void component(InventoryContext ctx, Component c, Map<String, Component> users, Map<String, Component> policies,
                                  Map<Integer, List<Map.Entry<Component, CredentialsFile.Entry>>> keys, Optional<CredentialsFile> creds,
                                  Optional<Credentials> names) {
        Value user = c.user();
        Component first = users.putIfAbsent(user.text(), c);
        if (first != null) {
            ctx.reportInventory(user.span(), user.pointer(), "component '" + c.id() + "' uses user '" + user.text()
                    + "'" + (user.pointer().endsWith("/user") ? "" : " (its default)") + ", as does component '"
                    + first.id() + "': one service account per application", Optional.of(c));
        }
        if (c.policy().isPresent()) {
            Value policy = c.policy().get();
            String file = ctx.policyName(c).orElse(policy.text());
            Component owner = policies.putIfAbsent(file, c);
            if (owner != null) {
                ctx.reportInventory(policy.span(), policy.pointer(), "component '" + c.id() + "' shares policy '"
                        + policy.text() + "' with component '" + owner.id() + "': one policy per application", Optional.of(c));
            }
        }
        if (creds.isEmpty() || names.isEmpty()) return;
        Optional<CredentialsFile.Entry> key = creds.get().find(Credentials.keyNames(names.get().accessKeyTemplate(), c.id()));
        if (key.isEmpty()) return;
        List<Map.Entry<Component, CredentialsFile.Entry>> sameHash = keys.get(key.get().valueHash());
        if (sameHash == null) keys.put(key.get().valueHash(), sameHash = new ArrayList<>());
        for (Map.Entry<Component, CredentialsFile.Entry> earlier : sameHash) {
            if (!creds.get().sameValue(earlier.getValue(), key.get())) continue;
            ctx.report(creds.get().file(), key.get().valueSpan(), key.get().pointer(), earlier.getValue().key() + " and "
                    + key.get().key() + " hold the same value: components '" + earlier.getKey().id() + "' and '" + c.id()
                    + "' share an access key", c, List.of(ctx.related(creds.get().file(), earlier.getValue().valueSpan(),
                    earlier.getValue().pointer(), earlier.getValue().key() + " of component '" + earlier.getKey().id() + "'")));
            break;
        }
        sameHash.add(Map.entry(c, key.get()));
    }
}
