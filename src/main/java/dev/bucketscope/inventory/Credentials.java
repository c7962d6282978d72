package dev.bucketscope.inventory;

import dev.bucketscope.policy.Value;

/** Where the components' keys live: a file in the cluster.yaml shape, and the key-name templates. */
public record Credentials(Value file, String accessKeyTemplate, String secretKeyTemplate) {
    public static final String DEFAULT_ACCESS = "{component}_s3_access_key";
    public static final String DEFAULT_SECRET = "{component}_s3_secret_key";

    /** The key names to look up for a component: the template as written, then with '-' as '_'. */
    public static java.util.List<String> keyNames(String template, String component) {
        String plain = template.replace("{component}", component);
        String underscored = template.replace("{component}", component.replace('-', '_'));
        return plain.equals(underscored) ? java.util.List.of(plain) : java.util.List.of(plain, underscored);
    }
}
