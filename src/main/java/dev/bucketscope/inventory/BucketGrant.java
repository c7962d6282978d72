package dev.bucketscope.inventory;

import dev.bucketscope.dialect.Capability;
import dev.bucketscope.policy.Value;
import java.util.Set;

/**
 * One declared bucket of a component and what the component may do on it.
 *
 * @param bucket the bucket name, positioned on its key in the inventory
 * @param access the declared access as written ("read-write", or the list), positioned on the value
 */
public record BucketGrant(Value bucket, Set<Capability> capabilities, Value access) {
    public BucketGrant {
        capabilities = Set.copyOf(capabilities);
    }

    public String name() {
        return bucket.text();
    }
}
