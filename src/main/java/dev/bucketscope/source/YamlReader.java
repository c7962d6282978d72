package dev.bucketscope.source;

import dev.bucketscope.source.Node.Member;
import dev.bucketscope.source.Problem.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Collections;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads the first YAML document of a text into the same positioned {@link Node} tree as
 * {@link JsonReader}, resolving plain scalars with the YAML 1.2 core schema. Hostile YAML is
 * bounded: nesting by {@link Limits#MAX_DEPTH}, alias expansion by a node budget, custom tags
 * refused. Every failure is a {@link Problem}; nothing is thrown.
 *
 * <p>An alias is expanded where it is used, but its nodes keep the spans of the anchored
 * original, as the composer does not record where the alias itself was written.
 */
public final class YamlReader {

    /** Most nodes an expanded document may have; stops "billion laughs" alias bombs early. */
    static final int MAX_NODES = 1_000_000;
    static final int MAX_ALIASES = 50;

    private final String text;
    private final LineMap lines;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<org.snakeyaml.engine.v2.nodes.Node> onPath =
            Collections.newSetFromMap(new IdentityHashMap<>());
    private int nodes;
    private Map<Integer, int[]> columnMaps;
    private final Map<org.snakeyaml.engine.v2.nodes.Node, Span> spans = new IdentityHashMap<>();

    private YamlReader(String text, LineMap lines) {
        this.text = text;
        this.lines = lines;
    }

    /**
     * Reads the first document of a YAML text: plain block YAML by {@link BlockYamlReader}, which
     * gives the same tree, anything else (and every error) by snakeyaml.
     */
    public static Parsed parse(String text) {
        if (text == null) text = "";
        LineMap lines = new LineMap(text);
        Parsed plain = BlockYamlReader.read(text, lines);
        return plain != null ? plain : withSnakeyaml(text, lines);
    }

    /** Reads the first document with snakeyaml, whatever it holds. */
    static Parsed withSnakeyaml(String text, LineMap lines) {
        YamlReader reader = new YamlReader(text, lines);
        try {
            return reader.document();
        } catch (Fail f) {
            List<Problem> all = new ArrayList<>(reader.problems);
            all.add(f.problem);
            return new Parsed(null, all);
        } catch (MarkedYamlEngineException e) {
            return Parsed.failed(reader.fromException(e));
        } catch (YamlEngineException e) {
            return Parsed.failed(reader.fromUnmarked(e));
        } catch (RuntimeException | StackOverflowError e) {
            return Parsed.failed(new Problem(Kind.SYNTAX, "could not read this YAML (internal error)",
                    Span.point(1, 1), ""));
        }
    }

    /**
     * The YAML 1.2 core schema, its plain scalars typed by {@link PlainScalar} as the block reader
     * types them; snakeyaml's own patterns decide only what that leaves ({@code $…}, {@code <<}).
     * snakeyaml's resolver runs a regex per pattern registered for a scalar's first character,
     * and "litellm-cache" or "read-write" cost a sixth of parsing a large inventory that way.
     * {@code YamlReaderTest} checks the answers against snakeyaml's own resolver.
     */
    static final class CoreResolver extends CoreScalarResolver {
        CoreResolver() {
            super(true); // with merge keys, as CoreSchema makes it
        }

        @Override
        public Tag resolve(String value, Boolean implicit) {
            PlainScalar.Type type = implicit ? PlainScalar.type(value) : null;
            if (type == null) return super.resolve(value, implicit);
            return switch (type) {
                case STR -> Tag.STR;
                case NULL -> Tag.NULL;
                case BOOL -> Tag.BOOL;
                case INT -> Tag.INT;
                case FLOAT -> Tag.FLOAT;
            };
        }
    }

    /**
     * The schema snakeyaml reads with, made when snakeyaml first reads a file: a holder, so that
     * a run whose YAML the block reader reads alone (see {@link PlainScalar}) compiles none of
     * snakeyaml's patterns.
     */
    private static final class Snakeyaml {
        static final CoreResolver RESOLVER = new CoreResolver();
        static final CoreSchema CORE = new CoreSchema() {
            @Override
            public ScalarResolver getScalarResolver() {
                return RESOLVER;
            }
        };
    }

    private Parsed document() {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(Snakeyaml.CORE)
                .setAllowDuplicateKeys(true)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit((int) Limits.MAX_FILE_BYTES)
                .setUseMarks(true)
                .build();
        Parser parser = new DepthLimitedParser(new ParserImpl(settings, new StreamReader(settings, text)));
        Composer composer = new Composer(settings, parser);
        if (!composer.hasNext()) {
            return Parsed.failed(new Problem(Kind.EMPTY, "empty file", Span.point(1, 1), ""));
        }
        org.snakeyaml.engine.v2.nodes.Node first = composer.next();
        Node root = convert(first, "", 0);
        try {
            if (parser.hasNext() && parser.checkEvent(Event.ID.DocumentStart)) {
                Span at = point(parser.peekEvent().getStartMark());
                problems.add(new Problem(Kind.SYNTAX, "only one YAML document is read; this file has more",
                        at, ""));
            }
        } catch (YamlEngineException e) {
            // Whatever follows the first document is not read, so its errors do not count either.
            problems.add(new Problem(Kind.SYNTAX, "only one YAML document is read; this file has more",
                    lines.pointAt(text.length()), ""));
        }
        return new Parsed(root, problems);
    }

    private Node convert(org.snakeyaml.engine.v2.nodes.Node n, String ptr, int depth) {
        if (++nodes > MAX_NODES) {
            throw fail(Kind.TOO_LARGE, "aliases expand to more than " + MAX_NODES + " nodes",
                    span(n), ptr);
        }
        if (depth >= Limits.MAX_DEPTH && !(n instanceof ScalarNode)) {
            throw fail(Kind.TOO_DEEP, "nesting is deeper than the limit of " + Limits.MAX_DEPTH
                    + " levels", point(n.getStartMark()), ptr);
        }
        Span span = span(n);
        if (n instanceof ScalarNode scalar) return scalar(scalar, span, ptr);
        if (!onPath.add(n)) {
            throw fail(Kind.SYNTAX, "alias refers to a node that contains it (recursive alias)", span, ptr);
        }
        try {
            checkTag(n, span, ptr);
            if (n instanceof SequenceNode seq) {
                List<Node> items = new ArrayList<>(seq.getValue().size());
                for (org.snakeyaml.engine.v2.nodes.Node item : seq.getValue()) {
                    items.add(convert(item, ptr + "/" + items.size(), depth + 1));
                }
                return new Node.ArrayNode(span, ptr, items);
            }
            MappingNode map = (MappingNode) n;
            List<Member> members = new ArrayList<>(map.getValue().size());
            Map<String, Span> seen = new HashMap<>();
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode keyNode)) {
                    throw fail(Kind.SYNTAX, "mapping keys must be plain values, not lists or maps",
                            span(t.getKeyNode()), ptr);
                }
                String key = keyNode.getValue();
                Span keySpan = span(keyNode);
                checkLength(key, keySpan, ptr);
                String childPtr = ptr + "/" + Node.escapeToken(key);
                Span first = seen.putIfAbsent(key, keySpan);
                if (first != null) {
                    problems.add(new Problem(Kind.DUPLICATE_KEY, "duplicate key \""
                            + JsonReader.printable(key) + "\" (first at " + first.line() + ":"
                            + first.column() + "); servers disagree on which one counts",
                            keySpan, childPtr, List.of(first)));
                }
                members.add(new Member(key, keySpan, convert(t.getValueNode(), childPtr, depth + 1)));
            }
            return new Node.ObjectNode(span, ptr, members);
        } finally {
            onPath.remove(n);
        }
    }

    private Node scalar(ScalarNode n, Span span, String ptr) {
        String v = n.getValue();
        checkLength(v, span, ptr);
        checkTag(n, span, ptr);
        Node node = scalar(v, n.getScalarStyle() == ScalarStyle.PLAIN, n.getTag(), span, ptr);
        if (node == null) throw fail(Kind.SYNTAX, "not a boolean", span, ptr);
        return node;
    }

    /**
     * The node a scalar of a standard tag becomes (quoted and block scalars are strings whatever
     * they spell; the composer already tagged them so); null for a boolean that is neither true
     * nor false.
     */
    static Node scalar(String v, boolean plain, Tag tag, Span span, String ptr) {
        if (!plain || Tag.STR.equals(tag)) return new Node.StringNode(span, ptr, v);
        if (Tag.NULL.equals(tag)) return new Node.NullNode(span, ptr);
        if (Tag.BOOL.equals(tag)) {
            String lower = v.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("true")) return new Node.BooleanNode(span, ptr, true);
            if (lower.equals("false")) return new Node.BooleanNode(span, ptr, false);
            return null;
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) return new Node.NumberNode(span, ptr, v);
        return new Node.StringNode(span, ptr, v);
    }

    /** The tags a document may use: the core schema's. */
    static boolean standard(Tag tag) {
        return Tag.STR.equals(tag) || Tag.NULL.equals(tag) || Tag.BOOL.equals(tag) || Tag.INT.equals(tag)
                || Tag.FLOAT.equals(tag) || Tag.SEQ.equals(tag) || Tag.MAP.equals(tag);
    }

    /** Only the standard tags are accepted; a custom tag asks for a type no policy has. */
    private void checkTag(org.snakeyaml.engine.v2.nodes.Node n, Span span, String ptr) {
        Tag tag = n.getTag();
        if (standard(tag)) return;
        // Only the standard tags are named: a custom tag is text of the file, which may be a secret.
        String standard = tag.getValue().startsWith(Tag.PREFIX) ? tag.getValue().substring(Tag.PREFIX.length()) : "";
        String shown = java.util.Set.of("binary", "timestamp", "set", "omap", "pairs", "merge", "value", "yaml").contains(standard) ? " '!!" + standard + "'" : "";
        throw fail(Kind.SYNTAX, "unsupported YAML tag" + shown + "; only the standard tags are read", span, ptr);
    }

    private void checkLength(String v, Span span, String ptr) {
        if (v.length() > Limits.MAX_STRING_CHARS) {
            throw fail(Kind.TOO_LARGE, "string is longer than the limit of " + Limits.MAX_STRING_CHARS
                    + " characters", Span.point(span.line(), span.column()), ptr);
        }
    }

    /** Aliased nodes are converted once per use; their span is computed once. */
    private Span span(org.snakeyaml.engine.v2.nodes.Node n) {
        return spans.computeIfAbsent(n, this::computeSpan);
    }

    private Span computeSpan(org.snakeyaml.engine.v2.nodes.Node n) {
        return span(text, lines, offset(n.getStartMark()), offset(n.getEndMark()));
    }

    /** The span of a node from its start to its end mark (char offsets), without trailing whitespace. */
    static Span span(String text, LineMap lines, int start, int endMark) {
        int end = Math.max(start, endMark);
        // Block collections end where the next token starts; trailing blank lines are not theirs.
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
        return lines.span(start, end);
    }

    private Span point(Optional<Mark> mark) {
        return lines.pointAt(offset(mark));
    }

    /** Char offset of a mark: snakeyaml counts 0-based lines and columns in code points. */
    private int offset(Optional<Mark> mark) {
        if (mark.isEmpty()) return 0;
        int line = Math.min(mark.get().getLine() + 1, lines.lineCount());
        int start = lines.lineStart(line);
        int end = lines.lineEnd(line);
        int cps = Math.max(0, mark.get().getColumn());
        int[] map = codePointOffsets(line, start, end);
        if (map == null) return Math.min(start + cps, text.length());
        if (cps < map.length) return start + map[cps];
        return Math.min(end + (cps - map.length + 1), text.length());
    }

    /**
     * For a line with supplementary characters, the char offset (from the line start) of each
     * code point column; null for the usual line where the two are equal. Built once per line,
     * so that huge one-line documents stay linear.
     */
    private int[] codePointOffsets(int line, int start, int end) {
        if (columnMaps == null) columnMaps = new HashMap<>();
        int[] map = columnMaps.get(line);
        if (map == null && !columnMaps.containsKey(line)) {
            boolean surrogates = false;
            for (int i = start; i < end && !surrogates; i++) surrogates = Character.isSurrogate(text.charAt(i));
            if (surrogates) {
                map = new int[text.codePointCount(start, end) + 1];
                int i = start;
                for (int k = 0; k < map.length; k++) {
                    map[k] = i - start;
                    if (i < end) i += Character.charCount(text.codePointAt(i));
                }
            }
            columnMaps.put(line, map);
        }
        return map;
    }

    private Problem fromException(MarkedYamlEngineException e) {
        Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
        String msg = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        if (e.getContext() != null && !e.getContext().isBlank()) {
            msg = msg + " (" + e.getContext() + ")";
        }
        return new Problem(Kind.SYNTAX, clean(msg), point(mark), "");
    }

    private Problem fromUnmarked(YamlEngineException e) {
        String msg = e.getMessage() == null ? "invalid YAML" : e.getMessage();
        if (msg.startsWith("Number of aliases for non-scalar nodes exceeds")) {
            return new Problem(Kind.TOO_LARGE, "more than " + MAX_ALIASES
                    + " aliases to lists or maps; refusing to expand them", Span.point(1, 1), "");
        }
        if (msg.contains("code point limit") || msg.contains("exceeds the limit")) {
            return new Problem(Kind.TOO_LARGE, "the YAML text is larger than the limit of "
                    + Limits.MAX_FILE_BYTES, Span.point(1, 1), "");
        }
        return new Problem(Kind.SYNTAX, clean(msg), Span.point(1, 1), "");
    }

    /** Tokens snakeyaml quotes that are YAML's own vocabulary, not text of the file (compiled on the first error). */
    private static final class QuotedToken {
        static final java.util.regex.Pattern PATTERN = java.util.regex.Pattern.compile(
                "'(<[a-z ]+>|[-,\\[\\]{}:?!&*|>#@`%]|\\\\t\\(TAB\\))'");
    }

    /**
     * A one-line, lower-case message without Java names or snippets. It never quotes the file's
     * text: a YAML file may hold secrets (the credentials file), so alias names, escape sequences,
     * characters and tags that snakeyaml would quote are replaced by what they are.
     */
    static String clean(String msg) {
        String m = msg.strip();
        int nl = m.indexOf('\n');
        if (nl >= 0) m = m.substring(0, nl).strip();
        m = m.replaceAll("\\b(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*", "");
        m = m.replaceAll("(undefined alias|found duplicate anchor|anchor)\\s+\\S+", "$1");
        m = m.replaceAll("found: [^ (]*", "found other characters");
        m = m.replaceAll("character \\S\\(\\d+\\)", "character");
        m = m.replaceAll("\\s\\S\\(\\d+\\)", " a character that is not allowed here");
        java.util.regex.Matcher q = java.util.regex.Pattern.compile("'[^']*'").matcher(m);
        StringBuilder sb = new StringBuilder();
        while (q.find()) {
            q.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(
                    QuotedToken.PATTERN.matcher(q.group()).matches() ? q.group() : "a character"));
        }
        m = q.appendTail(sb).toString();
        m = m.replace(".)", ")").replace(". (", " (");
        if (m.endsWith(".")) m = m.substring(0, m.length() - 1);
        if (m.isEmpty()) return "invalid YAML";
        return Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    private Fail fail(Kind kind, String message, Span span, String ptr) {
        return new Fail(new Problem(kind, message, span, ptr));
    }

    /**
     * Stops at the first collection nested past {@link Limits#MAX_DEPTH}, before the composer's
     * own recursion gets deep enough to overflow the stack.
     */
    private final class DepthLimitedParser implements Parser {
        private final Parser inner;
        private int depth;

        DepthLimitedParser(Parser inner) {
            this.inner = inner;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return inner.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return inner.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return inner.hasNext();
        }

        @Override
        public Event next() {
            Event e = inner.next();
            Event.ID id = e.getEventId();
            if (id == Event.ID.SequenceStart || id == Event.ID.MappingStart) {
                if (++depth > Limits.MAX_DEPTH) {
                    throw fail(Kind.TOO_DEEP, "nesting is deeper than the limit of " + Limits.MAX_DEPTH
                            + " levels", point(e.getStartMark()), "");
                }
            } else if (id == Event.ID.SequenceEnd || id == Event.ID.MappingEnd) {
                depth--;
            }
            return e;
        }
    }

    private static final class Fail extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Problem problem;

        Fail(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }
}
