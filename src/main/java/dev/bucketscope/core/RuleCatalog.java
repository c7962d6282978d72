package dev.bucketscope.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules a run knows, in catalogue order, each joined with its documentation. The list is
 * explicit (no classpath scanning): adding a rule means adding it to the list that builds this.
 */
public final class RuleCatalog {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** A rule with its metadata. */
    public record Entry(Rule rule, RuleMeta meta) {}

    public RuleCatalog(List<Rule> rules) {
        for (Rule r : rules) {
            if (entries.containsKey(r.id())) throw new IllegalArgumentException("rule listed twice: " + r.id());
            entries.put(r.id(), new Entry(r, RuleDocs.load(r.id())));
        }
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(new ArrayList<>(entries.values()));
    }

    public Optional<Entry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    public List<String> ids() {
        return List.copyOf(entries.keySet());
    }
}
