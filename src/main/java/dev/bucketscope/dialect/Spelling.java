package dev.bucketscope.dialect;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean": the closest known name by edit distance, when it is close enough to be a typo. */
final class Spelling {

    private Spelling() {
    }

    static Optional<String> nearest(String wrong, Collection<String> known) {
        // A sixth of the name's length, at least 2: catches typos (s3:GetObjekt) without proposing
        // unrelated names (aws:PrincipalArn is not a typo of aws:principaltype).
        int limit = Math.max(2, wrong.length() / 6);
        String w = wrong.toLowerCase(java.util.Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            // Only a name within the limit can be the answer, and only one nearer than the best so
            // far can replace it: the rest are passed over, by their length or part way through.
            int bound = Math.min(limit, bestDistance - 1);
            String c = candidate.toLowerCase(java.util.Locale.ROOT);
            if (Math.abs(c.length() - w.length()) > bound) continue;
            int d = distance(w, c, bound);
            if (d <= bound) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null ? Optional.of(best) : Optional.empty();
    }

    static int distance(String a, String b) {
        return distance(a, b, Integer.MAX_VALUE - 1);
    }

    /** The edit distance, or some number above {@code bound} as soon as it must exceed it. */
    static int distance(String a, String b, int bound) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > bound) return bound + 1; // every later row is at least this row's least
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
