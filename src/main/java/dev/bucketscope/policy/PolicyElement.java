package dev.bucketscope.policy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The element names of the policy grammar, and how a dialect spells and recognises them. */
public enum PolicyElement {
    VERSION("Version", true), ID("ID", true), ID_AWS("Id", true), STATEMENT("Statement", true),
    SID("Sid", false), EFFECT("Effect", false), PRINCIPAL("Principal", false),
    NOT_PRINCIPAL("NotPrincipal", false), ACTION("Action", false), NOT_ACTION("NotAction", false),
    RESOURCE("Resource", false), NOT_RESOURCE("NotResource", false), CONDITION("Condition", false);

    private final String spelling;
    private final String lowerSpelling;
    private final boolean topLevel;
    private final Optional<PolicyElement> found;
    // Asked for every key of every statement: no array copy (values()), lower-casing or Optional per call.
    private static final PolicyElement[] ALL = values();
    /** How many elements there are: the size of an array indexed by {@link #ordinal()}. */
    public static final int COUNT = ALL.length;

    PolicyElement(String spelling, boolean topLevel) {
        this.spelling = spelling;
        this.lowerSpelling = spelling.toLowerCase(Locale.ROOT);
        this.topLevel = topLevel;
        this.found = Optional.of(this);
    }

    public String spelling() {
        return spelling;
    }

    public boolean topLevel() {
        return topLevel;
    }

    /** The element this key names exactly, at the given level. */
    public static Optional<PolicyElement> exact(String key, boolean topLevel) {
        PolicyElement e = (topLevel ? Spellings.TOP : Spellings.STATEMENT).get(key);
        return e == null ? Optional.empty() : e.found;
    }

    /** The statement element this key names exactly, or null: {@link #exact} without the Optional. */
    static PolicyElement statementExact(String key) {
        return Spellings.STATEMENT.get(key);
    }

    /**
     * The statement element this key names when case is ignored as {@link String#equalsIgnoreCase}
     * ignores it (char by char, as {@code PolicyReader.member} compares), or null.
     */
    static PolicyElement statementIgnoringCase(String key) {
        for (PolicyElement e : ALL) {
            if (!e.topLevel && key.equalsIgnoreCase(e.spelling)) return e;
        }
        return null;
    }

    /** The elements by exact spelling, per level: a hash probe per key instead of a scan. */
    private static final class Spellings {
        static final Map<String, PolicyElement> TOP = of(true);
        static final Map<String, PolicyElement> STATEMENT = of(false);

        private static Map<String, PolicyElement> of(boolean topLevel) {
            Map<String, PolicyElement> out = new HashMap<>();
            for (PolicyElement e : ALL) if (e.topLevel == topLevel) out.putIfAbsent(e.spelling, e);
            return out;
        }
    }

    /** The element this key names when case is ignored (for "did you mean" and case-insensitive servers). */
    public static Optional<PolicyElement> ignoringCase(String key, boolean topLevel) {
        String k = key.toLowerCase(Locale.ROOT);
        for (PolicyElement e : ALL) {
            if (e.topLevel == topLevel && e.lowerSpelling.equals(k)) return e.found;
        }
        return Optional.empty();
    }
}
