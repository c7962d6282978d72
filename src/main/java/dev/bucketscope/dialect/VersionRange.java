package dev.bucketscope.dialect;

import java.util.Optional;

/**
 * A set of RustFS versions as written in the data files: {@code *} (all), {@code -} (none),
 * {@code <X}, {@code >=X} or {@code >=X <Y}. Bounds are half-open so that a change that lands at tag
 * X reads {@code >=X} where it is present and {@code <X} where it was still absent.
 */
record VersionRange(boolean empty, RustfsVersion from, RustfsVersion until) {

    static final VersionRange ALL = new VersionRange(false, null, null);
    static final VersionRange NONE = new VersionRange(true, null, null);

    /** Parses the data-file syntax; empty for a malformed range. */
    static Optional<VersionRange> parse(String text) {
        String t = text.strip();
        if (t.equals("*")) {
            return Optional.of(ALL);
        }
        if (t.equals("-")) {
            return Optional.of(NONE);
        }
        RustfsVersion from = null;
        RustfsVersion until = null;
        // Split on runs of spaces by hand: String.split(" +") compiles a regular expression.
        java.util.List<String> parts = new java.util.ArrayList<>(2);
        for (int i = 0; i < t.length(); ) {
            int end = t.indexOf(' ', i);
            if (end < 0) end = t.length();
            if (end > i) parts.add(t.substring(i, end));
            i = end + 1;
        }
        for (String part : parts) {
            if (part.startsWith(">=") && from == null && until == null) {
                from = RustfsVersion.parse(part.substring(2)).orElse(null);
                if (from == null) {
                    return Optional.empty();
                }
            } else if (part.startsWith("<") && until == null) {
                until = RustfsVersion.parse(part.substring(1)).orElse(null);
                if (until == null) {
                    return Optional.empty();
                }
            } else {
                return Optional.empty();
            }
        }
        if (from == null && until == null || from != null && until != null && !from.isBefore(until)) {
            return Optional.empty();
        }
        return Optional.of(new VersionRange(false, from, until));
    }

    boolean contains(RustfsVersion v) {
        if (empty) {
            return false;
        }
        return (from == null || v.compareTo(from) >= 0) && (until == null || v.isBefore(until));
    }

    /** The first version in the range, when the range starts after the oldest described version. */
    Optional<RustfsVersion> lowerBound() {
        return Optional.ofNullable(from);
    }

    Optional<RustfsVersion> upperBound() {
        return Optional.ofNullable(until);
    }
}
