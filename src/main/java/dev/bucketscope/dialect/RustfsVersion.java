package dev.bucketscope.dialect;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A RustFS release tag such as {@code 1.0.0-alpha.78}. Ordered as releases are: by major, minor and
 * patch, then alpha &lt; beta &lt; rc &lt; release, then the numeric pre-release number (so alpha.9 &lt;
 * alpha.78 &lt; alpha.100).
 *
 * @param number the pre-release number; 0 for {@link Stage#RELEASE}
 */
public record RustfsVersion(int major, int minor, int patch, Stage stage, int number)
        implements Comparable<RustfsVersion> {

    /** Pre-release stage; declaration order is release order. */
    public enum Stage { ALPHA, BETA, RC, RELEASE }

    /** The newest version whose rules the reference describes. */
    public static final RustfsVersion NEWEST_KNOWN = new RustfsVersion(1, 0, 0, Stage.RC, 3);

    /** The oldest version the reference describes; older versions are linted with its rules. */
    public static final RustfsVersion OLDEST_DESCRIBED = new RustfsVersion(1, 0, 0, Stage.ALPHA, 78);

    // Full form "1.0.0-alpha.78" (tags carry no "v", except v1.0.0-beta.1, so accept one), or short "alpha.78".
    private static final Pattern FULL =
            Pattern.compile("v?(\\d{1,6})\\.(\\d{1,6})\\.(\\d{1,6})(?:-(alpha|beta|rc)\\.(\\d{1,6}))?");
    private static final Pattern SHORT = Pattern.compile("(alpha|beta|rc)\\.(\\d{1,6})");

    public RustfsVersion {
        if (major < 0 || minor < 0 || patch < 0 || number < 0 || stage == null) {
            throw new IllegalArgumentException("invalid RustFS version");
        }
        if (stage == Stage.RELEASE && number != 0) {
            throw new IllegalArgumentException("a release has no pre-release number");
        }
    }

    /** Parses a full or short version, ignoring case; empty for anything else. */
    public static Optional<RustfsVersion> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String text = s.strip().toLowerCase(Locale.ROOT);
        Matcher full = FULL.matcher(text);
        if (full.matches()) {
            int major = Integer.parseInt(full.group(1));
            int minor = Integer.parseInt(full.group(2));
            int patch = Integer.parseInt(full.group(3));
            if (full.group(4) == null) {
                return Optional.of(new RustfsVersion(major, minor, patch, Stage.RELEASE, 0));
            }
            return Optional.of(new RustfsVersion(major, minor, patch, stage(full.group(4)),
                    Integer.parseInt(full.group(5))));
        }
        Matcher shortForm = SHORT.matcher(text);
        if (shortForm.matches()) {
            return Optional.of(new RustfsVersion(1, 0, 0, stage(shortForm.group(1)),
                    Integer.parseInt(shortForm.group(2))));
        }
        return Optional.empty();
    }

    private static Stage stage(String name) {
        return Stage.valueOf(name.toUpperCase(Locale.ROOT));
    }

    @Override
    public int compareTo(RustfsVersion other) {
        // Written out rather than a Comparator chain: no lambda bootstrap on the start-up path.
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, other.patch);
        }
        if (c == 0) {
            c = stage.compareTo(other.stage);
        }
        return c != 0 ? c : Integer.compare(number, other.number);
    }

    public boolean isBefore(RustfsVersion other) {
        return compareTo(other) < 0;
    }

    /** Canonical form, e.g. {@code 1.0.0-alpha.78} or {@code 1.0.0}. */
    @Override
    public String toString() {
        String base = major + "." + minor + "." + patch;
        return stage == Stage.RELEASE ? base : base + "-" + stage.name().toLowerCase(Locale.ROOT) + "." + number;
    }
}
