package dev.bucketscope.core;

import dev.bucketscope.policy.CanonicalForm;
import dev.bucketscope.source.Node;
import dev.bucketscope.source.Pointers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Stable identities for findings: derived from the rule, the file, the component, the content of
 * the statement the finding is in and the offending value, never from line numbers or statement
 * order, so that reformatting a policy or moving a statement within its file keeps every identity.
 * Identical findings in one file are told apart by their order of occurrence.
 *
 * <p>The statement enters by the digest of its content, computed once per statement, so a file
 * with many findings in one large statement costs time linear in its size.
 */
public final class Fingerprints {
    private final boolean on;
    private final Map<String, Integer> seen;
    /** Canonical forms and content digests, keyed by file and pointer (one instance may span files). */
    private final Map<String, String> canonical;
    private final Map<String, String> contentIds;

    public Fingerprints() {
        this(true);
    }

    /** @param on false for a run that reads no identities: {@link #of} then returns null */
    public Fingerprints(boolean on) {
        this.on = on;
        // No tables when off: one instance is made per file linted (10,000 on a whole repository).
        this.seen = on ? new HashMap<>() : null;
        this.canonical = on ? new HashMap<>() : null;
        this.contentIds = on ? new HashMap<>() : null;
    }

    /** The identity of one finding; call in report order for one file. */
    public String of(String ruleId, String file, Optional<Node> root, String pointer, String message) {
        return of(ruleId, file, "", root, pointer, message);
    }

    /** The identity of a finding about a component (the component name joins the basis). */
    public String of(String ruleId, String file, String component, Optional<Node> root, String pointer, String message) {
        if (!on) return null;
        String statementId = "";
        String value;
        if (root.isPresent()) {
            String statementPtr = statementPointer(pointer);
            if (Pointers.find(root.get(), statementPtr).isEmpty()) statementPtr = "";
            String key = file + '\u0000' + statementPtr;
            String ptr = statementPtr;
            // get and put, not computeIfAbsent with a capturing lambda per finding (see PolicyRule)
            statementId = contentIds.get(key);
            if (statementId == null) {
                statementId = sha256(canonical(root.get(), file, ptr));
                contentIds.put(key, statementId);
            }
            value = canonical(root.get(), file, pointer);
        } else {
            // No tree (the file does not parse): the message, without the positions it quotes.
            value = message.replaceAll("[0-9]+", "#");
        }
        String basis = ruleId + '\u0000' + file + '\u0000' + component + '\u0000' + statementId + '\u0000' + value;
        Integer before = seen.get(basis);
        int n = before == null ? 1 : before + 1;
        seen.put(basis, n);
        return sha256(basis + '\u0000' + n).substring(0, 32);
    }

    private String canonical(Node root, String file, String pointer) {
        String key = file + '\u0000' + pointer;
        String known = canonical.get(key);
        if (known == null) {
            Optional<Node> at = Pointers.find(root, pointer);
            known = at.isPresent() ? CanonicalForm.of(at.get()) : "";
            canonical.put(key, known);
        }
        return known;
    }

    /**
     * The unit a finding belongs to: an element of a top-level array ("/Statement/3/Action/0" →
     * "/Statement/3", "/components/2/scope" → "/components/2"); otherwise "" (the whole document).
     */
    static String statementPointer(String pointer) {
        // "/name/digits" followed by nothing or by "/..."
        if (!pointer.startsWith("/")) return "";
        int second = pointer.indexOf('/', 1);
        if (second < 0) return "";
        int end = pointer.indexOf('/', second + 1);
        if (end < 0) end = pointer.length();
        if (end == second + 1) return "";
        for (int i = second + 1; i < end; i++) {
            if (!Character.isDigit(pointer.charAt(i))) return "";
        }
        return pointer.substring(0, end);
    }

    static String sha256(String s) {
        return HEX.formatHex(DIGEST.get().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static final HexFormat HEX = HexFormat.of();
    // One digest per thread: looking the algorithm up costs more than hashing a statement.
    private static final ThreadLocal<MessageDigest> DIGEST = new ThreadLocal<>() {
        @Override
        protected MessageDigest initialValue() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every JVM", e);
            }
        }
    };
}
