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
    /** The entries in order, listed once: the catalogue is fixed once built, and asked for per linted document. */
    private final List<Entry> list;

    /** A rule with its metadata. */
    public record Entry(Rule rule, RuleMeta meta) {}

    public RuleCatalog(List<Rule> rules) {
        for (Rule r : rules) {
            if (entries.containsKey(r.id())) throw new IllegalArgumentException("rule listed twice: " + r.id());
            entries.put(r.id(), new Entry(r, RuleDocs.load(r.id())));
        }
        list = List.copyOf(entries.values());
    }

    public List<Entry> entries() {
        return list;
    }

    public Optional<Entry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    public List<String> ids() {
        return List.copyOf(entries.keySet());
    }
}
