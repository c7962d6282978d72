package dev.bucketscope.inventory;

/**
 * An anchored regex made only of one-character atoms with quantifiers, such as
 * {@code ^[a-z0-9][a-z0-9._-]*$} (the inventory schema's patterns are all of this kind), matched
 * without {@code java.util.regex}. A run checks such a pattern on thousands of names; through the
 * regex engine that was a matcher each, and dozens of the engine's methods to interpret and then
 * compile. Anything else (groups, alternation, negated classes, escapes such as {@code \d},
 * lazy or possessive quantifiers, a pattern without both anchors) is not simple: {@link #of}
 * returns null and the caller uses {@code java.util.regex}. {@code SimplePatternTest} holds the
 * answers to the regex engine's.
 *
 * <p>Matching runs the pattern as a small automaton: the positions between atoms that the text
 * read so far can end at, as a bit mask, one step per char. Text with a line terminator is not
 * asked about (the caller leaves it to the regex engine, whose {@code $} treats one specially).
 */
final class SimplePattern {
    private static final int ONCE = 0;
    private static final int OPTIONAL = 1;
    private static final int ANY_NUMBER = 2;
    /** Positions fit a {@code long} mask. */
    private static final int MAX_STEPS = 62;

    /** Per step, the ASCII chars it accepts (two 64-bit halves) and how often it may occur. */
    private final long[] low;
    private final long[] high;
    private final int[] kind;

    private SimplePattern(long[] low, long[] high, int[] kind) {
        this.low = low;
        this.high = high;
        this.kind = kind;
    }

    /** The pattern as steps, or null when it is not simple. */
    static SimplePattern of(String regex) {
        if (regex.length() < 2 || regex.charAt(0) != '^' || regex.charAt(regex.length() - 1) != '$') return null;
        int end = regex.length() - 1;
        if (regex.charAt(end - 1) == '\\') return null; // "\$": a literal dollar, not the anchor
        long[] low = new long[MAX_STEPS];
        long[] high = new long[MAX_STEPS];
        int[] kind = new int[MAX_STEPS];
        int steps = 0;
        int i = 1;
        while (i < end) {
            long lo = 0;
            long hi = 0;
            char c = regex.charAt(i);
            if (c == '[') {
                int close = regex.indexOf(']', i + 1);
                if (close < 0 || close == i + 1 || close > end) return null;
                long[] set = charClass(regex, i + 1, close);
                if (set == null) return null;
                lo = set[0];
                hi = set[1];
                i = close + 1;
            } else if (c == '\\') {
                if (i + 1 >= end || ".-*+?()[]{}|^$\\/".indexOf(regex.charAt(i + 1)) < 0) return null;
                char lit = regex.charAt(i + 1);
                if (lit < 64) lo = 1L << lit; else hi = 1L << (lit - 64);
                i += 2;
            } else if (literal(c)) {
                if (c < 64) lo = 1L << c; else hi = 1L << (c - 64);
                i++;
            } else {
                return null;
            }
            // The quantifier, if any: * + ? {n} {n,} {n,m}
            int min = 1;
            int max = 1; // -1: no upper bound
            if (i < end) {
                char q = regex.charAt(i);
                if (q == '*') { min = 0; max = -1; i++; }
                else if (q == '+') { min = 1; max = -1; i++; }
                else if (q == '?') { min = 0; max = 1; i++; }
                else if (q == '{') {
                    int closeBrace = regex.indexOf('}', i);
                    if (closeBrace < 0 || closeBrace >= end) return null;
                    int[] bounds = bounds(regex.substring(i + 1, closeBrace));
                    if (bounds == null) return null;
                    min = bounds[0];
                    max = bounds[1];
                    i = closeBrace + 1;
                }
                if (i < end && (regex.charAt(i) == '?' || regex.charAt(i) == '+' || regex.charAt(i) == '*' || regex.charAt(i) == '{')) {
                    return null; // lazy, possessive or stacked quantifiers
                }
            }
            int add = max < 0 ? min + 1 : max;
            if (steps + add > MAX_STEPS) return null;
            for (int k = 0; k < min; k++) steps = step(low, high, kind, steps, lo, hi, ONCE);
            if (max < 0) steps = step(low, high, kind, steps, lo, hi, ANY_NUMBER);
            else for (int k = min; k < max; k++) steps = step(low, high, kind, steps, lo, hi, OPTIONAL);
        }
        return new SimplePattern(java.util.Arrays.copyOf(low, steps), java.util.Arrays.copyOf(high, steps),
                java.util.Arrays.copyOf(kind, steps));
    }

    private static int step(long[] low, long[] high, int[] kind, int at, long lo, long hi, int k) {
        low[at] = lo;
        high[at] = hi;
        kind[at] = k;
        return at + 1;
    }

    /** Chars that stand for themselves outside a class (letters, digits, and punctuation with no regex meaning). */
    private static boolean literal(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-_:/@,=!%&~'\"<>;`".indexOf(c) >= 0;
    }

    /** The class {@code regex[from, to)} (between its brackets) as two masks, or null when not simple. */
    private static long[] charClass(String regex, int from, int to) {
        long lo = 0;
        long hi = 0;
        if (regex.charAt(from) == '^') return null; // negated
        for (int i = from; i < to; i++) {
            char c = regex.charAt(i);
            if (c == '\\' || c == '[' || c == '&' || c >= 128 || c < 32) return null;
            char last = c;
            // A range "a-z"; a '-' first or last in the class is itself.
            if (i + 2 < to && regex.charAt(i + 1) == '-') {
                last = regex.charAt(i + 2);
                if (last == '\\' || last == '[' || last == '&' || last >= 128 || last < c) return null;
                i += 2;
            }
            for (char x = c; x <= last; x++) {
                if (x < 64) lo |= 1L << x; else hi |= 1L << (x - 64);
            }
        }
        return new long[] {lo, hi};
    }

    /** "n", "n," or "n,m" as {min, max} (max -1 for none), or null. */
    private static int[] bounds(String inside) {
        int comma = inside.indexOf(',');
        String a = comma < 0 ? inside : inside.substring(0, comma);
        String b = comma < 0 ? inside : inside.substring(comma + 1);
        if (!digits(a) || comma >= 0 && !b.isEmpty() && !digits(b) || a.length() > 2 || b.length() > 2) return null;
        int min = Integer.parseInt(a);
        int max = comma >= 0 && b.isEmpty() ? -1 : Integer.parseInt(b);
        if (max >= 0 && max < min) return null;
        return new int[] {min, max};
    }

    private static boolean digits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }

    /**
     * Whether {@code text} holds, from {@code from} on, a char {@code java.util.regex} treats as a
     * line terminator (its '.' does not match one, and its '$' matches before a final one).
     */
    static boolean hasLineTerminator(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') return true;
        }
        return false;
    }

    /** Whether the whole text matches (the caller has ruled out line terminators: {@link #hasLineTerminator}). */
    boolean matches(String text) {
        int n = kind.length;
        long at = closure(1L);
        for (int i = 0; i < text.length() && at != 0; i++) {
            char c = text.charAt(i);
            if (c >= 128) return false;
            long next = 0;
            for (int s = 0; s < n; s++) {
                if ((at & 1L << s) == 0 || !accepts(s, c)) continue;
                next |= kind[s] == ANY_NUMBER ? 1L << s : 1L << (s + 1);
            }
            at = closure(next);
        }
        return (at & 1L << n) != 0;
    }

    private boolean accepts(int step, char c) {
        return c < 64 ? (low[step] & 1L << c) != 0 : (high[step] & 1L << (c - 64)) != 0;
    }

    /** Adds the positions reached by skipping optional steps. */
    private long closure(long at) {
        for (int s = 0; s < kind.length; s++) {
            if ((at & 1L << s) != 0 && kind[s] != ONCE) at |= 1L << (s + 1);
        }
        return at;
    }
}
