package dev.bucketscope.core;

import java.util.Locale;
import java.util.Optional;

/** Finding severities, with SARIF's words; ordered from most to least severe. {@code OFF} disables a rule. */
public enum Severity {
    ERROR, WARNING, NOTE, OFF;

    // Made once: every finding of a report asks for its severity's word (18,000 lower-casings a
    // 10,000-policy text report, 2 ms of its single-threaded end).
    private final String word = name().toLowerCase(Locale.ROOT);

    public String word() {
        return word;
    }

    /** True when this severity is at or above the threshold (ERROR is above WARNING). */
    public boolean atLeast(Severity threshold) {
        return this != OFF && threshold != OFF && ordinal() <= threshold.ordinal();
    }

    public static Optional<Severity> parse(String word) {
        for (Severity s : values()) {
            if (s.word().equals(word.trim().toLowerCase(Locale.ROOT))) return Optional.of(s);
        }
        return Optional.empty();
    }
}
