package dev.bucketscope.inventory;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.bucketscope.dialect.Capability;
import dev.bucketscope.policy.CanonicalForm;
import dev.bucketscope.policy.Value;
import dev.bucketscope.source.IsoDate;
import dev.bucketscope.source.JsonReader;
import dev.bucketscope.source.Node;
import dev.bucketscope.source.Pointers;
import dev.bucketscope.source.Problem;
import dev.bucketscope.source.SourceText;
import dev.bucketscope.source.Span;
import dev.bucketscope.source.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;

/**
 * Reads {@code bucketscope.yaml}: YAML with positions (bounded, no tag or alias tricks), then the
 * shape checked against {@code schemas/inventory.schema.json} (proven valid by {@link SchemaSubset}
 * or remembered by {@link SchemaPasses}, else checked by networknt, which words every error), then
 * the model.
 * Problems carry the inventory's line and column; an inventory with problems is not used.
 */
public final class InventoryReader {
    private InventoryReader() {}

    /** The inventory, or the problems that stop it from being used (never both empty). */
    public record Result(Optional<Inventory> inventory, List<Problem> problems) {}

    private static final class SchemaHolder {
        // Loaded on first use only: lint runs without an inventory never pay for the validator.
        static final Schema SCHEMA = load();

        private static Schema load() {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaText(), InputFormat.JSON);
        }
    }

    private static final class SubsetHolder {
        // The same packaged schema, read as a positioned tree (no Jackson, no networknt).
        static final SchemaSubset SUBSET = new SchemaSubset(schemaTree());
    }

    static Node.ObjectNode schemaTree() {
        Node root = JsonReader.parse(schemaText()).root();
        if (!(root instanceof Node.ObjectNode o)) throw new IllegalStateException("schemas/inventory.schema.json is not an object");
        return o;
    }

    /** The packaged {@code schemas/inventory.schema.json}, which both checks read. */
    private static String schemaText() {
        try (InputStream in = InventoryReader.class.getResourceAsStream("/schemas/inventory.schema.json")) {
            if (in == null) throw new IllegalStateException("schemas/inventory.schema.json is not packaged");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Result read(Path path, String display) {
        return read(path, display, text -> { }, SchemaPasses.none());
    }

    /**
     * @param textRead given the file's text once it is read and decoded, before it is parsed (for
     *                 a caller that starts work needing a value or two of it, see
     *                 {@link InventoryPrescan}; that caller must still wait for the result, which
     *                 may be a failure)
     * @param passes   texts known to pass the schema check, which is then skipped
     */
    public static Result read(Path path, String display, Consumer<String> textRead, SchemaPasses passes) {
        SourceText.Decoded decoded = SourceText.read(path);
        if (decoded.text() == null) return new Result(Optional.empty(), decoded.problems());
        textRead.accept(decoded.text());
        return parse(decoded.text(), display, path.toAbsolutePath().normalize().getParent(), passes);
    }

    public static Result parse(String text, String display, Path dir) {
        return parse(text, display, dir, SchemaPasses.none());
    }

    static Result parse(String text, String display, Path dir, SchemaPasses passes) {
        return parse(text, display, dir, passes, true);
    }

    /** @param shortcuts whether an inventory may be taken as valid without networknt (see below) */
    private static Result parse(String text, String display, Path dir, SchemaPasses passes, boolean shortcuts) {
        dev.bucketscope.core.Timings.mark("  inventory: read file");
        var parsed = YamlReader.parse(text);
        dev.bucketscope.core.Timings.mark("  inventory: yaml");
        if (parsed.root() == null || !parsed.problems().isEmpty()) {
            List<Problem> problems = new ArrayList<>(parsed.problems());
            if (problems.isEmpty()) problems.add(new Problem(Problem.Kind.EMPTY, "empty inventory", Span.point(1, 1), ""));
            return new Result(Optional.empty(), problems);
        }
        Node root = parsed.root();
        // networknt checks the inventory, unless it is known to pass: proven valid from the schema
        // (SchemaSubset, most inventories) or remembered as having passed (SchemaPasses).
        boolean passedBefore = shortcuts && (SubsetHolder.SUBSET.check(root) == SchemaSubset.Verdict.VALID || passes.passed(text));
        if (!passedBefore) {
            List<Problem> schemaProblems = validate(root);
            dev.bucketscope.core.Timings.mark("  inventory: schema");
            if (!schemaProblems.isEmpty()) return new Result(Optional.empty(), schemaProblems);
            passes.remember(text);
        }
        List<Problem> problems = new ArrayList<>();
        Inventory inv;
        try {
            // The model is built on the schema's word: the casts below hold for a valid inventory.
            inv = build((Node.ObjectNode) root, display, dir, problems);
        } catch (RuntimeException e) {
            if (!passedBefore) throw e;
            return parse(text, display, dir, SchemaPasses.none(), false); // a shortcut was wrong: check
        }
        return problems.isEmpty() ? new Result(Optional.of(inv), List.of()) : new Result(Optional.empty(), problems);
    }

    static List<Problem> validate(Node root) {
        List<Problem> out = new ArrayList<>();
        List<Error> errors;
        try {
            errors = SchemaHolder.SCHEMA.validate(CanonicalForm.of(root), InputFormat.JSON);
        } catch (RuntimeException e) {
            // The validator re-parses our canonical JSON; a failure there is ours, but must not crash the run.
            return List.of(new Problem(Problem.Kind.SCHEMA, "the inventory could not be checked against its schema: "
                    + e.getClass().getSimpleName(), root.span(), ""));
        }
        for (Error e : errors) {
            String pointer = e.getInstanceLocation().toString();
            Node at = Pointers.find(root, pointer).orElse(root);
            Span span = at.span();
            // An unknown or missing member is about a key: point at the key when there is one.
            if (e.getProperty() != null && at instanceof Node.ObjectNode o) {
                Optional<Node.Member> m = o.member(e.getProperty());
                if (m.isPresent()) span = m.get().keySpan();
            }
            out.add(new Problem(Problem.Kind.SCHEMA, describe(e), span, pointer));
        }
        out.sort(BY_SPAN);
        return out;
    }

    private static String describe(Error e) {
        String msg = e.getMessage();
        // networknt prefixes messages with the instance location; the finding has its own position.
        int colon = msg.indexOf(": ");
        if (colon > 0 && (msg.startsWith("/") || msg.startsWith("$") || msg.startsWith(": "))) msg = msg.substring(colon + 2);
        String where = e.getInstanceLocation().toString();
        return (where.isEmpty() ? "" : where + ": ") + msg;
    }

    private static Inventory build(Node.ObjectNode root, String display, Path dir, List<Problem> problems) {
        Optional<Value> dialect = Optional.empty();
        Optional<Value> endpoint = Optional.empty();
        Optional<Node> server = root.get("server");
        if (server.isPresent() && server.get() instanceof Node.ObjectNode s) {
            dialect = valueOf(s.get("dialect"));
            endpoint = valueOf(s.get("endpoint"));
        }
        List<Component> components = new ArrayList<>();
        for (Node n : ((Node.ArrayNode) root.get("components").orElseThrow()).items()) {
            components.add(component((Node.ObjectNode) n));
        }
        // Plain ifs, no lambdas, here and below (see dev.bucketscope.core.PolicyRule).
        Optional<Node> credentialsNode = root.get("credentials");
        Optional<Credentials> credentials = credentialsNode.isPresent() ? credentials((Node.ObjectNode) credentialsNode.get()) : Optional.empty();
        List<AcceptedException> exceptions = new ArrayList<>();
        Optional<Node> exceptionList = root.get("exceptions");
        if (exceptionList.isPresent()) {
            for (Node n : ((Node.ArrayNode) exceptionList.get()).items()) {
                Optional<AcceptedException> e = exception((Node.ObjectNode) n, problems);
                if (e.isPresent()) exceptions.add(e.get());
            }
        }
        Map<String, Value> severities = new LinkedHashMap<>();
        Optional<Node.Member> severity = root.member("severity");
        if (severity.isPresent()) {
            for (Node.Member s : ((Node.ObjectNode) severity.get().value()).members()) {
                severities.put(s.key(), value(s.value()));
            }
        }
        return new Inventory(display, dir, root, dialect, endpoint, components, credentials, exceptions, severities);
    }

    private static Component component(Node.ObjectNode c) {
        Value name = value(c.get("name").orElseThrow());
        Optional<Value> userValue = valueOf(c.get("user"));
        Value user = userValue.isPresent() ? userValue.get() : new Value(name.text() + "-svc", name.span(), name.pointer());
        Optional<Value> scopeValue = valueOf(c.get("scope"));
        Value scope = scopeValue.isPresent() ? scopeValue.get() : new Value(name.text() + "-*", name.span(), name.pointer());
        List<BucketGrant> buckets = new ArrayList<>();
        Optional<Node> bucketMap = c.get("buckets");
        if (bucketMap.isPresent()) {
            for (Node.Member m : ((Node.ObjectNode) bucketMap.get()).members()) {
                Value bucket = new Value(m.key(), m.keySpan(), m.value().pointer());
                buckets.add(new BucketGrant(bucket, capabilities(m.value()), access(m.value())));
            }
        }
        List<Value> actions = new ArrayList<>();
        Optional<Node> actionList = c.get("actions");
        if (actionList.isPresent()) {
            for (Node item : ((Node.ArrayNode) actionList.get()).items()) actions.add(value(item));
        }
        return new Component(name, c.span(), c.pointer(), valueOf(c.get("namespace")), user,
                valueOf(c.get("policy")), scope, scopeValue.isEmpty(), buckets, actions);
    }

    /** The declared capabilities of a shorthand or list (the schema has checked the words). */
    static Set<Capability> capabilities(Node access) {
        Set<Capability> caps = EnumSet.noneOf(Capability.class);
        if (access instanceof Node.StringNode s) {
            switch (s.value()) {
                case "read-only" -> caps.addAll(List.of(Capability.LIST, Capability.READ));
                case "read-write" -> caps.addAll(List.of(Capability.LIST, Capability.READ, Capability.WRITE, Capability.DELETE));
                case "write-only" -> caps.add(Capability.WRITE);
                default -> { }
            }
        } else if (access instanceof Node.ArrayNode a) {
            for (Node item : a.items()) {
                caps.add(Capability.valueOf(((Node.StringNode) item).value().toUpperCase(java.util.Locale.ROOT)));
            }
        }
        return caps;
    }

    private static Value access(Node access) {
        return new Value(access instanceof Node.StringNode s ? s.value() : CanonicalForm.of(access), access.span(), access.pointer());
    }

    private static Optional<Credentials> credentials(Node.ObjectNode c) {
        Optional<Value> file = valueOf(c.get("file"));
        if (file.isEmpty()) return Optional.empty();
        return Optional.of(new Credentials(file.get(),
                textOr(c.get("access-key"), Credentials.DEFAULT_ACCESS),
                textOr(c.get("secret-key"), Credentials.DEFAULT_SECRET)));
    }

    private static Optional<AcceptedException> exception(Node.ObjectNode e, List<Problem> problems) {
        Value expires = value(e.get("expires").orElseThrow());
        LocalDate date;
        try {
            date = IsoDate.parse(expires.text());
        } catch (DateTimeParseException ex) {
            problems.add(new Problem(Problem.Kind.SCHEMA, "expires '" + expires.text() + "' is not a date (YYYY-MM-DD)",
                    expires.span(), expires.pointer()));
            return Optional.empty();
        }
        return Optional.of(new AcceptedException(value(e.get("rule").orElseThrow()), value(e.get("component").orElseThrow()),
                value(e.get("reason").orElseThrow()), expires, date, valueOf(e.get("statement")),
                valueOf(e.get("statement-hash")), e.span(), e.pointer()));
    }

    private static Optional<Value> valueOf(Optional<Node> n) {
        return n.isPresent() ? Optional.of(value(n.get())) : Optional.empty();
    }

    private static String textOr(Optional<Node> n, String otherwise) {
        return n.isPresent() ? value(n.get()).text() : otherwise;
    }

    /** Problems in file order. A class rather than a lambda (see dev.bucketscope.core.PolicyRule). */
    private static final java.util.Comparator<Problem> BY_SPAN = new java.util.Comparator<>() {
        @Override
        public int compare(Problem a, Problem b) {
            return a.span().compareTo(b.span());
        }
    };

    private static Value value(Node n) {
        String text;
        if (n instanceof Node.StringNode s) text = s.value();
        else if (n instanceof Node.NumberNode num) text = num.text();
        else if (n instanceof Node.BooleanNode b) text = Boolean.toString(b.value());
        else text = CanonicalForm.of(n);
        return new Value(text, n.span(), n.pointer());
    }
}
