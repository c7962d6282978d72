package dev.bucketscope.inventory;

import dev.bucketscope.source.Node;
import dev.bucketscope.source.Problem;
import dev.bucketscope.source.SourceText;
import dev.bucketscope.source.Span;
import dev.bucketscope.source.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials file (cluster.yaml shape): keys holding each component's access and secret key,
 * SOPS-encrypted ({@code ENC[AES256_GCM,...]} values and a {@code sops:} metadata block) or not.
 *
 * <p>Secret values never leave this class: it answers questions about them (present? encrypted?
 * equal to another?) and hands out positions, never text. Its {@link #toString} says nothing.
 */
public final class CredentialsFile {

    private final String file;
    private final Node.ObjectNode root;
    private final List<Problem> problems;
    private Map<String, Node.Member> index;

    private CredentialsFile(String file, Node.ObjectNode root, List<Problem> problems) {
        this.file = file;
        this.root = root;
        this.problems = List.copyOf(problems);
    }

    public static CredentialsFile read(Path path, String display) {
        SourceText.Decoded decoded = SourceText.read(path);
        if (decoded.text() == null) return new CredentialsFile(display, null, decoded.problems());
        return parse(decoded.text(), display);
    }

    /** A credentials file given as text (standard input, {@code sops -d cluster.yaml | ...}). */
    public static CredentialsFile parse(String text, String display) {
        var parsed = YamlReader.parse(text);
        if (!(parsed.root() instanceof Node.ObjectNode o)) {
            List<Problem> p = new ArrayList<>(parsed.problems());
            if (p.isEmpty()) p.add(new Problem(Problem.Kind.SYNTAX, "the credentials file must be a YAML mapping", Span.point(1, 1), ""));
            return new CredentialsFile(display, null, p);
        }
        return new CredentialsFile(display, o, parsed.problems());
    }

    public String file() {
        return file;
    }

    /** Problems reading it (positions and kinds only; messages never quote values). */
    public List<Problem> problems() {
        return problems;
    }

    public boolean readable() {
        return root != null;
    }

    /** True when the file carries SOPS metadata (a top-level {@code sops} mapping). */
    public boolean sopsMetadata() {
        if (root == null) return false;
        Optional<Node> sops = root.get("sops");
        return sops.isPresent() && sops.get() instanceof Node.ObjectNode;
    }

    /** A key's entry: where it is, and facts about its value. */
    public record Entry(String key, Span keySpan, Span valueSpan, String pointer, boolean encrypted, boolean empty, int valueHash) {
        @Override
        public String toString() {
            return "Entry[" + key + " at " + valueSpan + "]";
        }
    }

    /**
     * The first entry with one of these key names, searched depth-first: a mapping's own keys
     * before its nested mappings (to depth 4, the {@code sops} metadata excluded), the last of
     * duplicate keys winning, as a reader of the file would expect.
     */
    public Optional<Entry> find(List<String> names) {
        if (root == null) return Optional.empty();
        Map<String, Node.Member> index = index();
        for (String name : names) {
            Node.Member m = index.get(name);
            if (m != null) return Optional.of(entry(m));
        }
        return Optional.empty();
    }

    /**
     * Each key name's winning member, in one pass: every component asks for its own names, and a
     * file of thousands of keys searched once per name would cost their product.
     */
    private synchronized Map<String, Node.Member> index() {
        if (index == null) {
            Map<String, Node.Member> out = new HashMap<>();
            index(root, 0, out);
            index = out;
        }
        return index;
    }

    /** Pre-order: a mapping's keys are registered before those of mappings nested in it, so the first registration wins. */
    private static void index(Node.ObjectNode obj, int depth, Map<String, Node.Member> out) {
        Map<String, Node.Member> own = new HashMap<>();
        for (Node.Member m : obj.members()) own.put(m.key(), m); // the last duplicate wins
        for (Node.Member m : obj.members()) out.putIfAbsent(m.key(), own.get(m.key()));
        if (depth >= 4) return;
        for (Node.Member child : obj.members()) {
            if (child.key().equals("sops")) continue;
            if (child.value() instanceof Node.ObjectNode o) index(o, depth + 1, out);
        }
    }

    private static Entry entry(Node.Member m) {
        String text = m.value() instanceof Node.StringNode s ? s.value()
                : m.value() instanceof Node.NumberNode n ? n.text() : "";
        return new Entry(m.key(), m.keySpan(), m.value().span(), m.value().pointer(),
                encrypted(text), text.isEmpty(), text.hashCode());
    }

    /**
     * Whether a value is SOPS ciphertext: {@code ENC[<cipher>,data:<anything>]}, the cipher in
     * capitals, digits and '_' (the regex {@code ^ENC\[[A-Z0-9_]+,data:.*\]$} with DOTALL, which
     * a test holds this to). By hand: the regex's {@code .*} walked every char of every value
     * of cluster.yaml in the regex engine, 12 ms of a 2,000-component run's start (profiled).
     */
    static boolean encrypted(String text) {
        if (!text.startsWith("ENC[")) return false;
        int i = 4;
        while (i < text.length() && cipherChar(text.charAt(i))) i++;
        // The closing ']' is the last char, so after ",data:" (which ends in ':').
        return i > 4 && text.startsWith(",data:", i) && text.charAt(text.length() - 1) == ']';
    }

    private static boolean cipherChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** Whether two entries hold the same value, compared without exposing either. */
    public boolean sameValue(Entry a, Entry b) {
        if (a.valueHash() != b.valueHash() || a.empty() || b.empty()) return false;
        return valueOf(a).equals(valueOf(b));
    }

    private String valueOf(Entry e) {
        Node n = dev.bucketscope.source.Pointers.find(root, e.pointer()).orElse(null);
        if (n instanceof Node.StringNode s) return s.value();
        if (n instanceof Node.NumberNode num) return num.text();
        return "";
    }

    /**
     * The entry's value, wrapped so it cannot be printed, for signing requests (the live probe);
     * empty when it is missing, empty or still SOPS-encrypted.
     */
    public Optional<SecretValue> secret(Entry e) {
        if (e.encrypted() || e.empty()) return Optional.empty();
        String v = valueOf(e);
        return v.isEmpty() ? Optional.empty() : Optional.of(new SecretValue(v));
    }

    @Override
    public String toString() {
        return "CredentialsFile[" + file + "]";
    }
}
