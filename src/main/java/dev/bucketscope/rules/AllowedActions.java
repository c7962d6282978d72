package dev.bucketscope.rules;

import dev.bucketscope.core.PolicyContext;
import dev.bucketscope.dialect.ActionInfo;
import dev.bucketscope.dialect.Capability;
import dev.bucketscope.policy.Statement;
import dev.bucketscope.policy.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Allow statements of a loaded policy and how to speak about what their actions grant: the
 * least-privilege rules judge only what is allowed (a wildcard in a Deny only narrows access).
 */
final class AllowedActions {
    // Management actions that read configuration, or that are not about configuring a bucket at all.
    private static final List<String> READ_VERBS = List.of("Get", "List", "Describe", "Listen");
    private static final Set<String> NOT_CONFIGURATION = Set.of("s3:PutObjectFanOut", "s3:ListAllMyBuckets");

    // What a reviewer should see first when a wildcard hides many actions.
    static final List<String> HEADLINE = List.of("s3:DeleteBucket", "s3:ForceDeleteBucket", "s3:PutBucketPolicy",
            "s3:DeleteObject", "s3:PutBucketAcl", "s3:PutObjectAcl", "s3:PutBucketLifecycle", "s3:PutBucketVersioning",
            "s3:BypassGovernanceRetention", "admin:CreateUser", "admin:AttachUserOrGroupPolicy", "admin:CreatePolicy");
    /** Each headline name's place. */
    private static final Map<String, Integer> HEADLINE_RANK = rank(HEADLINE);

    private static Map<String, Integer> rank(List<String> names) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < names.size(); i++) out.putIfAbsent(names.get(i), i);
        return Map.copyOf(out);
    }

    /** The families whose {@code family:*} is a whole family; compared ignoring ASCII case only. */
    private static final List<String> STAR_FAMILIES = List.of("s3", "admin", "kms", "sts");

    private AllowedActions() {}

    /** The Allow statements, or none when the policy did not load. */
    static List<Statement> statements(PolicyContext ctx) {
        if (ctx.policy().isEmpty()) return List.of();
        // Seven rules ask for every policy: a plain loop, and no copy at all for a policy without
        // a Deny (a stream per call was 6 % of a 10,000-policy run's allocation).
        List<Statement> all = ctx.policy().get().statements();
        int allow = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).isAllow()) allow++;
        }
        if (allow == all.size()) return all;
        List<Statement> out = new ArrayList<>(allow);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).isAllow()) out.add(all.get(i));
        }
        return Collections.unmodifiableList(out);
    }

    /** {@code *} or a whole family ({@code s3:*}, {@code admin:*}, ...), as opposed to a partial wildcard. */
    static boolean isFamilyStar(String value) {
        if (value.equals("*")) return true;
        // What (?i)(s3|admin|kms|sts):\* matches, without a regex: this runs for every action of
        // every statement. (?i) alone folds ASCII letters only, and so does this.
        int colon = value.length() - 2;
        if (colon < 1 || value.charAt(colon) != ':' || value.charAt(colon + 1) != '*') return false;
        for (String family : STAR_FAMILIES) {
            if (family.length() == colon && asciiEqualsIgnoreCase(value, family, colon)) return true;
        }
        return false;
    }

    private static boolean asciiEqualsIgnoreCase(String value, String lowerCase, int length) {
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
            if (c != lowerCase.charAt(i)) return false;
        }
        return true;
    }

    /** A management action that changes a bucket, its objects' protection or the account (not a read). */
    static boolean changesConfiguration(ActionInfo a) {
        if (a.capability() != Capability.MANAGEMENT || NOT_CONFIGURATION.contains(a.name())) return false;
        // A loop, not a stream: this runs for every action a wildcard expands to.
        int verb = a.name().indexOf(':') + 1;
        for (int i = 0; i < READ_VERBS.size(); i++) {
            if (a.name().startsWith(READ_VERBS.get(i), verb)) return false;
        }
        return true;
    }

    /** Deletes data, changes configuration or administers the server. */
    static boolean isDestructive(ActionInfo a) {
        return a.capability() == Capability.DELETE || a.capability() == Capability.ADMIN || changesConfiguration(a);
    }

    /** The destructive actions among {@code granted}, the ones reviewers recognise first, then catalogue order. */
    static List<String> dangerousFirst(List<ActionInfo> granted) {
        // Headline actions first in headline order, the rest after in catalogue order. Ranked once
        // each, not per comparison: a NotAction or '*' grant has a hundred destructive actions.
        List<String> ranked = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        int[] seen = new int[HEADLINE.size()];
        for (int i = 0; i < granted.size(); i++) {
            ActionInfo a = granted.get(i);
            int place = place(a);
            if (place == NOT_DESTRUCTIVE) continue;
            if (place == UNRANKED) rest.add(a.name());
            else seen[place]++;
        }
        for (int r = 0; r < seen.length; r++) {
            for (int k = 0; k < seen[r]; k++) ranked.add(HEADLINE.get(r));
        }
        ranked.addAll(rest);
        return ranked;
    }

    private static final int NOT_DESTRUCTIVE = -1;
    private static final int UNRANKED = 100; // after every headline rank
    /**
     * Each catalogue action's place in {@link #dangerousFirst} (not destructive, its headline
     * rank, or unranked), by name, with the capability it was worked out for: worked out once per
     * action (the catalogue is a few hundred), where {@code wildcard-action} and
     * {@code allow-notaction} rank a hundred actions for every {@code s3:*} or NotAction grant:
     * judging each again was 14–19 ms of CPU over 10,000 policies, this 10 ms (async-profiler,
     * five runs each). Keyed by the name, whose hash the String keeps: keyed by the action, the
     * record's hash, computed field by field on every call under C1, made it 49 ms.
     */
    private static final Map<String, Place> PLACES = new java.util.concurrent.ConcurrentHashMap<>();

    private record Place(Capability capability, int place) {}

    private static int place(ActionInfo a) {
        Place p = PLACES.get(a.name());
        if (p == null || p.capability() != a.capability()) {
            Integer rank = HEADLINE_RANK.get(a.name());
            p = new Place(a.capability(), !isDestructive(a) ? NOT_DESTRUCTIVE : rank != null ? rank : UNRANKED);
            PLACES.put(a.name(), p);
        }
        return p.place();
    }

    /** "a, b, c and 4 more": at most {@code cap} items, then a count of the rest. */
    static String names(List<String> items, int cap) {
        String head = String.join(", ", items.size() > cap ? items.subList(0, cap) : items);
        return items.size() > cap ? head + " and " + (items.size() - cap) + " more" : head;
    }

    /** The statement's Resource values, quoted, for "... on X" in messages. */
    static String resources(Statement st) {
        if (st.resources().isEmpty()) return "any resource";
        return quoted(st.resources(), 3);
    }

    static List<String> actionNames(List<ActionInfo> actions) {
        List<String> out = new ArrayList<>(actions.size());
        for (ActionInfo a : actions) out.add(a.name());
        return out;
    }

    static String quoted(List<Value> values) {
        return quoted(values, 4);
    }

    private static String quoted(List<Value> values, int cap) {
        List<String> out = new ArrayList<>(values.size());
        for (Value v : values) out.add("'" + v.text() + "'");
        return names(out, cap);
    }
}
