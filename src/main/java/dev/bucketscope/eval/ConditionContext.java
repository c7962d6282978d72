package dev.bucketscope.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The request values conditions are tested against, keyed by full key name ("aws:SourceIp").
 * A key that is absent is absent: operators treat that case differently (see ConditionEvaluator).
 */
public record ConditionContext(Map<String, List<String>> values) {
    public static final ConditionContext EMPTY = new ConditionContext(Map.of());

    public ConditionContext {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : values.entrySet()) copy.put(e.getKey(), List.copyOf(e.getValue()));
        values = Map.copyOf(copy);
    }

    /** Values for a key, compared exactly or, for AWS, ignoring ASCII case of the key name. */
    public Optional<List<String>> get(String key, boolean ignoreCase) {
        List<String> v = values.get(key);
        if (v != null || !ignoreCase) return Optional.ofNullable(v);
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) return Optional.of(e.getValue());
        }
        return Optional.empty();
    }
}
