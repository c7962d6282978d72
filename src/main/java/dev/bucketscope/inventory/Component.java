package dev.bucketscope.inventory;

import dev.bucketscope.policy.Value;
import dev.bucketscope.source.FrozenList;
import dev.bucketscope.source.Span;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** The names of the buckets it declares (a new set each call). */
    public Set<String> bucketNames() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < buckets.size(); i++) names.add(buckets.get(i).name());
        return names;
    }
}
