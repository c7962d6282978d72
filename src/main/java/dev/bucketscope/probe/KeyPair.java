package dev.bucketscope.probe;

import dev.bucketscope.inventory.SecretValue;

/** A component's access key and secret, and where they came from ("file cluster.yaml", "environment"). */
public record KeyPair(String component, String accessKey, SecretValue secret, String source) {
    @Override
    public String toString() {
        return "KeyPair[" + component + " from " + source + "]";
    }
}
