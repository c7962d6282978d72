package dev.bucketscope.dialect;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One server dialect: RustFS at a given version, MinIO, or AWS S3. It knows which actions,
 * action wildcards, condition operators and keys the server accepts, and which {@link Quirk}s it has.
 * Everything version-dependent comes from the bundled data files ({@code dialects/*.tsv}); instances
 * are immutable and cached, so asking for the same dialect twice is cheap.
 */
public final class Dialect {

    private static final Map<String, Dialect> CACHE = new ConcurrentHashMap<>();

    private final DialectKind kind;
    private final RustfsVersion requested;
    /** Made once: messages name the dialect per finding (1,500 of ineffective-grant's on 10,000 policies). */
    private final String displayName;
    // The version whose rules apply: requested, clamped to the versions the reference describes.
    private final RustfsVersion rules;
    private final String warning;
    /**
     * Whether each quirk holds, by ordinal: the evaluator asks per statement and request, and an
     * array read costs less than a set's (a wrapped EnumSet was a few per cent of an inventory rule).
     */
    private final boolean[] quirks;
    private final List<ActionInfo> actions;
    /** The S3 actions alone: what {@code "*"} grants where {@link Quirk#STAR_ACTION_IS_S3_ONLY}. */
    private final List<ActionInfo> s3Actions;
    /** The management actions of a bucket or its objects (not global ones), in catalogue order. */
    private final List<ActionInfo> bucketManagement;
    /**
     * Each action by name, alone in a list: that list is also its expansion, made once, as
     * expand() is asked for every Action value. By lower-cased name too, for case-insensitive
     * dialects and for suggestions.
     */
    private final Map<String, List<ActionInfo>> byName;
    private final Map<String, List<ActionInfo>> byLowerName;
    private final List<String> wildcards;
    private final Set<String> operators = new LinkedHashSet<>();
    private final List<String> qualifiers = new ArrayList<>();
    private final List<String> suffixes = new ArrayList<>();
    private final Map<String, String> keysByLowerName = new HashMap<>();
    // Dialects are shared between threads: this memo is the only state that changes after construction.
    private static final int ACCEPTED_CACHE_LIMIT = 65_536;
    private static final int MAX_REMEMBERED = 10_000;
    private final Map<String, ActionCheck> checkedActions = new ConcurrentHashMap<>();
    private final Map<String, List<ActionInfo>> expanded = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> matchedByPattern = new ConcurrentHashMap<>();
    private final Set<String> keys = new LinkedHashSet<>();
    private final List<String> keyPrefixes = new ArrayList<>();

    private Dialect(DialectKind kind, RustfsVersion requested) {
        this.kind = kind;
        this.requested = requested;
        this.displayName = switch (kind) {
            case RUSTFS -> "RustFS " + requested;
            case MINIO -> "MinIO";
            case AWS -> "AWS S3";
        };
        if (requested == null) {
            // Unversioned dialects: rows are selected by their y/n column, the version is never read.
            this.rules = RustfsVersion.NEWEST_KNOWN;
            this.warning = null;
        } else if (requested.compareTo(RustfsVersion.NEWEST_KNOWN) > 0) {
            this.rules = RustfsVersion.NEWEST_KNOWN;
            this.warning = "RustFS " + requested + " is newer than the newest version bucketscope knows; assuming the rules of "
                    + RustfsVersion.NEWEST_KNOWN;
        } else if (requested.isBefore(RustfsVersion.OLDEST_DESCRIBED)) {
            this.rules = RustfsVersion.OLDEST_DESCRIBED;
            this.warning = "RustFS " + requested + " is older than " + RustfsVersion.OLDEST_DESCRIBED
                    + ", the oldest version bucketscope describes; assuming the rules of " + RustfsVersion.OLDEST_DESCRIBED;
        } else {
            this.rules = requested;
            this.warning = null;
        }
        DialectData data = DialectData.get();

        EnumSet<Quirk> q = EnumSet.noneOf(Quirk.class);
        for (DialectData.QuirkRow row : data.quirks) {
            if (row.dialect() == kind && row.range().contains(rules)) {
                q.add(row.quirk());
            }
        }
        this.quirks = new boolean[Quirk.values().length];
        for (Quirk x : q) this.quirks[x.ordinal()] = true;

        List<ActionInfo> list = new ArrayList<>();
        List<String> wild = new ArrayList<>();
        Map<String, ActionInfo> exact = new HashMap<>();
        Map<String, ActionInfo> lower = new HashMap<>();
        for (DialectData.ActionRow row : data.actions) {
            if (!row.in(kind, rules)) {
                continue;
            }
            if (row.isWildcard()) {
                wild.add(row.name());
                continue;
            }
            ActionInfo info = row.info();
            list.add(info);
            exact.put(info.name(), info);
            lower.putIfAbsent(info.name().toLowerCase(Locale.ROOT), info);
        }
        this.actions = List.copyOf(list);
        List<ActionInfo> s3 = new ArrayList<>();
        for (ActionInfo a : this.actions) if (a.family() == ActionFamily.S3) s3.add(a);
        this.s3Actions = List.copyOf(s3);
        List<ActionInfo> management = new ArrayList<>();
        for (ActionInfo a : this.actions) {
            if (a.capability() == Capability.MANAGEMENT && a.level() != ActionLevel.GLOBAL) management.add(a);
        }
        this.bucketManagement = List.copyOf(management);
        this.wildcards = List.copyOf(wild);
        Map<String, List<ActionInfo>> alone = new HashMap<>();
        for (Map.Entry<String, ActionInfo> e : exact.entrySet()) alone.put(e.getKey(), List.of(e.getValue()));
        Map<String, List<ActionInfo>> aloneLower = new HashMap<>();
        for (Map.Entry<String, ActionInfo> e : lower.entrySet()) aloneLower.put(e.getKey(), alone.get(e.getValue().name()));
        // A HashMap, never changed after this: it compares hashes before keys, and a key that is
        // this map's own String (see canonicalActionName) is found without comparing characters.
        this.byName = alone;
        this.byLowerName = Map.copyOf(aloneLower);

        for (DialectData.ConditionRow row : data.conditions) {
            if (!row.in(kind, rules)) {
                continue;
            }
            switch (row.kind()) {
                case OPERATOR -> operators.add(row.name());
                case QUALIFIER -> qualifiers.add(row.name());
                case SUFFIX -> suffixes.add(row.name());
                case KEY -> {
                    keys.add(row.name());
                    keysByLowerName.putIfAbsent(row.name().toLowerCase(Locale.ROOT), row.name());
                }
                case KEY_PREFIX -> keyPrefixes.add(row.name());
            }
        }
    }

    /**
     * Parses a dialect name: {@code rustfs} (the newest known version), {@code rustfs@<version>} with a
     * full or short version ({@code rustfs@1.0.0-alpha.78}, {@code rustfs@alpha.78}), {@code minio},
     * {@code aws}. Names are case-insensitive.
     */
    public static Dialect parse(String spec) throws UnknownDialectException {
        if (spec == null || spec.isBlank()) {
            throw new UnknownDialectException("no dialect given");
        }
        String text = spec.strip().toLowerCase(Locale.ROOT);
        switch (text) {
            case "rustfs":
                return rustfs(RustfsVersion.NEWEST_KNOWN);
            case "minio":
                return cached("minio", DialectKind.MINIO, null);
            case "aws":
                return cached("aws", DialectKind.AWS, null);
            default:
                break;
        }
        if (text.startsWith("rustfs@")) {
            String version = spec.strip().substring("rustfs@".length());
            Optional<RustfsVersion> v = RustfsVersion.parse(version);
            if (v.isEmpty()) {
                throw new UnknownDialectException("unknown RustFS version \"" + version + "\" in dialect \"" + spec.strip() + "\"");
            }
            return rustfs(v.get());
        }
        throw new UnknownDialectException("unknown dialect \"" + spec.strip() + "\"");
    }

    private static Dialect rustfs(RustfsVersion v) {
        return cached("rustfs@" + v, DialectKind.RUSTFS, v);
    }

    // No computeIfAbsent lambda: this runs on the CLI's start-up path, where lambda bootstrap costs.
    private static Dialect cached(String id, DialectKind kind, RustfsVersion v) {
        Dialect d = CACHE.get(id);
        if (d == null) {
            d = new Dialect(kind, v);
            Dialect raced = CACHE.putIfAbsent(id, d);
            d = raced != null ? raced : d;
        }
        return d;
    }

    /** RustFS at the newest known version. */
    public static Dialect defaultDialect() {
        return rustfs(RustfsVersion.NEWEST_KNOWN);
    }

    /** The accepted spellings, for usage and error messages. */
    public static List<String> validForms() {
        return List.of("rustfs", "rustfs@<version> (e.g. rustfs@1.0.0-alpha.78)", "minio", "aws");
    }

    /** Canonical id: {@code rustfs@1.0.0-rc.3}, {@code minio}, {@code aws}. */
    public String id() {
        return requested == null ? kind.name().toLowerCase(Locale.ROOT) : "rustfs@" + requested;
    }

    /** Name for people: {@code RustFS 1.0.0-alpha.78}, {@code MinIO}, {@code AWS S3}. */
    public String displayName() {
        return displayName;
    }

    public DialectKind kind() {
        return kind;
    }

    /** The RustFS version asked for (not clamped); empty for MinIO and AWS. */
    public Optional<RustfsVersion> version() {
        return Optional.ofNullable(requested);
    }

    /** Set when the version is outside what bucketscope describes and other rules are assumed. */
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    public boolean has(Quirk q) {
        return quirks[q.ordinal()];
    }

    /** Every concrete action this dialect knows, in catalogue order; family wildcards are not listed. */
    public List<ActionInfo> actions() {
        return actions;
    }

    /** The catalogue's management actions on a bucket or its objects (global ones left out), in catalogue order. */
    public List<ActionInfo> bucketManagementActions() {
        return bucketManagement;
    }

    /** Whether this is, exactly as written, the name of an action in the catalogue. */
    public boolean knows(String exactName) {
        return byName.containsKey(exactName);
    }

    /** Exact lookup: case-sensitive, except where the dialect ignores case in action names (AWS). */
    public Optional<ActionInfo> action(String name) {
        List<ActionInfo> alone = alone(name);
        return alone == null ? Optional.empty() : Optional.of(alone.get(0));
    }

    /**
     * This dialect's own String for a catalogue action spelled exactly so, else {@code name}
     * itself. Policies are read with their Action values canonical: every rule then asks the
     * catalogue about the same String, and finding it needs no comparison of characters (six
     * rules ask about every Action value: over 10,000 policies the lookups fell from 56 to 25 ms
     * of CPU a run, async-profiler, five runs each).
     */
    public String canonicalActionName(String name) {
        List<ActionInfo> a = byName.get(name);
        return a != null ? a.get(0).name() : name;
    }

    /** {@link #action}'s answer alone in a list (its expansion), or null. */
    private List<ActionInfo> alone(String name) {
        List<ActionInfo> alone = byName.get(name);
        if (alone == null && has(Quirk.ACTION_NAMES_CASE_INSENSITIVE)) {
            alone = byLowerName.get(name.toLowerCase(Locale.ROOT));
        }
        return alone;
    }

    /**
     * Is this Action/NotAction value accepted, and if not, what did the author probably mean?
     * Answers are remembered: a repository repeats the same values, and the "did you mean" search
     * over the catalogue is the costly part of a whole-repository run.
     */
    public ActionCheck checkAction(String value) {
        ActionCheck cached = checkedActions.get(value);
        if (cached != null) return cached;
        ActionCheck answer = check(value);
        // Bounded so that hostile input (thousands of distinct made-up names) cannot grow it without limit.
        if (checkedActions.size() < MAX_REMEMBERED) checkedActions.put(value, answer);
        return answer;
    }

    private ActionCheck check(String value) {
        Optional<ActionInfo> known = action(value);
        if (known.isPresent()) {
            String name = known.get().name();
            String message = name.equals(value) ? value + " is a " + displayName() + " action"
                    : value + " is " + name + " (" + displayName() + " ignores case in action names)";
            return new ActionCheck(ActionCheck.Status.KNOWN, message, Optional.empty());
        }
        if (value.equals("*")) {
            return checkStar();
        }
        if (wildcards.contains(value) || ActionGlob.hasWildcard(value) && has(Quirk.ACTION_WILDCARDS_ACCEPTED)) {
            List<ActionInfo> granted = expand(value);
            if (!granted.isEmpty()) {
                return new ActionCheck(ActionCheck.Status.WILDCARD,
                        value + " grants " + granted.size() + " " + displayName() + " actions: " + summary(granted),
                        Optional.empty());
            }
            return unknown(value, value + " matches no action " + displayName() + " knows", Optional.empty());
        }
        if (ActionGlob.hasWildcard(value)) {
            if (rustfsRow(value).isPresent()) {
                // A family wildcard of another version (sts:* before alpha.99): say when it arrives.
                return unknownAction(value);
            }
            return new ActionCheck(ActionCheck.Status.UNSUPPORTED_WILDCARD,
                    displayName() + " rejects the action wildcard " + value + ": RustFS accepts only "
                            + String.join(", ", wildcards) + " as wildcards; list the actions you need",
                    Optional.empty());
        }
        return unknownAction(value);
    }

    private ActionCheck checkStar() {
        if (has(Quirk.STAR_ACTION_REJECTED)) {
            return unknown("*", "\"*\" is rejected before alpha.79 (" + Quirk.STAR_ACTION_REJECTED.description() + ")",
                    Optional.of("s3:*"));
        }
        if (has(Quirk.STAR_ACTION_IS_S3_ONLY)) {
            return new ActionCheck(ActionCheck.Status.WILDCARD,
                    "\"*\" means s3:* on " + displayName() + ": it grants every S3 action but no admin:, kms: or sts: action",
                    Optional.empty());
        }
        return new ActionCheck(ActionCheck.Status.WILDCARD, "\"*\" grants every " + displayName() + " action",
                Optional.empty());
    }

    private ActionCheck unknownAction(String value) {
        Optional<ActionFamily> family = ActionFamily.of(value);
        List<String> notes = new ArrayList<>();
        String suggestion = null;
        if (family.isEmpty()) {
            notes.add("action names start with s3:, admin:, kms: or sts:");
        }
        if (family.orElse(null) == ActionFamily.STS && has(Quirk.STS_ACTIONS_UNSUPPORTED)) {
            notes.add("sts: actions exist only from " + lowerBoundOf("sts:*"));
        } else {
            Optional<DialectData.ActionRow> row = rustfsRow(value);
            if (row.isPresent()) notes.add(availability(row.get()));
        }
        // Other dialects' spelling of the same permission, in either direction of the "same" column.
        for (DialectData.ActionRow row : DialectData.get().actions) {
            String candidate = null;
            if (row.name().equals(value)) {
                for (String s : row.same()) {
                    if (action(s).isPresent() || wildcards.contains(s)) {
                        candidate = s;
                        break;
                    }
                }
            } else if (row.same().contains(value) && row.in(kind, rules)) {
                candidate = row.name();
            }
            if (candidate != null) {
                Optional<ActionInfo> known = action(candidate);
                suggestion = known.isPresent() ? known.get().name() : candidate;
                notes.add(kindName() + " calls this " + suggestion);
                break;
            }
        }
        if (suggestion == null) {
            List<ActionInfo> caseOnly = byLowerName.get(value.toLowerCase(Locale.ROOT));
            if (caseOnly != null) {
                suggestion = caseOnly.get(0).name();
                notes.add("action names are case-sensitive; did you mean " + suggestion);
            }
        }
        if (suggestion == null) {
            List<String> names = new ArrayList<>(actions.size());
            for (ActionInfo a : actions) names.add(a.name());
            Optional<String> near = Spelling.nearest(value, names);
            if (near.isPresent()) {
                suggestion = near.get();
                notes.add("did you mean " + suggestion);
            }
        }
        String message = "\"" + value + "\" is not an action " + displayName() + " knows"
                + (notes.isEmpty() ? "" : ": " + String.join("; ", notes));
        return new ActionCheck(ActionCheck.Status.UNKNOWN, message, Optional.ofNullable(suggestion));
    }

    private ActionCheck unknown(String value, String why, Optional<String> suggestion) {
        return new ActionCheck(ActionCheck.Status.UNKNOWN, "\"" + value + "\" is not accepted by " + displayName() + ": " + why,
                suggestion);
    }

    /** The catalogue row of {@code name} if RustFS knows it at some other version (RustFS dialects only). */
    private Optional<DialectData.ActionRow> rustfsRow(String name) {
        if (kind != DialectKind.RUSTFS) {
            return Optional.empty();
        }
        for (DialectData.ActionRow r : DialectData.get().actions) {
            if (r.name().equals(name) && !r.rustfs().empty() && !r.rustfs().contains(rules)) return Optional.of(r);
        }
        return Optional.empty();
    }

    private static String availability(DialectData.ActionRow row) {
        VersionRange r = row.rustfs();
        if (r.upperBound().isPresent() && r.lowerBound().isEmpty()) {
            return row.name() + " was removed from RustFS at " + r.upperBound().get();
        }
        String text = row.name() + " exists in RustFS only from " + (r.lowerBound().isPresent() ? r.lowerBound().get().toString() : "?");
        return r.upperBound().isPresent() ? text + " until before " + r.upperBound().get() : text;
    }

    private static String lowerBoundOf(String name) {
        for (DialectData.ActionRow r : DialectData.get().actions) {
            if (r.name().equals(name)) return r.rustfs().lowerBound().isPresent() ? r.rustfs().lowerBound().get().toString() : "?";
        }
        return "?";
    }

    private String kindName() {
        return switch (kind) {
            case RUSTFS -> "RustFS";
            case MINIO -> "MinIO";
            case AWS -> "AWS";
        };
    }

    private static String summary(List<ActionInfo> granted) {
        int shown = Math.min(granted.size(), 8);
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < shown; i++) head.append(i == 0 ? "" : ", ").append(granted.get(i).name());
        return granted.size() > shown ? head + ", …" : head.toString();
    }

    /**
     * The concrete actions an accepted Action value grants here: a concrete name gives itself,
     * {@code "*"} gives every action (only the S3 ones where {@link Quirk#STAR_ACTION_IS_S3_ONLY}),
     * family wildcards and (MinIO, AWS) other patterns give the actions they match. Values the dialect
     * rejects give an empty list.
     */
    public List<ActionInfo> expand(String pattern) {
        if (pattern.equals("*")) {
            if (has(Quirk.STAR_ACTION_REJECTED)) {
                return List.of();
            }
            if (has(Quirk.STAR_ACTION_IS_S3_ONLY)) {
                return s3Actions;
            }
            return actions;
        }
        List<ActionInfo> exact = alone(pattern);
        if (exact != null) {
            return exact;
        }
        if (!wildcards.contains(pattern) && !(ActionGlob.hasWildcard(pattern) && has(Quirk.ACTION_WILDCARDS_ACCEPTED))) {
            return List.of();
        }
        List<ActionInfo> known = expanded.get(pattern);
        if (known != null) {
            return known;
        }
        boolean ignoreCase = has(Quirk.ACTION_NAMES_CASE_INSENSITIVE);
        List<ActionInfo> matched = new ArrayList<>();
        for (ActionInfo a : actions) if (ActionGlob.matches(pattern, a.name(), ignoreCase)) matched.add(a);
        List<ActionInfo> granted = List.copyOf(matched);
        // Remembered like checkAction's answers: every policy repeats the same few wildcards.
        if (expanded.size() < MAX_REMEMBERED) {
            expanded.put(pattern, granted);
        }
        return granted;
    }

    /**
     * Would a statement whose Action lists {@code pattern} match a request for {@code requestedAction}?
     * Values the dialect rejects match nothing; implicit actions (GetObjectVersion ⇒ GetObject) are not applied.
     */
    public boolean actionMatches(String pattern, String requestedAction) {
        if (byName.containsKey(requestedAction)) {
            Set<String> matched = catalogueMatches(pattern);
            if (matched != null) {
                return matched.contains(requestedAction);
            }
        }
        return matchesDirectly(pattern, requestedAction);
    }

    /**
     * The catalogue's actions a pattern matches, remembered per pattern (null once too many are):
     * the evaluator asks about the same few Action values of a repository for every request, and
     * the inventory rules ask about every management action of the catalogue.
     */
    private Set<String> catalogueMatches(String pattern) {
        Set<String> known = matchedByPattern.get(pattern);
        if (known != null || matchedByPattern.size() >= MAX_REMEMBERED) {
            return known;
        }
        Set<String> out = new HashSet<>();
        for (ActionInfo a : actions) {
            if (matchesDirectly(pattern, a.name())) {
                out.add(a.name());
            }
        }
        matchedByPattern.put(pattern, out);
        return out;
    }

    private boolean matchesDirectly(String pattern, String requestedAction) {
        if (!accepted(pattern)) {
            return false;
        }
        if (pattern.equals("*") && has(Quirk.STAR_ACTION_IS_S3_ONLY)) {
            return requestedAction.startsWith(ActionFamily.S3.prefix());
        }
        return ActionGlob.matches(pattern, requestedAction, has(Quirk.ACTION_NAMES_CASE_INSENSITIVE));
    }

    /** Whether the server accepts the action value (answers are remembered by {@link #checkAction}). */
    private boolean accepted(String pattern) {
        return checkAction(pattern).accepted();
    }

    /**
     * Does the dialect accept this condition operator? Handles {@code ForAnyValue:}/{@code ForAllValues:}
     * qualifiers and the generic {@code …IfExists} suffix where the version has them.
     */
    public boolean acceptsConditionOperator(String op) {
        String base = op;
        for (String q : qualifiers) {
            if (base.startsWith(q)) {
                base = base.substring(q.length());
                break;
            }
        }
        if (operators.contains(base)) {
            return true;
        }
        for (String suffix : suffixes) {
            if (base.endsWith(suffix)) {
                String inner = base.substring(0, base.length() - suffix.length());
                // IAM defines no NullIfExists: Null already tests for absence.
                if (!inner.equals("Null") && operators.contains(inner)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Does the dialect accept this condition key? A {@code /<suffix>} may follow a known key. */
    public boolean acceptsConditionKey(String key) {
        int slash = key.indexOf('/');
        if (slash == key.length() - 1) {
            return false;
        }
        String base = slash < 0 ? key : key.substring(0, slash);
        if (keys.contains(base)) {
            return true;
        }
        for (String prefix : keyPrefixes) {
            if (key.length() > prefix.length() && key.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The spelling this dialect accepts for a rejected key: the same key in another case
     * ({@code aws:PrincipalType} → {@code aws:principaltype} on RustFS), or a close typo.
     */
    public Optional<String> conditionKeySuggestion(String key) {
        if (acceptsConditionKey(key)) {
            return Optional.empty();
        }
        int slash = key.indexOf('/');
        String base = slash < 0 ? key : key.substring(0, slash);
        String rest = slash < 0 ? "" : key.substring(slash);
        String sameButCase = keysByLowerName.get(base.toLowerCase(Locale.ROOT));
        if (sameButCase != null) {
            return Optional.of(sameButCase + rest);
        }
        Optional<String> near = Spelling.nearest(base, keys);
        return near.isPresent() ? Optional.of(near.get() + rest) : Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
