package dev.bucketscope.eval;

import dev.bucketscope.dialect.ActionFamily;
import dev.bucketscope.dialect.ActionInfo;
import dev.bucketscope.dialect.ActionLevel;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.dialect.DialectKind;
import dev.bucketscope.dialect.Quirk;
import dev.bucketscope.glob.Glob;
import dev.bucketscope.policy.Effect;
import dev.bucketscope.policy.Policy;
import dev.bucketscope.policy.Statement;
import dev.bucketscope.policy.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides a request the way the dialect's server does (section e of the semantics reference):
 * the user's policies are merged into one (statement union, exact duplicates dropped), any
 * matching Deny wins, otherwise any matching Allow, otherwise the request is implicitly denied.
 * What "matching" means — action wildcards, the implicit GetObjectVersion grant, the resource
 * string of bucket-level calls, path cleaning, statements that skip Resource — comes from the
 * dialect's quirks, so one evaluator serves every version.
 *
 * <p>Not thread-safe (it remembers compiled patterns and the last request's resource): one per thread.
 */
public final class Evaluator {
    private static final String S3_ARN = "arn:aws:s3:::";
    private static final String GET_OBJECT = "s3:GetObject";
    private static final String GET_OBJECT_VERSION = "s3:GetObjectVersion";

    private final Dialect dialect;
    private final ConditionEvaluator conditions;
    private final Map<String, Glob> globs = new HashMap<>();
    private final Map<String, Glob> resourceGlobs = new HashMap<>();
    private static final int MAX_REMEMBERED = 10_000;
    // Sized for a policy's few statements: the default table (64 slots) was made for each of
    // 10,000 files' evaluators, 2 MB of a run's allocation.
    private final Map<Statement, Set<String>> matchedByStatement = new java.util.IdentityHashMap<>(4);
    private final Map<List<String>, Set<String>> matchedByActions = new HashMap<>();
    // The request resource as the server builds and cleans it, for the request last asked about:
    // one request is matched against every statement's resources, and this is the same each time.
    private Request lastRequest;
    private String lastResource;
    private String lastCleaned;

    public Evaluator(Dialect dialect) {
        this.dialect = dialect;
        this.conditions = new ConditionEvaluator(dialect);
    }

    public Dialect dialect() {
        return dialect;
    }

    public Outcome evaluate(List<Policy> policies, Request request) {
        return evaluate(policies, request, ConditionContext.EMPTY);
    }

    public Outcome evaluate(List<Policy> policies, Request request, ConditionContext ctx) {
        // The server merges the policies and drops exact duplicates; a duplicate decides exactly as
        // its first copy, which comes earlier here, so skipping it changes nothing and is not done
        // (its canonical form would cost more than the match).
        Outcome allow = null;
        for (int p = 0; p < policies.size(); p++) {
            Policy policy = policies.get(p);
            List<Statement> statements = policy.statements();
            for (int i = 0; i < statements.size(); i++) {
                Statement st = statements.get(i);
                if (st.effect() == Effect.INVALID || !matches(policy, st, request, ctx)) continue;
                if (st.isDeny()) {
                    return new Outcome(Decision.EXPLICIT_DENY, Optional.of(policy), Optional.of(st));
                }
                if (allow == null) allow = new Outcome(Decision.ALLOW, Optional.of(policy), Optional.of(st));
            }
        }
        return allow != null ? allow : Outcome.implicitDeny();
    }

    /** Does this statement apply to the request (action, resource and conditions all match)? */
    public boolean matches(Policy policy, Statement st, Request request, ConditionContext ctx) {
        return actionMatches(st, request.action().name())
                && resourceMatches(policy, st, request)
                && conditions.holds(st.conditions(), ctx, st.effect());
    }

    boolean actionMatches(Statement st, String action) {
        if (dialect.knows(action)) return catalogueMatches(st).contains(action);
        return actionMatchesDirectly(st, action);
    }

    /**
     * The catalogue actions a statement's Action and NotAction match, remembered per statement
     * and, across statements, per list of values: every request is checked against every
     * statement, and thousands of policies repeat the same few action lists.
     */
    Set<String> catalogueMatches(Statement st) {
        Set<String> known = matchedByStatement.get(st);
        if (known != null) return known;
        List<String> key = new ArrayList<>(st.actions().size() + st.notActions().size() + 3);
        key.add(st.hasAction() ? "A" : "-");
        key.add(st.hasNotAction() ? "N" : "-");
        for (Value v : st.actions()) key.add(v.text());
        key.add("\u0000"); // between Action and NotAction values
        for (Value v : st.notActions()) key.add(v.text());
        known = matchedByActions.get(key);
        if (known == null) {
            known = new HashSet<>();
            for (ActionInfo a : dialect.actions()) {
                if (actionMatchesDirectly(st, a.name())) known.add(a.name());
            }
            if (matchedByActions.size() < MAX_REMEMBERED) matchedByActions.put(key, known);
        }
        if (matchedByStatement.size() < MAX_REMEMBERED) matchedByStatement.put(st, known);
        return known;
    }

    private boolean actionMatchesDirectly(Statement st, String action) {
        if (!st.hasAction() && !st.hasNotAction()) return false;
        boolean inAction = st.actions().isEmpty() || anyAction(st.actions(), action);
        boolean inNotAction = !st.notActions().isEmpty() && anyAction(st.notActions(), action);
        return inAction && !inNotAction;
    }

    private boolean anyAction(List<Value> patterns, String action) {
        for (Value v : patterns) {
            if (dialect.actionMatches(v.text(), action)) return true;
            // A grant of s3:GetObjectVersion also grants s3:GetObject (and a Deny of it denies it).
            if (action.equals(GET_OBJECT) && v.text().equals(GET_OBJECT_VERSION)
                    && dialect.has(Quirk.GET_OBJECT_VERSION_IMPLIES_GET_OBJECT)) return true;
        }
        return false;
    }

    boolean resourceMatches(Policy policy, Statement st, Request request) {
        if (skipsResource(st, request)) return true;
        boolean notResourceCounts = policy.bucketPolicy() || !dialect.has(Quirk.NOT_RESOURCE_IGNORED);
        List<Value> not = notResourceCounts ? st.notResources() : List.of();
        if (st.resources().isEmpty() && not.isEmpty()) return false;
        boolean in = st.resources().isEmpty() || anyResource(st.resources(), request);
        return in && !anyResource(not, request);
    }

    /** Statements whose Resource the server does not look at for this request. */
    private boolean skipsResource(Statement st, Request request) {
        ActionFamily family = request.action().family();
        if (dialect.has(Quirk.MIXED_STATEMENT_SKIPS_RESOURCE) && st.namesFamily(ActionFamily.ADMIN)) return true;
        if (family == ActionFamily.S3) return false;
        if (family == ActionFamily.ADMIN && dialect.has(Quirk.ADMIN_RESOURCE_BY_REQUESTED_ACTION)) {
            return request.action().level() == ActionLevel.GLOBAL;
        }
        // KMS/STS (and MinIO admin) statements without a Resource are decided by the rest alone.
        return st.resources().isEmpty() && st.notResources().isEmpty();
    }

    private boolean anyResource(List<Value> patterns, Request request) {
        for (int i = 0; i < patterns.size(); i++) {
            Value v = patterns.get(i);
            if (resourceMatches(v.text(), request)) return true;
        }
        return false;
    }

    /** Matches one Resource value against the request as the dialect builds and cleans it. */
    public boolean resourceMatches(String value, Request request) {
        if (dialect.kind() == DialectKind.AWS) {
            return value.equals("*") || glob(value).matches(request.awsResource());
        }
        // The pattern is the value after the ARN prefix (a bare '*' where the dialect accepts it),
        // compared in place: the inventory rules ask tens of thousands of requests of every value.
        int from;
        if (value.equals("*") && dialect.has(Quirk.BARE_STAR_RESOURCE_ACCEPTED)) {
            from = 0;
        } else if (value.startsWith(S3_ARN)) {
            from = S3_ARN.length();
        } else {
            return false;
        }
        int length = value.length() - from;
        if (length == 0) return false;
        if (request != lastRequest) {
            lastResource = request.serverResource();
            lastCleaned = PathClean.clean(lastResource);
            lastRequest = request;
        }
        String resource = lastResource;
        String cleaned = lastCleaned;
        boolean dot = cleaned.equals(".");
        if (!dot && cleaned.length() == length && value.regionMatches(from, cleaned, 0, length)) return true;
        if (dialect.has(Quirk.RAW_WILDCARD_RESOURCE_MATCH)) {
            // Before beta.6 (and on MinIO) wildcards see the raw "bucket/" and uncleaned "..".
            return resourceGlob(value, from).matches(resource);
        }
        return !dot && resourceGlob(value, from).matches(cleaned);
    }

    private Glob glob(String pattern) {
        return Glob.of(pattern, globs);
    }

    /**
     * The compiled pattern of a Resource value, by the value itself: the model's strings, whose
     * hashes are kept, rather than a new substring to hash per request.
     */
    private Glob resourceGlob(String value, int from) {
        Glob g = resourceGlobs.get(value);
        if (g == null) {
            g = glob(value.substring(from));
            resourceGlobs.put(value, g);
        }
        return g;
    }
}
