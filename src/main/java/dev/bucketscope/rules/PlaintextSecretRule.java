package dev.bucketscope.rules;

import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.core.InventoryRule;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.inventory.Credentials;
import dev.bucketscope.inventory.CredentialsFile;
import java.util.List;
import java.util.Optional;

/**
 * Reports a component's secret key that sits in the credentials file in plain text, not as a SOPS
 * {@code ENC[...]} value, on the value's position. The message names the key, never the value.
 */
public final class PlaintextSecretRule implements InventoryRule {

    @Override
    public void check(InventoryContext ctx) {
        Optional<CredentialsFile> file = ctx.readableCredentials();
        Optional<Credentials> names = ctx.inventory().credentials();
        if (file.isEmpty() || names.isEmpty()) return;
        String unencrypted = file.get().sopsMetadata() ? ""
                : "; the file has no sops: metadata, so it was never encrypted with SOPS";
        for (Component c : ctx.inventory().components()) {
            Optional<CredentialsFile.Entry> secret = file.get().find(Credentials.keyNames(names.get().secretKeyTemplate(), c.id()));
            if (secret.isEmpty() || secret.get().encrypted() || secret.get().empty()) continue;
            CredentialsFile.Entry e = secret.get();
            ctx.report(file.get().file(), e.valueSpan(), e.pointer(), e.key() + " is not encrypted with SOPS (value not shown)"
                    + unencrypted, c, List.of());
        }
    }
}
