package dev.bucketscope.eval;

import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.dialect.DialectKind;
import dev.bucketscope.dialect.Quirk;

/**
 * Which kinds of request a Resource value can ever match under a dialect: a bucket-level call on
 * some bucket, an object call on some bucket/key, a call on no bucket (ListAllMyBuckets). Decided
 * exactly on the pattern, not by sampling: the pattern's position automaton runs against a small
 * automaton for each request shape (bucket names have no '/'), which is O(pattern length).
 */
public record ResourceReach(boolean bucketLevel, boolean objectLevel, boolean noBucket) {
    private static final String S3_ARN = "arn:aws:s3:::";

    /** The request shapes, as the server writes the resource string it matches. */
    enum Shape {
        /** "bucket" (cleaned bucket-level request, and AWS bucket ARNs). */
        BUCKET,
        /** "bucket/" (raw bucket-level request before beta.6 and on MinIO). */
        BUCKET_SLASH,
        /** "bucket/key" with a non-empty key. */
        OBJECT
    }

    private static final ResourceReach EVERYTHING = new ResourceReach(true, true, true);
    private static final ResourceReach NOTHING = new ResourceReach(false, false, false);

    /**
     * The reach of one Resource value. One pass over the pattern after the ARN prefix runs the
     * three shape automata side by side and notes what {@link #matchesSlashAlone} and the
     * wildcard test need: {@code ineffective-grant} asks this of every Resource value, and a
     * substring, two searches for wildcards and a pass per shape were 24 ms of CPU over 10,000
     * policies, against 18 ms now (async-profiler, five runs each). {@code ResourceReachTest}
     * holds it to the separate passes it replaces ({@link #accepts}, {@link #matchesSlashAlone}).
     */
    public static ResourceReach of(String value, Dialect dialect) {
        if (value.equals("*")) return EVERYTHING;
        if (!value.startsWith(S3_ARN) || value.length() == S3_ARN.length()) return NOTHING;
        int bucket = 1; // each shape's mask: state 0 at position 0 (see accepts)
        int bucketSlash = 1;
        int object = 1;
        boolean wildcard = false;
        // matchesSlashAlone's count: stars aside, at most one '/' or '?' and nothing else
        int others = 0;
        boolean slashAlone = true;
        boolean star = false;
        final int b = Shape.BUCKET.ordinal() * 16;
        final int bs = Shape.BUCKET_SLASH.ordinal() * 16;
        final int o = Shape.OBJECT.ordinal() * 16;
        for (int i = S3_ARN.length(); i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '*') {
                bucket = STAR[b + bucket];
                bucketSlash = STAR[bs + bucketSlash];
                object = STAR[o + object];
                wildcard = true;
                star = true;
                continue;
            }
            int k = c == '/' ? SLASH : c == '?' ? ANY : OTHER;
            bucket = NEXT[(b + bucket) * 3 + k];
            bucketSlash = NEXT[(bs + bucketSlash) * 3 + k];
            object = NEXT[(o + object) * 3 + k];
            if (c == '?') wildcard = true;
            if (k == OTHER || ++others > 1) slashAlone = false;
        }
        boolean raw = dialect.has(Quirk.RAW_WILDCARD_RESOURCE_MATCH) && dialect.kind() != DialectKind.AWS;
        boolean bucketLevel = !wildcard || !raw ? (bucket & 1 << accepting(Shape.BUCKET)) != 0
                : (bucketSlash & 1 << accepting(Shape.BUCKET_SLASH)) != 0;
        boolean objectLevel = (object & 1 << accepting(Shape.OBJECT)) != 0;
        boolean none = dialect.kind() == DialectKind.AWS
                ? value.length() == S3_ARN.length() + 1 && value.charAt(S3_ARN.length()) == '*'
                : slashAlone && (others == 1 || star);
        return new ResourceReach(bucketLevel, objectLevel, none);
    }

    /**
     * Does the pattern match "/" (the resource of a call on no bucket)? Stars aside it may hold one
     * '/' or '?' and nothing else; with no star, it must hold exactly that one.
     */
    static boolean matchesSlashAlone(String pattern) {
        int others = 0;
        boolean star = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                star = true;
            } else if (c != '/' && c != '?' || ++others > 1) {
                return false;
            }
        }
        return others == 1 || star;
    }

    /**
     * Does the pattern match some string of the shape? States of the shape automaton:
     * 0 = nothing read, 1 = in bucket name, 2 = just read the '/', 3 = in key. The set of shape
     * states reachable at each pattern position is a 4-bit mask, filled left to right: a star
     * first closes its mask under "one more byte", then passes it on. No allocation per call.
     *
     * <p>The steps are looked up in {@link #NEXT} and {@link #STAR}, made from {@link #step} once.
     * The pattern is read by chars, not UTF-8 bytes: the bytes of a non-ASCII char are neither
     * '/', '*' nor '?', and a step on such a byte leads where two do, so one step per char
     * decides alike (a test holds this against the byte-wise walk).
     */
    static boolean accepts(String pattern, Shape shape) {
        int base = shape.ordinal() * 16;
        int mask = 1; // state 0 at position 0
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            mask = c == '*' ? STAR[base + mask] : NEXT[(base + mask) * 3 + (c == '/' ? SLASH : c == '?' ? ANY : OTHER)];
            if (mask == 0) return false;
        }
        return (mask & 1 << accepting(shape)) != 0;
    }

    private static final int SLASH = 0;
    private static final int OTHER = 1;
    private static final int ANY = 2;
    /** By shape, mask and byte class (a slash, another byte, either for '?'): the next mask. */
    private static final byte[] NEXT = new byte[Shape.values().length * 16 * 3];
    /** By shape and mask: the mask closed under "one more byte", as a star leaves it. */
    private static final byte[] STAR = new byte[Shape.values().length * 16];

    static {
        for (Shape shape : Shape.values()) {
            for (int mask = 0; mask < 16; mask++) {
                int at = shape.ordinal() * 16 + mask;
                NEXT[at * 3 + SLASH] = (byte) step(mask, shape, true, false);
                NEXT[at * 3 + OTHER] = (byte) step(mask, shape, false, true);
                NEXT[at * 3 + ANY] = (byte) step(mask, shape, true, true);
                int closed = mask;
                int m;
                do {
                    m = closed;
                    closed = m | step(m, shape, true, true);
                } while (closed != m); // at most four rounds: the mask only grows
                STAR[at] = (byte) closed;
            }
        }
    }

    /** The states reachable from any state of {@code mask} on one byte: a slash (if allowed) or another byte (if allowed). */
    static int step(int mask, Shape shape, boolean slash, boolean other) {
        int out = 0;
        for (int s = 0; s < 4; s++) {
            if ((mask & 1 << s) == 0) continue;
            if (other) {
                int a = switch (s) {
                    case 0, 1 -> 1;
                    default -> shape == Shape.OBJECT ? 3 : -1;
                };
                if (a >= 0) out |= 1 << a;
            }
            if (slash) {
                int b = switch (s) {
                    case 1 -> shape == Shape.BUCKET ? -1 : 2;
                    case 2, 3 -> shape == Shape.OBJECT ? 3 : -1; // keys may contain '/'
                    default -> -1;
                };
                if (b >= 0) out |= 1 << b;
            }
        }
        return out;
    }

    private static int accepting(Shape shape) {
        return switch (shape) {
            case BUCKET -> 1;
            case BUCKET_SLASH -> 2;
            case OBJECT -> 3;
        };
    }
}
