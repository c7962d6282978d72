package dev.bucketscope.glob;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exact decisions about the languages of two {@link Glob}s: whether some name is matched by both
 * ({@link #intersects}) and whether every name one matches is matched by the other
 * ({@link #includes}). Nothing is sampled; each "no" comes with a concrete name as evidence.
 *
 * <h2>Intersection</h2>
 * Breadth-first search over the product of the two patterns' position automata, so O(|a|·|b|)
 * time and memory; the witness is a shortest common name. States dominated by one with a later
 * star (see below) are skipped, which keeps star-heavy pairs near-linear.
 *
 * <h2>Inclusion</h2>
 * To show L(b) ⊄ L(a) it suffices to look at names built from b's literal bytes with every byte
 * produced by one of b's wildcards replaced by a fresh byte {@code #} that occurs nowhere in a: if
 * w ∈ L(b) \ L(a), the same w with b's wildcard bytes replaced by {@code #} is still in L(b), and a
 * match of a on it would also match w, because only a's {@code ?} and {@code *} can consume a
 * {@code #}, and they consume the original byte just as well. The search therefore walks b's
 * automaton (its {@code ?} and {@code *} only ever emit {@code #}) in lock-step with the subset
 * construction of a's automaton, built on the fly, and stops at the first state where b has ended
 * and the subset holds no accepting position of a. Memoising (position in b, subset) makes each
 * star of b try only as many {@code #}s as produce new subsets — at most q+1 matter, q being the
 * number of {@code ?} in a, since past that a star of a must absorb part of the run. The search
 * is breadth-first, so the counterexample is a shortest one.
 *
 * <p>Subsets are pruned by domination: when a subset holds a star position j of a, positions
 * before j are dropped, because any suffix accepted from an earlier position is accepted from j
 * (the star absorbs the difference). For patterns with no {@code ?} after a {@code *} a pruned
 * subset is then determined by the last star reached and a KMP-like state in the literal segment
 * after it, so there are at most O(|a|²) subsets and the search is polynomial. With {@code ?}
 * after stars, determinisation can blow up exponentially (think {@code *a??????????}), so:
 *
 * <h2>Budgets</h2>
 * Patterns longer than {@link #MAX_PATTERN_BYTES} are refused up front. The inclusion search
 * visits at most {@link #MAX_STATES} (b-position, subset) states and touches at most
 * {@link #MAX_WORK} subset elements; past either it throws {@link PatternTooComplexException}.
 * Each state costs one subset step of O(|a|), so time is O(MAX_STATES·|a|) (hence within the
 * O(|b|·MAX_STATES·|a|) bound), in practice capped by MAX_WORK, well under a second.
 *
 * <p>Both globs must share their case mode; case-insensitive globs are compared on their folded
 * (lower-case) form, so witnesses come back in lower case.
 */
public final class PatternAlgebra {
    private PatternAlgebra() {}

    /** Longest pattern (UTF-8 bytes) the algebra accepts. */
    public static final int MAX_PATTERN_BYTES = 4096;

    /** Most (b-position, subset) states one inclusion check may visit. */
    public static final int MAX_STATES = 200_000;

    /** Most subset elements one inclusion check may read or build (bounds time and memory). */
    public static final long MAX_WORK = 50_000_000L;

    /** Stands for b's wildcard bytes during the inclusion search; never equals a literal. */
    private static final int HASH = 256;

    /** Preferred filler bytes for wildcard positions, most readable first. */
    private static final String FILLERS = "xyzqjkwv0123456789abcdefghilmnoprstu";

    /** Returns a shortest name matched by both globs, or empty if their languages are disjoint. */
    public static Optional<String> witnessIn(Glob a, Glob b) {
        check(a, b);
        // A literal (case-sensitive ASCII) pattern names one string: the only possible witness.
        // The access maps ask this of every Allow pattern naming one bucket, 'b' against 'b/?*'.
        if (a.asciiExact() && b.asciiExact()) {
            if (a.isLiteral()) return b.matches(a.pattern()) ? Optional.of(a.pattern()) : Optional.empty();
            if (b.isLiteral()) return a.matches(b.pattern()) ? Optional.of(b.pattern()) : Optional.empty();
        }
        int[] p = a.tokens();
        int[] q = b.tokens();
        int w = q.length + 1;
        if (!endsAgree(p, q)) {
            // In linear time: the usual answer for unrelated names, and it spares the quadratic
            // search its worst case (two stars)
            return Optional.empty();
        }
        int filler = filler(p, q, false);
        ProductSearch search = new ProductSearch(p, q);
        int end = search.run();
        if (end < 0) {
            return Optional.empty();
        }
        // Walk the recorded edges back from the accepting state to the start.
        byte[] out = new byte[p.length + q.length];
        int len = 0;
        int i = end / w;
        int j = end % w;
        while (true) {
            int how = search.how[i * w + j];
            if (how == ProductSearch.START) {
                break;
            } else if (how == ProductSearch.EPS_A) {
                i--;
            } else if (how == ProductSearch.EPS_B) {
                j--;
            } else {
                int pi = i - (how & 1);
                int pj = j - ((how >> 1) & 1);
                int c = p[pi] >= 0 ? p[pi] : q[pj] >= 0 ? q[pj] : filler;
                out[len++] = (byte) c;
                i = pi;
                j = pj;
            }
        }
        reverse(out, len);
        return Optional.of(Bytes.string(out, len));
    }

    /**
     * Whether some name is matched by both globs. When both contain a star this takes linear time:
     * see {@link #endsAgree}.
     */
    public static boolean intersects(Glob a, Glob b) {
        check(a, b);
        if (hasStar(a.tokens()) && hasStar(b.tokens())) {
            return endsAgree(a.tokens(), b.tokens());
        }
        return witnessIn(a, b).isPresent();
    }

    /**
     * Whether the patterns agree where both are defined before their first star (P1, P2) and
     * after their last (S1, S2), a {@code ?} agreeing with anything. Necessary for any two
     * patterns: those tokens consume fixed positions from the start and from the end, so every
     * common name starts with both prefixes and ends with both suffixes. Sufficient when both
     * contain a star, P1*M1*S1 and P2*M2*S2: P + M1 + M2 + S (P the longer prefix, S the longer
     * suffix, wildcards filled in) is matched by each, its first star taking the other pattern's
     * prefix remainder and middle, its last star the other's middle and suffix remainder.
     */
    private static boolean endsAgree(int[] p, int[] q) {
        int prefix = Math.min(firstStar(p), firstStar(q));
        for (int k = 0; k < prefix; k++) {
            if (!compatible(p[k], q[k])) {
                return false;
            }
        }
        int suffix = Math.min(p.length - 1 - lastStar(p), q.length - 1 - lastStar(q));
        for (int k = 1; k <= suffix; k++) {
            if (!compatible(p[p.length - k], q[q.length - k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean compatible(int x, int y) {
        return x == Glob.ANY || y == Glob.ANY || x == y;
    }

    private static boolean hasStar(int[] tokens) {
        return firstStar(tokens) < tokens.length;
    }

    private static int firstStar(int[] tokens) {
        int k = 0;
        while (k < tokens.length && tokens[k] != Glob.STAR) {
            k++;
        }
        return k;
    }

    private static int lastStar(int[] tokens) {
        int k = tokens.length - 1;
        while (k >= 0 && tokens[k] != Glob.STAR) {
            k--;
        }
        return k;
    }

    /**
     * Returns a shortest name matched by {@code b} but not by {@code a}, or empty when every name
     * {@code b} matches is also matched by {@code a}.
     *
     * @throws PatternTooComplexException when a pattern is too long or the search exceeds its budget
     */
    public static Optional<String> counterexample(Glob a, Glob b) {
        check(a, b);
        if (quickIncludes(a, b) == TRUE) {
            return Optional.empty();
        }
        int filler = filler(a.tokens(), new int[0], a.ignoresCase());
        InclusionSearch search = new InclusionSearch(a, b, MAX_WORK);
        int found = search.run();
        if (found < 0) {
            return Optional.empty();
        }
        byte[] out = new byte[search.depthBound(found)];
        int len = 0;
        for (int node = found; node >= 0; node = search.parent[node]) {
            int c = search.emitted[node];
            if (c >= 0) {
                out[len++] = (byte) (c == HASH ? filler : c);
            }
        }
        reverse(out, len);
        return Optional.of(Bytes.string(out, len));
    }

    /** Whether every name matched by {@code b} is also matched by {@code a}. */
    public static boolean includes(Glob a, Glob b) {
        check(a, b);
        int quick = quickIncludes(a, b);
        return quick == UNKNOWN ? new InclusionSearch(a, b, MAX_WORK).run() < 0 : quick == TRUE;
    }

    static final int FALSE = 0;
    static final int TRUE = 1;
    static final int UNKNOWN = 2;

    /**
     * Decides inclusion in linear time for the shapes real policies use, before any search.
     * Let Pa, Pb be the literal tokens before each pattern's first wildcard and Sa, Sb those after
     * its last one.
     * <ul>
     * <li>b literal: L(b) is one name, so the answer is whether a matches it.</li>
     * <li>Pa must be a prefix of Pb (and Sa a suffix of Sb): otherwise, at the first position
     * where they differ or where b has a wildcard while a still has a literal, b's wildcard (or
     * literal) yields a byte a's literal rejects, and a name of b through that byte is no name of a.</li>
     * <li>a literal and b not: b matches at least two names, a exactly one.</li>
     * <li>a = Pa* (one star, last): every name of b starts with Pb, hence with Pa: included.
     * Likewise a = *Sa.</li>
     * <li>Case-sensitive ASCII patterns where a has more of some literal char than b: see
     * {@link #literalsOutnumber}.</li>
     * </ul>
     * Anything else is left to the search ({@code UNKNOWN}).
     */
    static int quickIncludes(Glob a, Glob b) {
        boolean ascii = a.asciiExact() && b.asciiExact();
        int quick = ascii ? quickIncludesAscii(a, b) : quickIncludesTokens(a, b);
        return quick == UNKNOWN && ascii && literalsOutnumber(a.pattern(), b.pattern()) ? FALSE : quick;
    }

    /**
     * Whether some literal char (not '*' or '?') occurs more often in pattern {@code p} than among
     * the literal chars of {@code q}. Then {@code q} is not included in {@code p}: its name with
     * every star empty and every '?' another char has fewer of that char than any name of
     * {@code p}. This decides the question redundant-grant asks most that the rest leaves open,
     * {@code x-*}/* against {@code x-*} (a '/' more): 1,700 searches on 10,000 policies.
     * O(|p| (|p| + |q|)), no allocation.
     */
    static boolean literalsOutnumber(String p, String q) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' || c == '?' || p.indexOf(c) < i) continue; // each char counted once, at its first place
            if (count(p, c) > count(q, c)) return true;
        }
        return false;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }

    /**
     * {@link #quickIncludes} on the patterns' chars, for case-sensitive ASCII patterns: their
     * tokens are their chars with each run of wildcards normalised, which moves no literal, so
     * the literal ends and wildcard positions are read off the chars without making the tokens
     * (redundant-grant asks this of every pair of a statement's Resource values).
     */
    static int quickIncludesAscii(Glob a, Glob b) {
        String p = a.pattern();
        String q = b.pattern();
        int fa = a.firstWildcard();
        int fb = b.firstWildcard();
        if (fb == q.length()) {
            return a.matches(q) ? TRUE : FALSE;
        }
        if (fa == p.length()) {
            return FALSE;
        }
        if (fa > fb || !p.regionMatches(0, q, 0, fa)) {
            return FALSE;
        }
        int la = a.lastWildcard();
        int lb = b.lastWildcard();
        int sa = p.length() - 1 - la;
        int sb = q.length() - 1 - lb;
        if (sa > sb || !p.regionMatches(la + 1, q, q.length() - sa, sa)) {
            return FALSE;
        }
        for (int i = fa; i <= la; i++) {
            if (p.charAt(i) != '*') return UNKNOWN; // normalised, more than one star
        }
        return TRUE;
    }

    static int quickIncludesTokens(Glob a, Glob b) {
        int[] p = a.tokens();
        int[] q = b.tokens();
        int fa = firstWildcard(p);
        int fb = firstWildcard(q);
        if (fb == q.length) {
            return a.matches(b.pattern()) ? TRUE : FALSE; // b's one name (a folds it as b did)
        }
        if (fa == p.length) {
            return FALSE;
        }
        if (fa > fb || !Arrays.equals(p, 0, fa, q, 0, fa)) {
            return FALSE;
        }
        int la = lastWildcard(p);
        int lb = lastWildcard(q);
        int sa = p.length - 1 - la;
        int sb = q.length - 1 - lb;
        if (sa > sb || !Arrays.equals(p, la + 1, p.length, q, q.length - sa, q.length)) {
            return FALSE;
        }
        if (fa == la && p[fa] == Glob.STAR) {
            return TRUE; // a = Pa*Sa with both checked; every name of b starts with Pb and ends with Sb
        }
        return UNKNOWN;
    }

    private static int firstWildcard(int[] tokens) {
        int k = 0;
        while (k < tokens.length && tokens[k] >= 0) {
            k++;
        }
        return k;
    }

    private static int lastWildcard(int[] tokens) {
        int k = tokens.length - 1;
        while (k >= 0 && tokens[k] >= 0) {
            k--;
        }
        return k;
    }

    /**
     * {@link #includes(Glob, Glob)} drawing on a budget shared by many questions, so that a caller
     * asking about every pair of many patterns stays bounded as a whole, not only per question.
     * Each question costs its patterns' lengths plus the search work; once the budget is spent,
     * every further question throws {@link PatternTooComplexException} at once.
     */
    public static boolean includes(Glob a, Glob b, Budget budget) {
        budget.spend((long) a.length() + b.length() + 1);
        check(a, b);
        int quick = quickIncludes(a, b);
        if (quick != UNKNOWN) {
            return quick == TRUE;
        }
        InclusionSearch search = new InclusionSearch(a, b, Math.min(MAX_WORK, budget.remaining));
        try {
            return search.run() < 0;
        } finally {
            budget.remaining -= search.work;
        }
    }

    /**
     * Work units shared by several pattern questions (see {@link #includes(Glob, Glob, Budget)}).
     * Spending is deterministic, so the same questions in the same order always get the same answers.
     */
    public static final class Budget {
        private long remaining;

        public Budget(long units) {
            this.remaining = units;
        }

        public boolean exhausted() {
            return remaining <= 0;
        }

        void spend(long units) {
            if (remaining <= 0) {
                throw new PatternTooComplexException("the work budget for these patterns is spent; giving up");
            }
            remaining -= units;
        }

        /**
         * Spends what {@link PatternAlgebra#includes(Glob, Glob, Budget)} spends on two patterns of
         * these byte lengths whose answer the search never needs (two different literals), and
         * nothing once the budget is spent, as a caller that stops asking then would: for callers
         * that answer such questions themselves and must leave the budget as asking would have.
         */
        public void spendAsAsked(int outerBytes, int innerBytes) {
            if (remaining > 0) remaining -= (long) outerBytes + innerBytes + 1;
        }
    }

    private static void check(Glob a, Glob b) {
        if (a.ignoresCase() != b.ignoresCase()) {
            throw new IllegalArgumentException(
                    "cannot compare a case-sensitive glob with a case-insensitive one: " + a + " / " + b);
        }
        if (a.length() > MAX_PATTERN_BYTES || b.length() > MAX_PATTERN_BYTES) {
            throw new PatternTooComplexException("patterns of " + a.length() + " and " + b.length()
                    + " bytes; the limit is " + MAX_PATTERN_BYTES + " bytes per pattern");
        }
    }

    /**
     * A printable ASCII byte that is no literal of either token list (after folding, if asked).
     * One always exists: {@code *} is never a literal token.
     */
    private static int filler(int[] p, int[] q, boolean foldCase) {
        // The candidates are ASCII, so the literals in use are kept as two 64-bit masks of the
        // bytes below 128 (an array per call was 8 % of a 10,000-policy run's allocation).
        long lo = mask(p, 0) | mask(q, 0);
        long hi = mask(p, 64) | mask(q, 64);
        for (int k = 0; k < FILLERS.length(); k++) {
            if (!inMask(lo, hi, FILLERS.charAt(k))) {
                return FILLERS.charAt(k);
            }
        }
        for (int c = 0x21; c < 0x7F; c++) {
            if (!inMask(lo, hi, foldCase ? Bytes.foldAscii(c) : c)) {
                return c;
            }
        }
        throw new AssertionError("'*' is never a literal token");
    }

    /** The literals of {@code tokens} from {@code from} to {@code from + 63}, as bits. */
    private static long mask(int[] tokens, int from) {
        long m = 0;
        for (int t : tokens) {
            if (t >= from && t < from + 64) {
                m |= 1L << (t - from);
            }
        }
        return m;
    }

    private static boolean inMask(long lo, long hi, int c) {
        return c < 64 ? (lo >>> c & 1) != 0 : (hi >>> (c - 64) & 1) != 0;
    }

    private static void reverse(byte[] bytes, int len) {
        for (int x = 0, y = len - 1; x < y; x++, y--) {
            byte t = bytes[x];
            bytes[x] = bytes[y];
            bytes[y] = t;
        }
    }

    /** Breadth-first search over pairs of positions (i in a, j in b). */
    private static final class ProductSearch {
        static final byte START = 1;
        static final byte EPS_A = 2;
        static final byte EPS_B = 3;
        /** Byte edges are 4 | (a advanced ? 1 : 0) | (b advanced ? 2 : 0). */
        static final byte BYTE = 4;

        private final int[] p;
        private final int[] q;
        private final int w;
        /** How each state was first reached (0 = not yet); one byte per state keeps 4096² at 16 MiB. */
        final byte[] how;
        /** For each j, the largest star position i of a with (i, j) in a finished layer (-1: none). */
        private final int[] starOfAAt;
        /** For each i, the largest star position j of b with (i, j) in a finished layer (-1: none). */
        private final int[] starOfBAt;
        private int[] queue = new int[64];
        private int tail;

        ProductSearch(int[] p, int[] q) {
            this.p = p;
            this.q = q;
            this.w = q.length + 1;
            this.how = new byte[(p.length + 1) * w];
            this.starOfAAt = new int[q.length + 1];
            this.starOfBAt = new int[p.length + 1];
            Arrays.fill(starOfAAt, -1);
            Arrays.fill(starOfBAt, -1);
        }

        /** Returns the accepting state's index, or -1 when it is unreachable. */
        int run() {
            int m = p.length;
            int n = q.length;
            discover(0, 0, START);
            // Layer by layer, so that domination only ever uses states no farther than the one
            // dropped: the witness stays a shortest one.
            for (int layer = 0; layer < tail; ) {
                int end = tail;
                for (int k = layer; k < end; k++) {
                    int i = queue[k] / w;
                    int j = queue[k] % w;
                    if (i < m && p[i] == Glob.STAR) {
                        starOfAAt[j] = Math.max(starOfAAt[j], i);
                    }
                    if (j < n && q[j] == Glob.STAR) {
                        starOfBAt[i] = Math.max(starOfBAt[i], j);
                    }
                }
                for (int k = layer; k < end; k++) {
                    int s = queue[k];
                    int i = s / w;
                    int j = s % w;
                    if (i == m && j == n) {
                        return s;
                    }
                    if (i == m || j == n || i < starOfAAt[j] || j < starOfBAt[i]) {
                        continue;
                    }
                    int ta = p[i];
                    int tb = q[j];
                    // Two stars both staying put would be a self-loop; literals must agree.
                    if ((ta == Glob.STAR && tb == Glob.STAR) || (ta >= 0 && tb >= 0 && ta != tb)) {
                        continue;
                    }
                    int ni = ta == Glob.STAR ? i : i + 1;
                    int nj = tb == Glob.STAR ? j : j + 1;
                    discover(ni, nj, (byte) (BYTE | (ni - i) | ((nj - j) << 1)));
                }
                layer = end;
            }
            return -1;
        }

        /**
         * Marks a state and, at the same distance, the states a star lets it skip to. Discovering
         * in this order keeps the queue sorted by distance, so first discovery is shortest.
         */
        private void discover(int i, int j, byte via) {
            int s = i * w + j;
            // Domination: from a star position i* > i, a accepts every suffix it accepts from i, so
            // (i, j) adds nothing that (i*, j), reached no later, does not; likewise for b.
            if (how[s] != 0 || i < starOfAAt[j] || j < starOfBAt[i]) {
                return;
            }
            how[s] = via;
            if (tail == queue.length) {
                queue = Arrays.copyOf(queue, queue.length * 2);
            }
            queue[tail++] = s;
            if (i < p.length && p[i] == Glob.STAR) {
                discover(i + 1, j, EPS_A);
            }
            if (j < q.length && q[j] == Glob.STAR) {
                discover(i, j + 1, EPS_B);
            }
        }
    }

    /** Breadth-first search over (position in b, pruned subset of a's positions). */
    private static final class InclusionSearch {
        private final Glob a;
        private final Glob b;
        private final int[] p;
        private final int[] q;
        private final int m;

        private final List<int[]> subsets = new ArrayList<>();
        private final Map<SubsetKey, Integer> subsetIds = new HashMap<>();
        private final Map<Long, Integer> steps = new HashMap<>();
        private final Map<Long, Integer> seen = new HashMap<>();
        private final int[] buf;
        private final long maxWork;
        long work;

        private int nodes;
        private int[] bpos = new int[64];
        private int[] subset = new int[64];
        int[] parent = new int[64];
        /** Byte on the edge into each node: a literal, HASH, or -1 for a star skipped. */
        int[] emitted = new int[64];
        private int found = -1;

        InclusionSearch(Glob a, Glob b, long maxWork) {
            this.maxWork = maxWork;
            this.a = a;
            this.b = b;
            this.p = a.tokens();
            this.q = b.tokens();
            this.m = p.length;
            this.buf = new int[m + 2];
        }

        int run() {
            buf[0] = 0;
            discover(0, intern(closeAndPrune(1)), -1, -1);
            for (int head = 0; head < nodes && found < 0; head++) {
                int at = bpos[head];
                if (at == q.length) {
                    continue;
                }
                int t = q[at];
                int c = t >= 0 ? t : HASH;
                // b's star emits a # and stays; its '?' emits a # and moves on.
                discover(t == Glob.STAR ? at : at + 1, step(subset[head], c), head, c);
            }
            return found;
        }

        /** An upper bound on the number of bytes on the path to {@code node}. */
        int depthBound(int node) {
            int d = 0;
            for (int k = node; k >= 0; k = parent[k]) {
                d++;
            }
            return d;
        }

        private void discover(int at, int sid, int from, int via) {
            // Every visit costs a hash lookup, so it counts as work too (a budget shared by many
            // questions must see the cost of states whose subset step was memoised).
            charge(1);
            if (found >= 0 || seen.putIfAbsent(((long) sid << 16) | at, nodes) != null) {
                return;
            }
            if (nodes == MAX_STATES) {
                throw tooComplex("more than " + MAX_STATES + " states");
            }
            if (nodes == bpos.length) {
                int cap = nodes * 2;
                bpos = Arrays.copyOf(bpos, cap);
                subset = Arrays.copyOf(subset, cap);
                parent = Arrays.copyOf(parent, cap);
                emitted = Arrays.copyOf(emitted, cap);
            }
            int node = nodes++;
            bpos[node] = at;
            subset[node] = sid;
            parent[node] = from;
            emitted[node] = via;
            int[] s = subsets.get(sid);
            if (at == q.length && (s.length == 0 || s[s.length - 1] != m)) {
                // b has ended and a cannot accept: a counterexample, shortest by BFS order.
                found = node;
                return;
            }
            if (at < q.length && q[at] == Glob.STAR) {
                discover(at + 1, sid, node, -1);
            }
        }

        /** The subset reached from subset {@code sid} on byte {@code c} (or HASH), memoised. */
        private int step(int sid, int c) {
            long key = ((long) sid << 9) | c;
            Integer known = steps.get(key);
            if (known != null) {
                return known;
            }
            int[] s = subsets.get(sid);
            charge(s.length);
            int k = 0;
            for (int i : s) {
                if (i == m) {
                    continue;
                }
                int t = p[i];
                // Sources are ascending and each yields i or i+1, so buf stays non-decreasing.
                int next = t == Glob.STAR ? i : (t == Glob.ANY || t == c) ? i + 1 : -1;
                if (next >= 0 && (k == 0 || buf[k - 1] != next)) {
                    buf[k++] = next;
                }
            }
            int id = intern(closeAndPrune(k));
            steps.put(key, id);
            return id;
        }

        /** Adds the position after each star (a star may match nothing), then drops dominated ones. */
        private int[] closeAndPrune(int k) {
            int[] out = new int[Math.min(2 * k, m + 1)];
            int n = 0;
            int lastStar = -1;
            for (int x = 0; x < k; x++) {
                int i = buf[x];
                if (n == 0 || out[n - 1] < i) {
                    out[n++] = i;
                }
                if (i < m && p[i] == Glob.STAR) {
                    lastStar = n - 1;
                    // Normalised patterns have no two adjacent stars, so one hop is the closure.
                    out[n++] = i + 1;
                }
            }
            int from = Math.max(lastStar, 0);
            charge(n);
            return from == 0 && n == out.length ? out : Arrays.copyOfRange(out, from, n);
        }

        private int intern(int[] s) {
            SubsetKey key = new SubsetKey(s);
            Integer id = subsetIds.get(key);
            if (id != null) {
                return id;
            }
            subsets.add(s);
            subsetIds.put(key, subsets.size() - 1);
            return subsets.size() - 1;
        }

        private void charge(int elements) {
            work += elements;
            if (work > maxWork) {
                throw tooComplex("more than " + maxWork + " units of work");
            }
        }

        private PatternTooComplexException tooComplex(String what) {
            return new PatternTooComplexException("deciding whether a pattern of " + a.length()
                    + " bytes includes one of " + b.length() + " bytes needs " + what
                    + " (too many '?' after '*'); giving up");
        }
    }

    /** An int array compared by contents, for interning subsets. */
    private static final class SubsetKey {
        private final int[] elements;
        private final int hash;

        SubsetKey(int[] elements) {
            this.elements = elements;
            this.hash = Arrays.hashCode(elements);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SubsetKey k && k.hash == hash && Arrays.equals(k.elements, elements);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
