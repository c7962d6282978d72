package dev.bucketscope.rules;

import dev.bucketscope.dialect.ActionFamily;
import dev.bucketscope.dialect.ActionInfo;
import dev.bucketscope.dialect.ActionLevel;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.dialect.DialectKind;
import dev.bucketscope.dialect.Quirk;
import dev.bucketscope.eval.ResourceReach;
import dev.bucketscope.glob.Glob;
import dev.bucketscope.glob.PatternAlgebra;
import dev.bucketscope.glob.PatternTooComplexException;
import dev.bucketscope.policy.CanonicalForm;
import dev.bucketscope.policy.Statement;
import dev.bucketscope.policy.Value;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What an Allow statement's Action and Resource values grant, as the least-privilege rules of this package read them. */
final class StatementGrants {
    static final String S3_ARN = "arn:aws:s3:::";

    private StatementGrants() {}

    /** Allow statements with a plain Action list: NotAction statements are another rule's business. */
    static boolean judged(Statement st) {
        return st.isAllow() && st.hasAction() && !st.hasNotAction() && !st.actions().isEmpty();
    }

    /** True where the server ignores this statement's Resource (an admin: action in it, before beta.4). */
    static boolean resourceSkipped(Dialect dialect, Statement st) {
        return dialect.has(Quirk.MIXED_STATEMENT_SKIPS_RESOURCE)
                && st.namesFamily(ActionFamily.ADMIN);
    }

    /** The concrete action names one Action value grants (empty when the dialect rejects it). */
    static Set<String> names(Dialect dialect, String value) {
        List<ActionInfo> expanded = dialect.expand(value);
        if (expanded.size() == 1) return Set.of(expanded.get(0).name()); // the usual value: one action
        Set<String> out = new LinkedHashSet<>(expanded.size() * 2);
        for (ActionInfo a : expanded) out.add(a.name());
        return out;
    }

    /** The S3 actions the statement's Action values grant, without repeats, in value then catalogue order. */
    static Set<ActionInfo> s3Actions(Dialect dialect, List<Value> actions) {
        Set<ActionInfo> out = new LinkedHashSet<>();
        for (Value v : actions) {
            for (ActionInfo a : dialect.expand(v.text())) if (a.family() == ActionFamily.S3) out.add(a);
        }
        return out;
    }

    /** Can a request for an action of this level match a resource with this reach? */
    static boolean reaches(ActionLevel level, ResourceReach reach) {
        return switch (level) {
            case BUCKET -> reach.bucketLevel();
            case OBJECT -> reach.objectLevel();
            case GLOBAL -> reach.noBucket();
        };
    }

    /** "matches objects only", "matches buckets and objects", …: what a Resource value can reach. */
    static String describe(ResourceReach r) {
        if (r.bucketLevel() && r.objectLevel()) return "matches buckets and objects";
        if (r.bucketLevel()) return "matches buckets only";
        if (r.objectLevel()) return "matches objects only";
        return r.noBucket() ? "matches only requests on no bucket" : "matches nothing";
    }

    /** The pattern the algebra compares: after the ARN prefix, except on AWS which matches whole ARNs. */
    static Optional<String> pattern(Dialect dialect, String value) {
        int start = patternStart(dialect, value);
        return start < 0 ? Optional.empty() : Optional.of(value.substring(start));
    }

    /** Where {@link #pattern} starts in the value, or -1 when the value has none. */
    private static int patternStart(Dialect dialect, String value) {
        if (dialect.kind() == DialectKind.AWS) return 0;
        return value.startsWith(S3_ARN) && value.length() > S3_ARN.length() ? S3_ARN.length() : -1;
    }

    /** The {@link #pattern}s of these Resource values, each value's {@link Patterns#shape} (OTHER without one) into {@code shapes}. */
    static List<Optional<String>> patterns(Dialect dialect, List<Value> values, int[] shapes) {
        List<Optional<String>> out = new java.util.ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Optional<String> p = pattern(dialect, values.get(i).text());
            out.add(p);
            shapes[i] = p.isPresent() ? Patterns.shape(p.get()) : Patterns.OTHER;
        }
        return out;
    }

    /** The length of {@link #pattern}, or -1 when the value has none: without making it. */
    static int patternLength(Dialect dialect, String value) {
        int start = patternStart(dialect, value);
        return start < 0 ? -1 : value.length() - start;
    }

    /**
     * Pattern-algebra work one rule may spend on one policy document: {@link PatternAlgebra#MAX_WORK}
     * bounds one question, this bounds all of a document's questions together, so comparing every
     * pair of many hostile patterns stays bounded too (past it the questions go unanswered).
     */
    static final long WORK_PER_POLICY = PatternAlgebra.MAX_WORK;

    /**
     * Most values of one element (or statements of one policy) compared pairwise for redundancy;
     * RustFS caps a policy at 20 KiB, so real policies stay far below it.
     */
    static final int MAX_COMPARED = 1_000;

    static PatternAlgebra.Budget budget() {
        return new PatternAlgebra.Budget(WORK_PER_POLICY);
    }

    /**
     * Does every name {@code inner} matches also match {@code outer}? Empty when too complex to
     * decide, alone or because the document's budget is spent.
     */
    static Optional<Boolean> includes(String outer, String inner, PatternAlgebra.Budget budget) {
        return includes(Glob.of(outer), Glob.of(inner), budget);
    }

    /** {@link #includes(String, String, PatternAlgebra.Budget)} on patterns compiled once by the caller. */
    static Optional<Boolean> includes(Glob outer, Glob inner, PatternAlgebra.Budget budget) {
        if (outer.pattern().equals(inner.pattern())) return YES;
        if (budget.exhausted()) return Optional.empty();
        try {
            return PatternAlgebra.includes(outer, inner, budget) ? YES : NO;
        } catch (PatternTooComplexException e) {
            return Optional.empty();
        }
    }

    private static final Optional<Boolean> YES = Optional.of(true);
    private static final Optional<Boolean> NO = Optional.of(false);

    /**
     * The Resource patterns of one policy document, for redundant-grant's pairwise questions
     * ({@link #includes(String, String, PatternAlgebra.Budget)}: the same answers at the same cost
     * to the budget). Patterns of the two shapes nearly every policy uses, ASCII with no wildcard
     * or with one star at the end ("langfuse-traces", "langfuse-*"), are compared as text: whether
     * {@code P*} includes a pattern is whether that pattern's text starts with {@code P} (a star at
     * its end only adds names that do), and a literal includes only itself, as
     * {@link PatternAlgebra#quickIncludes} decides them. Others are compiled once per document.
     * Compiling every Resource value a statement compares was a third of {@code redundant-grant}'s
     * time on 10,000 policies (profiled).
     */
    static final class Patterns {
        private final Map<String, Glob> globs = new java.util.HashMap<>();
        private final boolean asText;

        /** @param asText false to compile every pattern (for the test that compares both) */
        Patterns(boolean asText) {
            this.asText = asText;
        }

        /**
         * Does every name {@code inner} matches also match {@code outer}? Empty when too complex
         * to decide. The shapes are {@link #shape}'s, made once per value by the caller (a
         * statement's values are compared pairwise).
         */
        Optional<Boolean> includes(String outer, int outerShape, String inner, int innerShape, PatternAlgebra.Budget budget) {
            if (outer.equals(inner)) return YES;
            if (budget.exhausted()) return Optional.empty();
            if (!asText || outerShape == OTHER || innerShape == OTHER) {
                return StatementGrants.includes(Glob.of(outer, globs), Glob.of(inner, globs), budget);
            }
            budget.spendAsAsked(outer.length(), inner.length()); // what PatternAlgebra.includes spends before its quick answer
            if (outer.length() > PatternAlgebra.MAX_PATTERN_BYTES || inner.length() > PatternAlgebra.MAX_PATTERN_BYTES) return Optional.empty();
            if (outerShape == LITERAL) return NO; // one name, and inner is another pattern
            return inner.regionMatches(0, outer, 0, outer.length() - 1) ? YES : NO; // inner starts with outer's text before its star
        }

        static final int LITERAL = 0;
        private static final int STAR_AT_END = 1;
        static final int OTHER = 2;

        /** The pattern's shape for {@link #includes}: ASCII without a wildcard, ASCII with one star at the end, or another. */
        static int shape(String pattern) {
            int last = pattern.length() - 1;
            for (int i = 0; i <= last; i++) {
                char c = pattern.charAt(i);
                if (c >= 0x80 || c == '?' || c == '*' && i < last) return OTHER;
            }
            return last >= 0 && pattern.charAt(last) == '*' ? STAR_AT_END : LITERAL;
        }
    }

    static String quote(String text) {
        return "'" + text + "'";
    }

    /** Statements compared whole: plain Allow grants without Condition, NotResource or a skipped Resource. */
    static boolean comparableWhole(Dialect d, Statement st) {
        return judged(st) && st.conditions().isEmpty() && !st.hasNotResource() && !st.resources().isEmpty()
                && !resourceSkipped(d, st);
    }

    /**
     * What a statement grants, computed once so that comparing many statements stays cheap. Its
     * Resource patterns are made only when a comparison gets that far: most pairs of a policy's
     * statements differ in their actions already (the setup pattern's bucket-level and
     * object-level statements), and compiling every Resource value of 10,000 policies was a
     * fifth of {@code redundant-grant}'s time (profiled).
     */
    static final class Whole {
        private final Statement statement;
        private final Optional<String> principal;
        private final Set<String> actions;
        private final Dialect dialect;
        private final Patterns patterns;
        private List<Optional<String>> resources;
        private int[] shapes;

        private Whole(Statement statement, Optional<String> principal, Set<String> actions, Dialect dialect, Patterns patterns) {
            this.statement = statement;
            this.principal = principal;
            this.actions = actions;
            this.dialect = dialect;
            this.patterns = patterns;
        }

        /** @param patterns the document's Resource patterns, shared by its statements */
        static Whole of(Dialect d, Statement st, Patterns patterns) {
            Set<String> actions = new HashSet<>();
            for (Value v : st.actions()) {
                for (ActionInfo a : d.expand(v.text())) actions.add(a.name());
            }
            // No method reference: see InventoryContext.Linted#of.
            return new Whole(st, st.principal().isPresent() ? Optional.of(CanonicalForm.of(st.principal().get())) : Optional.empty(),
                    actions, d, patterns);
        }

        Statement statement() {
            return statement;
        }

        Optional<String> principal() {
            return principal;
        }

        Set<String> actions() {
            return actions;
        }

        /** The statement's Resource patterns ({@link #pattern}), made on first use. */
        List<Optional<String>> resources() {
            if (resources == null) {
                List<Value> values = statement.resources();
                shapes = new int[values.size()];
                resources = patterns(dialect, values, shapes);
            }
            return resources;
        }
    }

    /** Does {@code big} grant every action of {@code small} on every resource {@code small} names? */
    static boolean covers(Whole big, Whole small, PatternAlgebra.Budget budget) {
        // In a bucket policy, statements for different principals grant different people.
        if (!big.principal().equals(small.principal())) return false;
        if (small.actions().isEmpty() || !big.actions().containsAll(small.actions())) return false;
        List<Optional<String>> smallResources = small.resources();
        List<Optional<String>> bigResources = big.resources();
        int[] smallShapes = small.shapes;
        int[] bigShapes = big.shapes;
        for (int i = 0; i < smallResources.size(); i++) {
            Optional<String> p = smallResources.get(i);
            if (p.isEmpty()) return false;
            boolean covered = false;
            for (int j = 0; j < bigResources.size(); j++) {
                Optional<String> o = bigResources.get(j);
                if (o.isPresent() && big.patterns.includes(o.get(), bigShapes[j], p.get(), smallShapes[i], budget).orElse(false)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) return false;
        }
        return true;
    }
}
