package dev.bucketscope.eval;

import dev.bucketscope.dialect.ActionLevel;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.glob.Glob;
import dev.bucketscope.glob.PatternAlgebra;
import dev.bucketscope.glob.PatternTooComplexException;
import dev.bucketscope.policy.Policy;
import dev.bucketscope.policy.Statement;
import dev.bucketscope.policy.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which bucket names a Resource value can reach, as a glob over bucket names, and example bucket
 * names in or outside a scope, decided with the pattern algebra.
 *
 * <p>The bucket pattern of a resource pattern P (the text after {@code arn:aws:s3:::}; a bare
 * {@code *} is {@code *}): since {@code *} also matches {@code /}, a star before the first
 * literal {@code /} lets the bucket be any name with the text before it, so the bucket pattern is
 * P up to and including that star ({@code lang*}/x → {@code lang*}); otherwise it is the text
 * before the first {@code /}. A {@code ?} before the first star that stands for the {@code /}
 * itself (so {@code lang?x} reaching bucket {@code lang}) is not considered: such patterns are
 * rare and the invalid-resource and wildcard rules already look at them.
 *
 * <p>The witness methods return empty both when there is no such name and when the patterns are
 * too complex to decide ({@link PatternTooComplexException}): a lint rule then stays silent
 * rather than guess.
 */
public final class BucketNames {
    private static final String S3_ARN = "arn:aws:s3:::";
    private static final String FILLERS = "xyz0123456789";

    private BucketNames() {}

    /** An Allow statement's Resource value and the bucket names it can reach. */
    public record Reach(Statement statement, Value resource, String bucketPattern) {}

    /** The bucket pattern of a Resource value, or empty when it is no S3 ARN or names no bucket. */
    public static Optional<String> bucketPattern(String resourceValue) {
        if (resourceValue.equals("*")) return Optional.of("*");
        if (!resourceValue.startsWith(S3_ARN)) return Optional.empty();
        String p = resourceValue.substring(S3_ARN.length());
        int slash = p.indexOf('/');
        int star = p.indexOf('*');
        String bucket = star >= 0 && (slash < 0 || star < slash) ? p.substring(0, star + 1)
                : slash >= 0 ? p.substring(0, slash) : p;
        return bucket.isEmpty() ? Optional.empty() : Optional.of(bucket);
    }

    /**
     * Every Resource value of the policy's Allow statements with its bucket pattern. Deny
     * statements only narrow access, NotResource names what is not granted, and statements whose
     * actions are all global (ListAllMyBuckets) are checked against no bucket: all are skipped.
     */
    public static List<Reach> allowed(Policy policy, Dialect dialect) {
        List<Reach> out = new ArrayList<>();
        for (Statement st : policy.statements()) {
            if (!st.isAllow() || onlyGlobal(st, dialect)) continue;
            for (Value r : st.resources()) {
                Optional<String> b = bucketPattern(r.text()); // no capturing lambda per value (see dev.bucketscope.core.PolicyRule)
                if (b.isPresent()) out.add(new Reach(st, r, b.get()));
            }
        }
        return out;
    }

    private static boolean onlyGlobal(Statement st, Dialect d) {
        if (st.hasNotAction() || st.actions().isEmpty()) return false;
        for (Value v : st.actions()) {
            for (dev.bucketscope.dialect.ActionInfo a : d.expand(v.text())) if (a.level() != ActionLevel.GLOBAL) return false;
        }
        return true;
    }

    /** A bucket name {@code pattern} matches and {@code scope} does not, if there is one. */
    public static Optional<String> outside(String scope, String pattern) {
        Glob a = Glob.of(scope);
        Glob b = Glob.of(pattern);
        try {
            Optional<String> w = PatternAlgebra.counterexample(a, b);
            // "" is no bucket name: only an all-star pattern yields it; look among names of a bucket's length.
            if (w.isPresent() && w.get().isEmpty()) w = PatternAlgebra.counterexample(a, Glob.of("???*"));
            return w.isPresent() ? Optional.of(readable(w.get(), new Outside(a, b))) : w;
        } catch (PatternTooComplexException e) {
            return Optional.empty();
        }
    }

    /** A bucket name both patterns match and that is not in {@code excluded}, if one is found. */
    public static Optional<String> common(String first, String second, Set<String> excluded) {
        return common(Glob.of(first), Glob.of(second), excluded);
    }

    /** {@link #common(String, String, Set)} of patterns already compiled (a rule comparing one with many). */
    public static Optional<String> common(Glob a, Glob b, Set<String> excluded) {
        Optional<String> w;
        try {
            w = PatternAlgebra.witnessIn(a, b);
        } catch (PatternTooComplexException e) {
            return Optional.empty();
        }
        if (w.isEmpty()) return w;
        // A literal pattern names exactly one bucket: the witness. No variant can do better, and
        // searching them all (for an excluded, declared bucket) cost a whole-repository run dearly.
        if (a.isLiteral() || b.isLiteral()) return commonName(w.get(), a, b, excluded) ? w : Optional.empty();
        Predicate<String> ok = new Common(a, b, excluded);
        String found = readable(w.get(), ok);
        return ok.test(found) ? Optional.of(found) : Optional.empty();
    }

    /**
     * The names {@link #readable} may offer, as classes rather than capturing lambdas: rules ask
     * per component, and C1 makes each lambda through a method handle (see dev.bucketscope.core.PolicyRule).
     */
    private record Outside(Glob scope, Glob pattern) implements Predicate<String> {
        @Override
        public boolean test(String n) {
            return pattern.matches(n) && !scope.matches(n);
        }
    }

    /** See {@link Outside}. */
    private record Common(Glob a, Glob b, Set<String> excluded) implements Predicate<String> {
        @Override
        public boolean test(String n) {
            return commonName(n, a, b, excluded);
        }
    }

    private static boolean commonName(String n, Glob a, Glob b, Set<String> excluded) {
        return !n.isEmpty() && a.matches(n) && b.matches(n) && !excluded.contains(n);
    }

    /**
     * Whether a name passes S3's basic bucket-name shape, {@code [a-z0-9][a-z0-9.-]{1,61}[a-z0-9]},
     * checked by hand (a regex matcher per candidate name was most of this class's cost).
     */
    static boolean validName(String name) {
        int n = name.length();
        if (n < 3 || n > 63 || !lowerOrDigit(name.charAt(0)) || !lowerOrDigit(name.charAt(n - 1))) return false;
        for (int i = 1; i < n - 1; i++) {
            char c = name.charAt(i);
            if (!lowerOrDigit(c) && c != '.' && c != '-') return false;
        }
        return true;
    }

    private static boolean lowerOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /**
     * The witness, or a near variant of it (one filler byte inserted or substituted) that is still
     * accepted and is a valid S3 bucket name, preferring the first such; the witness itself when
     * none is (or a variant that is accepted at all, when the witness is not).
     */
    static String readable(String witness, Predicate<String> accepts) {
        if (accepts.test(witness) && validName(witness)) return witness;
        String fallback = accepts.test(witness) ? witness : null;
        for (int k = witness.length(); k >= 0; k--) {
            for (char f : FILLERS.toCharArray()) {
                for (String v : List.of(witness.substring(0, k) + f + witness.substring(k),
                        k < witness.length() ? witness.substring(0, k) + f + witness.substring(k + 1) : "")) {
                    if (v.isEmpty() || !accepts.test(v)) continue;
                    if (validName(v)) return v;
                    if (fallback == null) fallback = v;
                }
            }
        }
        return fallback != null ? fallback : witness;
    }
}
