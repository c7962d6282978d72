package dev.bucketscope.rules;

import dev.bucketscope.core.ComponentRule;
import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.inventory.Credentials;
import dev.bucketscope.inventory.CredentialsFile;
import java.util.List;
import java.util.Optional;

/**
 * Reports a component's secret key that sits in the credentials file in plain text, not as a SOPS
 * {@code ENC[...]} value, on the value's position. The message names the key, never the value.
 */
public final class PlaintextSecretRule implements ComponentRule<Void> {

    @Override
    public void check(InventoryContext ctx, Component c, Void unused) {
        Optional<CredentialsFile> file = ctx.readableCredentials();
        Optional<Credentials> names = ctx.inventory().credentials();
        if (file.isEmpty() || names.isEmpty()) return;
        Optional<CredentialsFile.Entry> secret = file.get().find(Credentials.keyNames(names.get().secretKeyTemplate(), c.id()));
        if (secret.isEmpty() || secret.get().encrypted() || secret.get().empty()) return;
        CredentialsFile.Entry e = secret.get();
        String unencrypted = file.get().sopsMetadata() ? ""
                : "; the file has no sops: metadata, so it was never encrypted with SOPS";
        ctx.report(file.get().file(), e.valueSpan(), e.pointer(), e.key() + " is not encrypted with SOPS (value not shown)"
                + unencrypted, c, List.of());
    }
}
