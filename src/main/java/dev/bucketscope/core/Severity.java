package dev.bucketscope.core;

import java.util.Locale;
import java.util.Optional;

/** Finding severities, with SARIF's words; ordered from most to least severe. {@code OFF} disables a rule. */
public enum Severity {
    ERROR, WARNING, NOTE, OFF;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
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
