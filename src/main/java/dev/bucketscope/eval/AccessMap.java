package dev.bucketscope.eval;

import dev.bucketscope.dialect.ActionFamily;
import dev.bucketscope.dialect.ActionInfo;
import dev.bucketscope.dialect.ActionLevel;
import dev.bucketscope.dialect.Capability;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.glob.Glob;
import dev.bucketscope.glob.PatternAlgebra;
import dev.bucketscope.glob.PatternTooComplexException;
import dev.bucketscope.policy.Policy;
import dev.bucketscope.policy.Statement;
import dev.bucketscope.policy.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one policy actually grants on one bucket, decided by the evaluator (Deny statements and
 * dialect quirks included). A capability counts as granted when the server would allow its
 * action for some key of the bucket: the keys tried are a neutral one plus, for every Allow
 * pattern, a key that pattern matches in this bucket (found with the pattern algebra), so a grant
 * on one prefix is seen. "Whole bucket" answers use the neutral key.
 */
public final class AccessMap {
    /** The action that stands for each capability (the companions follow the same grants). */
    public static final Map<Capability, String> PRIMARY = Map.of(
            Capability.LIST, "s3:ListBucket",
            Capability.READ, "s3:GetObject",
            Capability.WRITE, "s3:PutObject",
            Capability.DELETE, "s3:DeleteObject");

    private static final String NEUTRAL_KEY = "bucketscope-any-key";
    private static final String S3_ARN = "arn:aws:s3:::";

    private final Evaluator evaluator;
    private final List<Policy> policies;
    // The literal prefixes of the Allow resource patterns; null when some Allow statement can reach any bucket.
    private List<String> reachPrefixes;
    private static final int KEY_CACHE_LIMIT = 4096;
    private final Map<String, List<String>> keysByBucket = new java.util.HashMap<>();
    private boolean reachComputed;
    // Whether some Allow statement names an action does not depend on the bucket: answered once
    // per policy for the catalogue's actions (the union of what each Allow statement matches) and
    // once per name for any other spelling, not once per action and bucket.
    private Set<String> catalogueNamed;
    private final Map<String, Boolean> named = new java.util.HashMap<>();
    /** The catalogue's bucket- and object-level management actions that some Allow statement names. */
    private List<ActionInfo> managementNamed;
    private List<Glob> allowPatterns;
    /** See {@link #unnamed}: false to decide every bucket in full (for the test that compares both). */
    private final boolean shortcuts;
    /** The literal prefixes of every Resource and NotResource pattern; null when some pattern could reach any bucket unevenly. */
    private List<String> namedPrefixes;
    private boolean namedComputed;
    /** The decision on a bucket no pattern names, by action: the same for every such bucket and key. */
    private final Map<String, Outcome> onUnnamed = new java.util.HashMap<>();

    public AccessMap(Evaluator evaluator, List<Policy> policies) {
        this(evaluator, policies, true);
    }

    AccessMap(Evaluator evaluator, List<Policy> policies, boolean shortcuts) {
        this.evaluator = evaluator;
        this.policies = List.copyOf(policies);
        this.shortcuts = shortcuts;
    }

    /**
     * Can any S3 request on this bucket be allowed at all? A conservative filter (true when in
     * doubt) that lets a caller skip buckets of other components without evaluating: an Allow
     * statement matches a request only when its resource pattern matches the bucket's resource
     * ({@code bucket} or {@code bucket/key}, cleaned), which must then start with the pattern's
     * literal prefix, so the bucket name and that prefix must be prefixes of each other. Keys tried
     * for a bucket are the neutral one and witnesses of patterns meeting the bucket, so no other
     * key can reach past this. Statements whose actions all name another service cannot allow an
     * S3 request; those that may skip Resource (NotResource, none, admin actions beside S3 ones),
     * a bare {@code *}, and odd bucket names ('/' or dot segments) answer true.
     */
    public boolean mayReach(String bucket) {
        List<String> prefixes = reachPrefixes();
        if (prefixes == null || !judgedByPrefix(bucket)) return true;
        String b = bucket.toLowerCase(java.util.Locale.ROOT);
        for (String p : prefixes) {
            if (b.startsWith(p) || p.startsWith(b)) return true;
        }
        return false;
    }

    /**
     * Whether a bucket name can be judged by comparing it with literal prefixes: not empty, no '/'
     * and no dot segment, which path cleaning would move to another bucket or key.
     */
    public static boolean judgedByPrefix(String bucket) {
        return !bucket.isEmpty() && !bucket.contains("/") && !bucket.equals(".") && !bucket.equals("..");
    }

    /**
     * The lower-cased literal prefixes of every Allow resource pattern, or null when some Allow
     * statement can reach any bucket; also usable as an index key by callers.
     */
    public List<String> reachPrefixes() {
        if (reachComputed) return reachPrefixes;
        List<String> out = new ArrayList<>();
        boolean aws = evaluator.dialect().kind() == dev.bucketscope.dialect.DialectKind.AWS;
        outer:
        for (Policy p : policies) {
            for (Statement st : p.statements()) {
                if (!st.isAllow() || !mayMatchS3(st)) continue;
                if (st.resources().isEmpty() || !st.notResources().isEmpty()) { out = null; break outer; }
                if (st.namesFamily(ActionFamily.ADMIN)) { out = null; break outer; }
                for (Value r : st.resources()) {
                    String v = r.text();
                    if (!v.startsWith(S3_ARN)) {
                        if (aws || v.equals("*")) { out = null; break outer; }
                        continue; // RustFS and MinIO match only S3 ARNs (and a bare '*')
                    }
                    String prefix = literalPrefix(v.substring(S3_ARN.length()));
                    if (prefix.isEmpty()) { out = null; break outer; }
                    out.add(prefix.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        reachPrefixes = out == null ? null : List.copyOf(out);
        reachComputed = true;
        return reachPrefixes;
    }

    /** False only when every Action names another service outright ({@code admin:*}, {@code kms:Decrypt}). */
    private static boolean mayMatchS3(Statement st) {
        if (st.hasNotAction() || st.actions().isEmpty()) return true;
        for (Value a : st.actions()) {
            String v = a.text().toLowerCase(java.util.Locale.ROOT);
            int colon = v.indexOf(':');
            String service = colon < 0 ? v : v.substring(0, colon);
            if (colon < 0 || service.equals("s3") || service.indexOf('*') >= 0 || service.indexOf('?') >= 0) return true;
        }
        return false;
    }

    /** The text before the first wildcard or escape: every string the pattern matches starts with it. */
    static String literalPrefix(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '*' || ch == '?' || ch == '\\' || ch == '$' || ch == '[') return pattern.substring(0, i);
        }
        return pattern;
    }

    /** A granted action on a bucket, with the decision that granted it. */
    public record Grant(String action, String bucket, String key, Outcome outcome) {}

    /** The first allowed request for the capability on the bucket, trying every candidate key. */
    public Optional<Grant> granted(String bucket, Capability capability) {
        return grantedAction(bucket, PRIMARY.get(capability));
    }

    /** The decision for the capability on a neutral key of the bucket: what the whole bucket gets. */
    public Outcome wholeBucket(String bucket, Capability capability) {
        return decide(PRIMARY.get(capability), bucket, NEUTRAL_KEY);
    }

    /** Management actions the policy allows on the bucket (bucket- or object-level). */
    public List<Grant> management(String bucket) {
        if (managementNamed == null) {
            // Catalogue names: someAllowNames is catalogueNamed's answer for them. The dialect
            // keeps its bucket management actions apart, so 2,000 components do not each sift
            // the whole catalogue.
            List<ActionInfo> actions = new ArrayList<>();
            List<ActionInfo> candidates = evaluator.dialect().bucketManagementActions();
            Set<String> named = catalogueNamed();
            for (int i = 0; i < candidates.size(); i++) {
                if (named.contains(candidates.get(i).name())) actions.add(candidates.get(i));
            }
            managementNamed = List.copyOf(actions);
        }
        List<Grant> out = new ArrayList<>();
        for (int i = 0; i < managementNamed.size(); i++) {
            Optional<Grant> g = grantedAction(bucket, managementNamed.get(i).name()); // no out::add: see PolicyRule
            if (g.isPresent()) out.add(g.get());
        }
        return out;
    }

    private Optional<Grant> grantedAction(String bucket, String actionName) {
        Dialect d = evaluator.dialect();
        Optional<ActionInfo> action = d.action(actionName);
        if (action.isEmpty() || !someAllowNames(actionName)) return Optional.empty();
        if (unnamed(bucket)) {
            // Every key of this bucket is decided alike, so the neutral one (tried first) decides.
            Outcome o = onUnnamed(action.get(), bucket);
            String key = action.get().level() == ActionLevel.BUCKET ? "" : NEUTRAL_KEY;
            return o.allowed() ? Optional.of(new Grant(actionName, bucket, key, o)) : Optional.empty();
        }
        if (action.get().level() == ActionLevel.BUCKET) {
            Outcome o = evaluator.evaluate(policies, new Request(action.get(), bucket, ""));
            return o.allowed() ? Optional.of(new Grant(actionName, bucket, "", o)) : Optional.empty();
        }
        for (String key : keys(bucket)) {
            Outcome o = evaluator.evaluate(policies, new Request(action.get(), bucket, key));
            if (o.allowed()) return Optional.of(new Grant(actionName, bucket, key, o));
        }
        return Optional.empty();
    }

    /**
     * Does some Allow statement's Action (or NotAction) match this action? Only such a statement
     * can allow a request for it, so the other actions need no evaluation on any bucket or key:
     * a policy scoped to a few actions skips most of the catalogue's management actions at once.
     */
    private boolean someAllowNames(String actionName) {
        // A catalogue name is matched as the evaluator matches it (Evaluator.actionMatches).
        if (evaluator.dialect().knows(actionName)) return catalogueNamed().contains(actionName);
        Boolean known = named.get(actionName);
        if (known == null) {
            known = anyAllowNames(actionName);
            named.put(actionName, known);
        }
        return known;
    }

    /**
     * The catalogue actions some Allow statement matches, gathered once: asking of each of the
     * catalogue's ~150 actions whether some statement names it cost more, on 2,000 components,
     * than the rule that asked.
     */
    private Set<String> catalogueNamed() {
        if (catalogueNamed == null) {
            Set<String> out = new HashSet<>();
            for (int i = 0; i < policies.size(); i++) {
                List<Statement> statements = policies.get(i).statements();
                for (int j = 0; j < statements.size(); j++) {
                    if (statements.get(j).isAllow()) out.addAll(evaluator.catalogueMatches(statements.get(j)));
                }
            }
            catalogueNamed = out;
        }
        return catalogueNamed;
    }

    private boolean anyAllowNames(String actionName) {
        // Indexed loops: C1 does no escape analysis, so a for-each here allocated an iterator per
        // call (27 MB over 10,000 policies).
        for (int i = 0; i < policies.size(); i++) {
            List<Statement> statements = policies.get(i).statements();
            for (int j = 0; j < statements.size(); j++) {
                Statement st = statements.get(j);
                if (st.isAllow() && evaluator.actionMatches(st, actionName)) return true;
            }
        }
        return false;
    }

    private Outcome decide(String actionName, String bucket, String key) {
        ActionInfo action = evaluator.dialect().action(actionName).orElseThrow();
        if (key.equals(NEUTRAL_KEY) && unnamed(bucket)) return onUnnamed(action, bucket);
        return evaluator.evaluate(policies, new Request(action, bucket, action.level() == ActionLevel.BUCKET ? "" : key));
    }

    /**
     * Whether no Resource or NotResource pattern of the policy can tell this bucket from another
     * such bucket: every pattern either matches any resource (a bare {@code *}, or stars alone
     * after the ARN prefix) or has a literal prefix that neither starts this bucket's name nor is
     * started by it (compared case-insensitively, char by char, which only widens what counts as
     * named). A pattern of the second kind matches no resource of the bucket ({@code bucket},
     * {@code bucket/} or {@code bucket/key} all start with the name), one of the first kind every
     * one, conditions are judged without request context, and nothing else in a request depends
     * on the bucket; so every such bucket, with every key, gets the same decision, made once per
     * action. A policy that grants {@code s3:GetObject} on {@code *} is asked about every other
     * component's buckets: on 2,000 components that was most of {@code cross-component-access}.
     * Any other pattern (a star before any literal text, a value that is no S3 ARN) turns this off.
     */
    private boolean unnamed(String bucket) {
        if (!shortcuts || !judgedByPrefix(bucket)) return false;
        List<String> prefixes = namedPrefixes();
        if (prefixes == null) return false;
        for (int i = 0; i < prefixes.size(); i++) {
            String p = prefixes.get(i);
            if (startsWithIgnoringCase(bucket, p) || startsWithIgnoringCase(p, bucket)) return false;
        }
        return true;
    }

    private static boolean startsWithIgnoringCase(String s, String prefix) {
        return s.length() >= prefix.length() && s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** See {@link #unnamed}. */
    private List<String> namedPrefixes() {
        if (namedComputed) return namedPrefixes;
        namedComputed = true;
        List<String> out = new ArrayList<>();
        for (Policy p : policies) {
            for (Statement st : p.statements()) {
                if (!named(st.resources(), out) || !named(st.notResources(), out)) return namedPrefixes = null;
            }
        }
        return namedPrefixes = List.copyOf(out);
    }

    /** Adds the literal prefixes of these values; false for a value that could tell unnamed buckets apart. */
    private static boolean named(List<Value> values, List<String> out) {
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i).text();
            if (v.equals("*")) continue;
            if (!v.startsWith(S3_ARN)) return false;
            String pattern = v.substring(S3_ARN.length());
            if (Glob.starsOnly(pattern)) continue;
            String prefix = literalPrefix(pattern);
            if (prefix.isEmpty()) return false;
            out.add(prefix);
        }
        return true;
    }

    /** How many actions were decided once for every unnamed bucket (for tests). */
    int unnamedDecisions() {
        return onUnnamed.size();
    }

    /**
     * The decision for an action on any bucket {@link #unnamed} (asked with the neutral key), made
     * on the first such bucket asked about.
     */
    private Outcome onUnnamed(ActionInfo action, String unnamedBucket) {
        Outcome o = onUnnamed.get(action.name());
        if (o == null) {
            String key = action.level() == ActionLevel.BUCKET ? "" : NEUTRAL_KEY;
            o = evaluator.evaluate(policies, new Request(action, unnamedBucket, key));
            onUnnamed.put(action.name(), o);
        }
        return o;
    }

    /** {@link #candidateKeys}, computed once per bucket (each capability and management action asks again). */
    private List<String> keys(String bucket) {
        List<String> keys = keysByBucket.get(bucket);
        if (keys == null) {
            keys = candidateKeys(bucket);
            if (keysByBucket.size() < KEY_CACHE_LIMIT) keysByBucket.put(bucket, keys);
        }
        return keys;
    }

    /** The neutral key, and for each Allow resource pattern a key it matches in this bucket. */
    List<String> candidateKeys(String bucket) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(NEUTRAL_KEY);
        Glob objectsOfBucket = Glob.of(bucket + "/?*");
        for (Glob g : allowPatterns()) {
            try {
                Optional<String> w = PatternAlgebra.witnessIn(g, objectsOfBucket);
                if (w.isPresent()) {
                    keys.add(w.get().substring(bucket.length() + 1));
                    // The shortest witness may end in '/' or hold "//", which the server's path
                    // cleaning removes ("logs/" is asked as "logs"): also try the key with its
                    // empty segments filled, when the pattern still matches it.
                    String filled = fillEmptySegments(w.get().substring(bucket.length() + 1));
                    if (g.matches(bucket + "/" + filled)) keys.add(filled);
                }
            } catch (PatternTooComplexException e) {
                // the neutral key still answers; such patterns are reported elsewhere
            }
        }
        return new ArrayList<>(keys);
    }

    /**
     * The Allow statements' resource patterns (after the ARN prefix), compiled once: every bucket
     * a rule asks about is tried against all of them.
     */
    private List<Glob> allowPatterns() {
        if (allowPatterns == null) {
            List<Glob> out = new ArrayList<>();
            for (Policy p : policies) {
                for (Statement st : p.statements()) {
                    if (!st.isAllow()) continue;
                    for (Value r : st.resources()) {
                        String pattern = r.text().startsWith(S3_ARN) ? r.text().substring(S3_ARN.length()) : r.text();
                        if (pattern.isEmpty() || pattern.length() > PatternAlgebra.MAX_PATTERN_BYTES) continue;
                        out.add(Glob.of(pattern));
                    }
                }
            }
            allowPatterns = List.copyOf(out);
        }
        return allowPatterns;
    }

    /** "logs/" → "logs/x", "a//b" → "a/x/b": a key path cleaning leaves as it is. */
    static String fillEmptySegments(String key) {
        StringBuilder out = new StringBuilder();
        String[] parts = key.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) out.append('/');
            out.append(parts[i].isEmpty() || parts[i].equals(".") || parts[i].equals("..") ? "x" : parts[i]);
        }
        return out.toString();
    }
}
