package dev.bucketscope.probe;

import dev.bucketscope.inventory.Component;
import dev.bucketscope.inventory.Credentials;
import dev.bucketscope.inventory.CredentialsFile;
import dev.bucketscope.inventory.Inventory;
import dev.bucketscope.inventory.SecretValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds each component's key pair: the environment ({@code BUCKETSCOPE_<COMPONENT>_ACCESS_KEY} and
 * {@code _SECRET_KEY}, the name upper-cased with '-' as '_') wins; otherwise the credentials file
 * (cluster.yaml shape) with the inventory's key templates. Messages name keys and files, never values.
 */
public final class CredentialSource {
    private CredentialSource() {}

    public record Resolved(List<KeyPair> pairs, List<String> notices) {}

    public static String envPrefix(String component) {
        return "BUCKETSCOPE_" + component.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_";
    }

    public static Resolved resolve(Inventory inv, Optional<CredentialsFile> file, Map<String, String> env) {
        List<KeyPair> pairs = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        String accessTemplate = inv.credentials().map(Credentials::accessKeyTemplate).orElse(Credentials.DEFAULT_ACCESS);
        String secretTemplate = inv.credentials().map(Credentials::secretKeyTemplate).orElse(Credentials.DEFAULT_SECRET);
        for (Component c : inv.components()) {
            String prefix = envPrefix(c.id());
            String ak = env.get(prefix + "ACCESS_KEY");
            String sk = env.get(prefix + "SECRET_KEY");
            if (ak != null && !ak.isEmpty() && sk != null && !sk.isEmpty()) {
                pairs.add(new KeyPair(c.id(), ak, new SecretValue(sk), "environment"));
                continue;
            }
            if (file.isEmpty() || !file.get().readable()) {
                notices.add("component '" + c.id() + "': no credentials (set " + prefix + "ACCESS_KEY and " + prefix
                        + "SECRET_KEY, or give --credentials FILE); skipped");
                continue;
            }
            CredentialsFile f = file.get();
            var a = f.find(Credentials.keyNames(accessTemplate, c.id()));
            var s = f.find(Credentials.keyNames(secretTemplate, c.id()));
            if (a.isEmpty() || s.isEmpty()) {
                notices.add("component '" + c.id() + "': " + f.file() + " has no "
                        + (a.isEmpty() ? Credentials.keyNames(accessTemplate, c.id()).get(0) : Credentials.keyNames(secretTemplate, c.id()).get(0))
                        + "; skipped");
                continue;
            }
            if (a.get().encrypted() || s.get().encrypted()) {
                notices.add("component '" + c.id() + "': its keys in " + f.file()
                        + " are SOPS-encrypted (pipe the decrypted file: sops -d FILE | bucketscope probe --credentials -); skipped");
                continue;
            }
            Optional<SecretValue> access = f.secret(a.get());
            Optional<SecretValue> secret = f.secret(s.get());
            if (access.isEmpty() || secret.isEmpty()) {
                notices.add("component '" + c.id() + "': an empty key in " + f.file() + "; skipped");
                continue;
            }
            pairs.add(new KeyPair(c.id(), access.get().revealForSigning(), secret.get(), f.file()));
        }
        return new Resolved(pairs, notices);
    }
}
