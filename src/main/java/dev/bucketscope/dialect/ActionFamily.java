package dev.bucketscope.dialect;

import java.util.Optional;

/** The family of an action, chosen by the prefix before the colon. */
public enum ActionFamily {
    S3("s3:"), ADMIN("admin:"), KMS("kms:"), STS("sts:");

    private final String prefix;

    ActionFamily(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix including the colon, e.g. {@code "s3:"}. */
    public String prefix() {
        return prefix;
    }

    /** The family whose prefix starts {@code action}; prefixes are compared ignoring ASCII case. */
    public static Optional<ActionFamily> of(String action) {
        for (ActionFamily f : values()) {
            if (action.regionMatches(true, 0, f.prefix, 0, f.prefix.length())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
