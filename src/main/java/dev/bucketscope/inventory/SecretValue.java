package dev.bucketscope.inventory;

/**
 * A secret read from a credentials file or the environment, for signing requests and nothing
 * else. It never prints: {@link #toString} is redacted, and the value leaves only through
 * {@link #revealForSigning}, which the probe calls when it builds a signer.
 */
public final class SecretValue {
    private final String value;

    public SecretValue(String value) {
        this.value = value == null ? "" : value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** The plain value, for a request signer only. Never log, print or put it in a message. */
    public String revealForSigning() {
        return value;
    }

    @Override
    public String toString() {
        return "SecretValue[redacted]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretValue s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
