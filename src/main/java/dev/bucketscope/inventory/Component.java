package dev.bucketscope.inventory;

import dev.bucketscope.policy.Value;
import dev.bucketscope.source.FrozenList;
import dev.bucketscope.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * An application as the inventory declares it. Defaulted values ({@code user}, {@code scope}) are
 * positioned on the component's name, where a reader would look for them.
 *
 * @param span the whole component entry: the related location of every finding about it
 * @param actions management actions it may have beyond its capabilities
 */
public record Component(Value name, Span span, String pointer, Optional<Value> namespace, Value user,
                        Optional<Value> policy, Value scope, boolean scopeDefaulted, List<BucketGrant> buckets,
                        List<Value> actions) {
    public Component {
        buckets = FrozenList.copyOf(buckets);
        actions = FrozenList.copyOf(actions);
    }

    public String id() {
        return name.text();
    }
}
