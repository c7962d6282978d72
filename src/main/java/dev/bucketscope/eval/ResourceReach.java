package dev.bucketscope.eval;

import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.dialect.DialectKind;
import dev.bucketscope.dialect.Quirk;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Which kinds of request a Resource value can ever match under a dialect: a bucket-level call on
 * some bucket, an object call on some bucket/key, a call on no bucket (ListAllMyBuckets). Decided
 * exactly on the pattern, not by sampling: the pattern's position automaton runs against a small
 * automaton for each request shape (bucket names have no '/'), which is O(pattern length).
 */
public record ResourceReach(boolean bucketLevel, boolean objectLevel, boolean noBucket) {
    private static final String S3_ARN = "arn:aws:s3:::";

    /** The request shapes, as the server writes the resource string it matches. */
    private enum Shape {
        /** "bucket" (cleaned bucket-level request, and AWS bucket ARNs). */
        BUCKET,
        /** "bucket/" (raw bucket-level request before beta.6 and on MinIO). */
        BUCKET_SLASH,
        /** "bucket/key" with a non-empty key. */
        OBJECT
    }

    public static ResourceReach of(String value, Dialect dialect) {
        String pattern;
        if (value.equals("*")) {
            return new ResourceReach(true, true, true);
        } else if (value.startsWith(S3_ARN)) {
            pattern = value.substring(S3_ARN.length());
        } else {
            return new ResourceReach(false, false, false);
        }
        if (pattern.isEmpty()) return new ResourceReach(false, false, false);
        boolean raw = dialect.has(Quirk.RAW_WILDCARD_RESOURCE_MATCH) && dialect.kind() != DialectKind.AWS;
        boolean literal = pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
        boolean bucket = literal ? accepts(pattern, Shape.BUCKET)
                : raw ? accepts(pattern, Shape.BUCKET_SLASH) : accepts(pattern, Shape.BUCKET);
        boolean object = accepts(pattern, Shape.OBJECT);
        boolean none = dialect.kind() == DialectKind.AWS
                ? pattern.equals("*")
                : dev.bucketscope.glob.Glob.of(pattern).matches("/");
        return new ResourceReach(bucket, object, none);
    }

    /**
     * Does the pattern match some string of the shape? States of the shape automaton:
     * 0 = nothing read, 1 = in bucket name, 2 = just read the '/', 3 = in key.
     */
    static boolean accepts(String pattern, Shape shape) {
        byte[] p = pattern.getBytes(StandardCharsets.UTF_8);
        int n = p.length;
        boolean[][] seen = new boolean[n + 1][4];
        Deque<int[]> work = new ArrayDeque<>();
        work.add(new int[] {0, 0});
        seen[0][0] = true;
        while (!work.isEmpty()) {
            int[] cur = work.poll();
            int i = cur[0];
            int s = cur[1];
            if (i == n) {
                if (accepting(s, shape)) return true;
                continue;
            }
            byte b = p[i];
            if (b == '*') {
                visit(seen, work, i + 1, s); // the star matches nothing more
                for (int next : steps(s, shape, true, true)) visit(seen, work, i, next); // ...or one more byte
            } else if (b == '?') {
                for (int next : steps(s, shape, true, true)) visit(seen, work, i + 1, next);
            } else {
                for (int next : steps(s, shape, b == '/', b != '/')) visit(seen, work, i + 1, next);
            }
        }
        return false;
    }

    private static void visit(boolean[][] seen, Deque<int[]> work, int i, int s) {
        if (!seen[i][s]) {
            seen[i][s] = true;
            work.add(new int[] {i, s});
        }
    }

    /** Successor states on a slash (if allowed) and on a non-slash byte (if allowed). */
    private static int[] steps(int s, Shape shape, boolean slash, boolean other) {
        int a = -1;
        int b = -1;
        if (other) {
            a = switch (s) {
                case 0, 1 -> 1;
                case 2, 3 -> shape == Shape.OBJECT ? 3 : -1;
                default -> -1;
            };
        }
        if (slash) {
            b = switch (s) {
                case 1 -> shape == Shape.BUCKET ? -1 : 2;
                case 2, 3 -> shape == Shape.OBJECT ? 3 : -1; // keys may contain '/'
                default -> -1;
            };
        }
        if (a >= 0 && b >= 0) return a == b ? new int[] {a} : new int[] {a, b};
        if (a >= 0) return new int[] {a};
        if (b >= 0) return new int[] {b};
        return new int[0];
    }

    private static boolean accepting(int s, Shape shape) {
        return switch (shape) {
            case BUCKET -> s == 1;
            case BUCKET_SLASH -> s == 2;
            case OBJECT -> s == 3;
        };
    }
}
