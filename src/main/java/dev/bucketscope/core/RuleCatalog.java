package dev.bucketscope.core;

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
    private volatile List<Entry> list;

    /** A rule with its metadata. */
    public record Entry(Rule rule, RuleMeta meta) {}

    public RuleCatalog(List<Rule> rules) {
        for (Rule r : rules) {
            if (entries.containsKey(r.id())) throw new IllegalArgumentException("rule listed twice: " + r.id());
            entries.put(r.id(), new Entry(r, RuleDocs.load(r.id())));
        }
    }

    public List<Entry> entries() {
        // The catalogue is fixed once built; the list is asked for per linted document.
        if (list == null) list = List.copyOf(entries.values());
        return list;
    }

    public Optional<Entry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    public List<String> ids() {
        return List.copyOf(entries.keySet());
    }
}
