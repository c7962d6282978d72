package dev.bucketscope.glob;

import java.util.Arrays;
import java.util.Map;

/**
 * An immutable compiled wildcard pattern, with the semantics of MinIO's {@code pkg/wildcard}
 * (which RustFS ports byte for byte): matching is on UTF-8 bytes, {@code *} matches any run of
 * bytes (empty and {@code /} included), {@code ?} matches exactly one byte, there is no escaping,
 * and comparison is case-sensitive unless the glob was built with {@link #ofIgnoringCase}.
 *
 * <p>Internally the pattern is normalised: a run of {@code *} and {@code ?} becomes its {@code ?}s
 * followed by a single {@code *} if it held any star. The language is unchanged.
 */
public final class Glob {
    /** Token for {@code ?}; literal tokens are the byte values 0..255. */
    static final int ANY = -1;
    /** Token for {@code *}. */
    static final int STAR = -2;

    private final String pattern;
    private final boolean ignoreCase;
    private final int length;
    /**
     * Normalised tokens, made on first use for an ASCII pattern: most patterns are only ever
     * matched through {@link #simple}, and a policy's Resource values are compiled per document
     * (making tokens for each was most of compiling it). Volatile, as globs may be shared
     * between threads; two threads may both make them, equal either way.
     */
    private volatile int[] tokens;
    private final boolean literal;
    /**
     * For a case-sensitive ASCII pattern of the commonest shapes, what a name must equal or start
     * with: the whole pattern when it has no wildcard ({@link #PREFIX} false), or the text before
     * a single trailing {@code *} ("litellm-*", "*"); null for every other pattern. An ASCII
     * prefix is matched by a name's chars exactly as by its UTF-8 bytes.
     */
    private final String simple;
    private final boolean prefix;
    /** Case-sensitive and all ASCII: its tokens are its chars, its wildcard runs normalised. */
    private final boolean asciiExact;
    /** For an ASCII pattern, the index of its first and last wildcard chars (the length and -1 without one). */
    private final int firstWildcard;
    private final int lastWildcard;

    private Glob(String pattern, boolean ignoreCase) {
        this.pattern = pattern;
        this.ignoreCase = ignoreCase;
        // An ASCII pattern is its own UTF-8 and one token per char before normalising: its shape
        // is read off its chars. Any other is encoded and normalised now, as before.
        int firstWild = -1;
        int lastWild = -1;
        int firstNonStar = -1; // from firstWild on
        boolean ascii = true;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            if (c == '*' || c == '?') {
                if (firstWild < 0) firstWild = i;
                lastWild = i;
            }
            if (firstWild >= 0 && firstNonStar < 0 && c != '*') firstNonStar = i;
        }
        this.firstWildcard = firstWild < 0 ? pattern.length() : firstWild;
        this.lastWildcard = lastWild;
        if (ascii) {
            this.length = pattern.length();
            this.literal = firstWild < 0;
            // Normalised, the pattern ends in one star with only literals before it when its
            // wildcards are a single trailing run of stars (a '?' in the run becomes a token).
            this.prefix = firstWild >= 0 && firstNonStar < 0;
        } else {
            byte[] bytes = Bytes.utf8(pattern, ignoreCase);
            this.length = bytes.length;
            int[] t = normalise(bytes);
            this.tokens = t;
            boolean lit = true;
            for (int x : t) lit &= x >= 0;
            this.literal = lit;
            int last = t.length - 1;
            boolean prefixStar = last >= 0 && t[last] == STAR;
            for (int i = 0; i < last && prefixStar; i++) prefixStar = t[i] >= 0;
            this.prefix = prefixStar;
        }
        this.asciiExact = ascii && !ignoreCase;
        this.simple = !asciiExact ? null : literal ? pattern : prefix ? pattern.substring(0, firstWild) : null;
    }

    /** Whether the pattern is one or more stars and nothing else: it matches every name. */
    public static boolean starsOnly(String pattern) {
        if (pattern.isEmpty()) return false;
        for (int i = 0; i < pattern.length(); i++) if (pattern.charAt(i) != '*') return false;
        return true;
    }

    /**
     * {@link #of}, compiled once per pattern in the caller's {@code compiled} map (a rule or an
     * evaluator comparing the same few patterns many times). Get and put, not computeIfAbsent
     * with a method reference: see dev.bucketscope.core.PolicyRule.
     */
    public static Glob of(String pattern, Map<String, Glob> compiled) {
        Glob g = compiled.get(pattern);
        if (g == null) {
            g = of(pattern);
            compiled.put(pattern, g);
        }
        return g;
    }

    /** A case-sensitive glob, as MinIO and RustFS match resources and actions. */
    public static Glob of(String pattern) {
        return new Glob(requireNonNull(pattern), false);
    }

    /** An ASCII case-insensitive glob (pattern and names folded to lower case), as AWS matches actions. */
    public static Glob ofIgnoringCase(String pattern) {
        return new Glob(requireNonNull(pattern), true);
    }

    private static String requireNonNull(String pattern) {
        if (pattern == null) {
            throw new NullPointerException("pattern");
        }
        return pattern;
    }

    private static int[] normalise(byte[] bytes) {
        int[] out = new int[bytes.length];
        int n = 0;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b != '*' && b != '?') {
                out[n++] = b;
                i++;
                continue;
            }
            // A wildcard run: emit its '?'s first, then one '*' if it had any.
            boolean star = false;
            while (i < bytes.length && (bytes[i] == '*' || bytes[i] == '?')) {
                if (bytes[i] == '?') {
                    out[n++] = ANY;
                } else {
                    star = true;
                }
                i++;
            }
            if (star) {
                out[n++] = STAR;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The pattern as given (not folded, not normalised). */
    public String pattern() {
        return pattern;
    }

    /** Whether names are compared ignoring ASCII case. */
    public boolean ignoresCase() {
        return ignoreCase;
    }

    /** Whether {@code name} is matched, compared byte-wise on its UTF-8 encoding. */
    public boolean matches(String name) {
        if (simple != null) return prefix ? name.startsWith(simple) : name.equals(simple);
        // An ASCII name is its own UTF-8 encoding: matched on its chars, with no byte array per
        // call (encoding names was 3.6 % of a 10,000-policy run's CPU). GlobTest checks that both
        // ways give the same answers.
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) return matchesBytes(name);
        }
        return match(name, null, name.length());
    }

    /** {@link #matches} on the UTF-8 encoding: any name. */
    boolean matchesBytes(String name) {
        byte[] bytes = Bytes.utf8(name, ignoreCase);
        return match(null, bytes, bytes.length);
    }

    /**
     * The match itself, over the chars of an ASCII name or over the bytes of an encoded one.
     * Greedy scan; on mismatch retry from the last star with one more byte absorbed. Only the
     * last star matters: segments after it are matched at their leftmost position, which is
     * never worse than a later one. Worst case O(|name|·|pattern|), no recursion.
     */
    private boolean match(String ascii, byte[] bytes, int n) {
        int[] p = tokens();
        int pi = 0;
        int si = 0;
        int starP = -1;
        int starS = 0;
        while (si < n) {
            int c = bytes != null ? bytes[si] & 0xFF : ignoreCase ? Bytes.foldAscii(ascii.charAt(si)) : ascii.charAt(si);
            if (pi < p.length && p[pi] == STAR) {
                starP = pi++;
                starS = si;
            } else if (pi < p.length && (p[pi] == ANY || p[pi] == c)) {
                pi++;
                si++;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < p.length && p[pi] == STAR) {
            pi++;
        }
        return pi == p.length;
    }

    /** Whether the pattern has no wildcard, so it matches exactly one name. */
    public boolean isLiteral() {
        return literal;
    }

    /**
     * The part of the pattern before its first wildcard. For a case-insensitive glob this is folded
     * to lower case, since that is what names are compared against.
     */
    public String literalPrefix() {
        int end = 0;
        while (end < pattern.length() && pattern.charAt(end) != '*' && pattern.charAt(end) != '?') {
            end++;
        }
        String prefix = pattern.substring(0, end);
        return ignoreCase ? Bytes.foldAscii(prefix) : prefix;
    }

    /** Length of the pattern in UTF-8 bytes (as given, before normalisation). */
    public int length() {
        return length;
    }

    /** Whether {@link #pattern} can stand for the tokens: case-sensitive and all ASCII. */
    boolean asciiExact() {
        return asciiExact;
    }

    /** Index of the first '*' or '?' of an ASCII pattern, its length without one (see {@link #asciiExact}). */
    int firstWildcard() {
        return firstWildcard;
    }

    /** Index of the last '*' or '?' of an ASCII pattern, -1 without one (see {@link #asciiExact}). */
    int lastWildcard() {
        return lastWildcard;
    }

    /** Normalised tokens: byte values, {@link #ANY} or {@link #STAR}. Shared, do not modify. */
    int[] tokens() {
        int[] t = tokens;
        if (t == null) {
            t = normalise(Bytes.utf8(pattern, ignoreCase));
            tokens = t;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Glob g && g.ignoreCase == ignoreCase && g.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode() * 31 + (ignoreCase ? 1 : 0);
    }

    @Override
    public String toString() {
        return ignoreCase ? pattern + " (ignoring case)" : pattern;
    }
}
