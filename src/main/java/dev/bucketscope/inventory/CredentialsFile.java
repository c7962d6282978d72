package dev.bucketscope.inventory;

import dev.bucketscope.source.Node;
import dev.bucketscope.source.Problem;
import dev.bucketscope.source.SourceText;
import dev.bucketscope.source.Span;
import dev.bucketscope.source.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The credentials file (cluster.yaml shape): keys holding each component's access and secret key,
 * SOPS-encrypted ({@code ENC[AES256_GCM,...]} values and a {@code sops:} metadata block) or not.
 *
 * <p>Secret values never leave this class: it answers questions about them (present? encrypted?
 * equal to another?) and hands out positions, never text. Its {@link #toString} says nothing.
 */
public final class CredentialsFile {
    private static final Pattern ENCRYPTED = Pattern.compile("^ENC\\[[A-Z0-9_]+,data:.*\\]$", Pattern.DOTALL);

    private final String file;
    private final Node.ObjectNode root;
    private final List<Problem> problems;

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
        return root != null && root.get("sops").filter(n -> n instanceof Node.ObjectNode).isPresent();
    }

    /** A key's entry: where it is, and facts about its value. */
    public record Entry(String key, Span keySpan, Span valueSpan, String pointer, boolean encrypted, boolean empty, int valueHash) {
        @Override
        public String toString() {
            return "Entry[" + key + " at " + valueSpan + "]";
        }
    }

    /** The first entry with one of these key names, searched at the top level then in nested mappings. */
    public Optional<Entry> find(List<String> names) {
        if (root == null) return Optional.empty();
        for (String name : names) {
            Optional<Entry> e = find(root, name, 0);
            if (e.isPresent()) return e;
        }
        return Optional.empty();
    }

    private Optional<Entry> find(Node.ObjectNode obj, String name, int depth) {
        Optional<Node.Member> m = obj.member(name);
        if (m.isPresent()) return Optional.of(entry(m.get()));
        if (depth >= 4) return Optional.empty();
        for (Node.Member child : obj.members()) {
            if (child.key().equals("sops")) continue;
            if (child.value() instanceof Node.ObjectNode o) {
                Optional<Entry> e = find(o, name, depth + 1);
                if (e.isPresent()) return e;
            }
        }
        return Optional.empty();
    }

    private static Entry entry(Node.Member m) {
        String text = m.value() instanceof Node.StringNode s ? s.value()
                : m.value() instanceof Node.NumberNode n ? n.text() : "";
        return new Entry(m.key(), m.keySpan(), m.value().span(), m.value().pointer(),
                ENCRYPTED.matcher(text).matches(), text.isEmpty(), text.hashCode());
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
