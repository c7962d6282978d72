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
 * Stable identities for findings: derived from the rule, the file, the content of the statement
 * the finding is in and the offending value, never from line numbers or statement order, so that
 * reformatting a policy or moving a statement within its file keeps every identity. Identical
 * findings in one file are told apart by their order of occurrence.
 */
public final class Fingerprints {
    private final Map<String, Integer> seen = new HashMap<>();
    /** Canonical forms by pointer, and digests of each basis prefix: a file may have many findings in one large statement. */
    private final Map<String, String> canonical = new HashMap<>();
    private final Map<String, String> contentIds = new HashMap<>();
    private final Map<String, MessageDigest> prefixes = new HashMap<>();

    /** The identity of one finding; call in report order for one file. */
    public String of(String ruleId, String file, Optional<Node> root, String pointer, String message) {
        String statementPtr = "";
        String value;
        if (root.isPresent()) {
            statementPtr = statementPointer(pointer);
            if (Pointers.find(root.get(), statementPtr).isEmpty()) statementPtr = "";
            value = canonical(root.get(), pointer);
        } else {
            // No tree (the file does not parse): the message, without the positions it quotes.
            value = message.replaceAll("[0-9]+", "#");
        }
        String statement = root.isPresent() ? canonical(root.get(), statementPtr) : "";
        // basis = ruleId NUL file NUL statement NUL value; the identity is sha256(basis NUL n), n
        // counting identical bases. The statement enters by content (through its digest) so that
        // neither the count nor the hashing grows with the statement's size per finding.
        String statementId = root.isPresent() ? contentIds.computeIfAbsent(statementPtr, k -> sha256(statement)) : "";
        String prefixKey = ruleId + '\u0000' + file + '\u0000' + statementId;
        int n = seen.merge(prefixKey + '\u0000' + value, 1, Integer::sum);
        MessageDigest prefix = prefixes.computeIfAbsent(prefixKey, k -> {
            MessageDigest md = newDigest();
            md.update((ruleId + '\u0000' + file + '\u0000' + statement + '\u0000').getBytes(StandardCharsets.UTF_8));
            return md;
        });
        MessageDigest md;
        try {
            md = (MessageDigest) prefix.clone();
        } catch (CloneNotSupportedException e) {
            md = newDigest();
            md.update((ruleId + '\u0000' + file + '\u0000' + statement + '\u0000').getBytes(StandardCharsets.UTF_8));
        }
        md.update((value + '\u0000' + n).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest()).substring(0, 32);
    }

    private String canonical(Node root, String pointer) {
        return canonical.computeIfAbsent(pointer, p -> Pointers.find(root, p).map(CanonicalForm::of).orElse(""));
    }

    /** "/Statement/3/Action/0" → "/Statement/3"; anything else → "" (the whole document). */
    static String statementPointer(String pointer) {
        if (!pointer.startsWith("/Statement/")) return "";
        int end = pointer.indexOf('/', "/Statement/".length());
        return end < 0 ? pointer : pointer.substring(0, end);
    }

    static String sha256(String s) {
        return HexFormat.of().formatHex(newDigest().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
