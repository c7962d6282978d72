package dev.bucketscope.dialect;

import java.util.Locale;
import java.util.Optional;

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

    /**
     * The forms {@link #parse} accepts, as a regular expression (the tests hold the parser to it):
     * full "1.0.0-alpha.78" (tags carry no "v", except v1.0.0-beta.1, so accept one), or short
     * "alpha.78". Read by hand, not with java.util.regex: compiling the pattern (and the first
     * lambda it makes) was 8 ms of the inventory's prescan, which the policy phase waits for.
     */
    static final String FORMS = "v?(\\d{1,6})\\.(\\d{1,6})\\.(\\d{1,6})(?:-(alpha|beta|rc)\\.(\\d{1,6}))?|(alpha|beta|rc)\\.(\\d{1,6})";

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
        int[] at = {0};
        Stage shortStage = stage(text, at);
        if (shortStage != null) { // "alpha.78"
            int number = dotNumber(text, at);
            return number >= 0 && at[0] == text.length()
                    ? Optional.of(new RustfsVersion(1, 0, 0, shortStage, number)) : Optional.empty();
        }
        if (text.startsWith("v")) at[0] = 1;
        int major = number(text, at);
        int minor = major < 0 ? -1 : dotNumber(text, at);
        int patch = minor < 0 ? -1 : dotNumber(text, at);
        if (patch < 0) return Optional.empty();
        if (at[0] == text.length()) return Optional.of(new RustfsVersion(major, minor, patch, Stage.RELEASE, 0));
        if (text.charAt(at[0]) != '-') return Optional.empty();
        at[0]++;
        Stage stage = stage(text, at);
        int number = stage == null ? -1 : dotNumber(text, at);
        return number >= 0 && at[0] == text.length()
                ? Optional.of(new RustfsVersion(major, minor, patch, stage, number)) : Optional.empty();
    }

    /** The pre-release stage named at {@code at[0]}, moving past it; null (not moving) when none is. */
    private static Stage stage(String text, int[] at) {
        for (Stage st : PRE_RELEASE) {
            String name = st.name().toLowerCase(Locale.ROOT);
            if (text.startsWith(name, at[0])) {
                at[0] += name.length();
                return st;
            }
        }
        return null;
    }

    private static final Stage[] PRE_RELEASE = {Stage.ALPHA, Stage.BETA, Stage.RC};

    /** {@link #number} after a '.', or -1. */
    private static int dotNumber(String text, int[] at) {
        if (at[0] >= text.length() || text.charAt(at[0]) != '.') return -1;
        at[0]++;
        return number(text, at);
    }

    /** One to six ASCII digits at {@code at[0]}, moving past them; -1 when there are none or more. */
    private static int number(String text, int[] at) {
        int start = at[0];
        int end = start;
        while (end < text.length() && end - start <= 6 && text.charAt(end) >= '0' && text.charAt(end) <= '9') end++;
        if (end == start || end - start > 6) return -1;
        at[0] = end;
        return Integer.parseInt(text, start, end, 10);
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
