package dev.bucketscope.source;

import dev.bucketscope.source.Node.Member;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the plain block YAML that inventories and credentials files are written in (block
 * mappings and sequences, plain and quoted one-line scalars, literal block scalars, comments) into
 * exactly the tree {@link YamlReader} builds through snakeyaml, or declines (returns null) and
 * leaves the text to snakeyaml: anything else YAML has (flow collections, anchors and aliases,
 * tags, escapes, folded or multi-line scalars, directives, several documents, tabs, CR line
 * breaks, empty values, duplicate keys), every error, and every limit reached. So the answer, or
 * the problem reported, is always snakeyaml's.
 *
 * <p>Why: snakeyaml's scanner, parser and composer are general machinery, cold in a lint run that
 * reads one large inventory once. On 2,000 components (365 KB) reading them cost a tenth of the
 * run's CPU, interpreted and then compiled for one use; this reader is one small loop.
 *
 * <p>Spans follow snakeyaml's marks as {@link YamlReader} turns them into spans: a scalar from its
 * first character (a quote or {@code |} included) to just after its last; a collection from its
 * first key or {@code -} to the next token after it (the first character of the next line that
 * is not blank or a comment, or the end of the text), without trailing whitespace.
 * {@code BlockYamlReaderTest} compares the two readers on the repository's YAML, on generated
 * inventories and on hundreds of thousands of generated and mutated texts.
 */
final class BlockYamlReader {
    /** Characters a plain scalar may not start with (YAML 1.2 c-indicator), quotes handled apart. */
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private final String text;
    /** The text's chars: read one by one, an array is cheaper than {@code charAt} while the code is still interpreted. */
    private final char[] chars;
    private final LineMap lines;
    private final int length;
    /** The line (from 1) of the last span's end: spans mostly move forward, so lines are found by walking from it. */
    private int lineHint = 1;
    private int nodes;
    /** The first character of the next content line (not blank, not a comment), or {@code length}. */
    private int pos;
    /** Its column from 0, or -1 at the end of the text. */
    private int posIndent;

    private BlockYamlReader(String text, LineMap lines) {
        this.text = text;
        this.chars = text.toCharArray();
        this.lines = lines;
        this.length = chars.length;
    }

    /** The tree snakeyaml would build, without problems, or null when this reader declines. */
    static Parsed read(String text, LineMap lines) {
        if (text.length() >= Limits.MAX_FILE_BYTES || !plainCharacters(text)) return null;
        try {
            return new BlockYamlReader(text, lines).document();
        } catch (Decline d) {
            return null;
        }
    }

    /**
     * Printable characters, no tab, no CR, no BOM, no surrogate, no line or space separator
     * other than LF and the ASCII space (snakeyaml and {@link YamlReader}'s span trimming treat
     * those specially).
     */
    private static boolean plainCharacters(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c <= 0x7E || c == '\n') continue;
            if (c < 0xA0 || c >= 0xD800 && c < 0xE000 || c > 0xFFFD || c == 0xFEFF || Character.isWhitespace(c)
                    || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                return false;
            }
        }
        return true;
    }

    private Parsed document() {
        nextContent(0);
        if (posIndent != 0) throw Decline.DECLINE; // empty, or not starting at the margin
        Node root = block(pos, 0, "", 0);
        if (pos != length) throw Decline.DECLINE;
        return new Parsed(root, List.of());
    }

    /** A mapping or a sequence whose first key or dash is at {@code at}, in column {@code indent}. */
    private Node block(int at, int indent, String ptr, int depth) {
        return sequenceEntry(at) ? sequence(at, indent, ptr, depth) : mapping(at, indent, ptr, depth);
    }

    private Node mapping(int start, int indent, String ptr, int depth) {
        collection(depth);
        List<Member> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int p = start;
        while (true) {
            int colon = keyEnd(p);
            if (colon < 0) throw Decline.DECLINE;
            String key = keyText(p, colon);
            if (!seen.add(key) || key.equals("<<") || key.length() > Limits.MAX_STRING_CHARS) throw Decline.DECLINE;
            Span keySpan = span(p, colon);
            count();
            String childPtr = ptr + "/" + Node.escapeToken(key);
            int v = skipSpaces(colon + 1);
            Node value;
            if (endOfLine(v) || chars[v] == '#') {
                nextContent(lineEnd(v) + 1);
                if (posIndent > indent) {
                    value = block(pos, posIndent, childPtr, depth + 1);
                } else if (posIndent == indent && sequenceEntry(pos)) {
                    value = sequence(pos, indent, childPtr, depth + 1); // a sequence indented like its key
                } else {
                    throw Decline.DECLINE; // an empty value: snakeyaml places its null
                }
            } else {
                value = inline(v, indent, childPtr);
            }
            members.add(new Member(key, keySpan, value));
            if (posIndent == indent && !sequenceEntry(pos)) {
                p = pos;
                continue;
            }
            if (posIndent > indent || posIndent == indent) throw Decline.DECLINE;
            break;
        }
        return new Node.ObjectNode(span(start, pos), ptr, members);
    }

    private Node sequence(int start, int indent, String ptr, int depth) {
        collection(depth);
        List<Node> items = new ArrayList<>();
        int p = start;
        while (true) {
            String childPtr = ptr + "/" + items.size();
            int v = skipSpaces(p + 1);
            Node item;
            if (endOfLine(v) || chars[v] == '#') {
                nextContent(lineEnd(v) + 1);
                if (posIndent <= indent) throw Decline.DECLINE; // an empty entry
                item = block(pos, posIndent, childPtr, depth + 1);
            } else if (sequenceEntry(v)) {
                throw Decline.DECLINE; // "- - x"
            } else if (keyEnd(v) >= 0) {
                item = mapping(v, v - lineStartOf(v), childPtr, depth + 1);
            } else {
                item = inline(v, indent, childPtr);
            }
            items.add(item);
            if (posIndent == indent && sequenceEntry(pos)) {
                p = pos;
                continue;
            }
            if (posIndent > indent) throw Decline.DECLINE;
            break;
        }
        return new Node.ArrayNode(span(start, pos), ptr, items);
    }

    /**
     * A scalar starting at {@code v} on the current line; moves to the next content line. Lines
     * after it indented deeper than {@code indent} would continue it: the callers decline them.
     */
    private Node inline(int v, int indent, String ptr) {
        char c = chars[v];
        count();
        if (c == '|') return literal(v, indent, ptr);
        String value;
        int end;
        boolean plain = false;
        if (c == '"' || c == '\'') {
            end = quotedEnd(v);
            if (end < 0) throw Decline.DECLINE;
            value = unquote(v, end);
            int after = skipSpaces(end);
            if (!endOfLine(after) && (chars[after] != '#' || after == end)) throw Decline.DECLINE;
        } else {
            if (INDICATORS.indexOf(c) >= 0) throw Decline.DECLINE;
            int lineEnd = lineEnd(v);
            end = v;
            for (int i = v; i < lineEnd; i++) {
                char ch = chars[i];
                if (ch == '#' && chars[i - 1] == ' ') break;
                if (ch == ':' && (i + 1 == lineEnd || chars[i + 1] == ' ')) throw Decline.DECLINE;
                if (ch != ' ') end = i + 1;
            }
            value = text.substring(v, end);
            plain = true;
        }
        if (value.length() > Limits.MAX_STRING_CHARS) throw Decline.DECLINE;
        PlainScalar.Type type = plain ? PlainScalar.type(value) : PlainScalar.Type.STR;
        if (type == null) throw Decline.DECLINE; // "<<" and "$..." are snakeyaml's to read
        Node node = PlainScalar.node(value, type, span(v, end), ptr);
        nextContent(lineEnd(v) + 1);
        return node;
    }

    /**
     * A literal block scalar ({@code |} or {@code |-}) whose indentation its first line tells,
     * without blank lines before or inside its text that hold spaces.
     */
    private Node literal(int bar, int indent, String ptr) {
        int h = bar + 1;
        boolean strip = h < length && chars[h] == '-';
        if (strip) h++;
        int after = skipSpaces(h);
        if (!endOfLine(after) && (chars[after] != '#' || after == h)) throw Decline.DECLINE;
        int line = lineEnd(bar) + 1;
        if (line >= length) throw Decline.DECLINE;
        int k = skipSpaces(line) - line;
        if (k <= indent || endOfLine(line + k)) throw Decline.DECLINE; // empty, or a leading blank line
        StringBuilder value = new StringBuilder();
        int lastEnd = -1; // just after the last non-space character of the text
        boolean lastBroken = false; // whether a line break follows the last line of the text
        int pendingBreaks = 0;
        while (line < length) {
            int end = lineEnd(line);
            int s = skipSpaces(line);
            if (s == end) {
                if (s > line) throw Decline.DECLINE; // a blank line with spaces
                pendingBreaks++;
            } else if (s - line < k) {
                break;
            } else {
                if (lastEnd >= 0) value.append('\n');
                for (; pendingBreaks > 0; pendingBreaks--) value.append('\n');
                value.append(text, line + k, end);
                int e = end;
                while (chars[e - 1] == ' ') e--;
                lastEnd = e;
                lastBroken = end < length;
            }
            line = end + 1;
        }
        if (!strip && lastBroken) value.append('\n'); // "clip": the last line break, if any
        if (value.length() > Limits.MAX_STRING_CHARS) throw Decline.DECLINE;
        nextContent(Math.min(line, length));
        return new Node.StringNode(span(bar, lastEnd), ptr, value.toString()); // a block scalar is a string
    }

    /**
     * Where the key starting at {@code p} ends (its {@code ':'}, followed by a space or the end of
     * the line), or -1 if the line does not start a key there.
     */
    private int keyEnd(int p) {
        char c = chars[p];
        if (c == '"' || c == '\'') {
            int end = quotedEnd(p);
            if (end < 0 || end >= length || chars[end] != ':') return -1;
            return endOfLine(end + 1) || chars[end + 1] == ' ' ? end : -1;
        }
        if (INDICATORS.indexOf(c) >= 0) return -1;
        int lineEnd = lineEnd(p);
        for (int i = p + 1; i < lineEnd; i++) {
            char ch = chars[i];
            if (ch == '#' && chars[i - 1] == ' ') return -1;
            if (ch == ':' && (i + 1 == lineEnd || chars[i + 1] == ' ')) {
                // "key :" and keys longer than a simple key may be are snakeyaml's
                return chars[i - 1] == ' ' || i - p > 1024 ? -1 : i;
            }
        }
        return -1;
    }

    private String keyText(int p, int colon) {
        char c = chars[p];
        return c == '"' || c == '\'' ? unquote(p, colon) : text.substring(p, colon);
    }

    /** Just after the closing quote of a quoted scalar on one line, or -1 (none, or an escape). */
    private int quotedEnd(int q) {
        char quote = chars[q];
        int lineEnd = lineEnd(q);
        for (int i = q + 1; i < lineEnd; i++) {
            char ch = chars[i];
            if (quote == '"' && ch == '\\') return -1;
            if (ch == quote) {
                if (quote == '\'' && i + 1 < lineEnd && chars[i + 1] == '\'') {
                    i++;
                    continue;
                }
                return i + 1;
            }
        }
        return -1;
    }

    private String unquote(int q, int end) {
        String inner = text.substring(q + 1, end - 1);
        return chars[q] == '\'' ? inner.replace("''", "'") : inner;
    }

    private boolean sequenceEntry(int p) {
        return p < length && chars[p] == '-' && (p + 1 == length || chars[p + 1] == ' ' || chars[p + 1] == '\n');
    }

    /** Moves to the first content line at or after the line starting at {@code from}. */
    private void nextContent(int from) {
        int line = from;
        while (line < length) {
            int s = skipSpaces(line);
            if (s == length) break;
            char c = chars[s];
            if (c == '\n') {
                line = s + 1;
            } else if (c == '#') {
                line = lineEnd(s) + 1;
            } else {
                if (s == line && (text.startsWith("---", s) || text.startsWith("...", s))) throw Decline.DECLINE;
                pos = s;
                posIndent = s - line;
                return;
            }
        }
        pos = length;
        posIndent = -1;
    }

    private void collection(int depth) {
        if (depth >= Limits.MAX_DEPTH - 1) throw Decline.DECLINE;
        count();
    }

    private void count() {
        if (++nodes > YamlReader.MAX_NODES) throw Decline.DECLINE;
    }

    private int skipSpaces(int i) {
        while (i < length && chars[i] == ' ') i++;
        return i;
    }

    private boolean endOfLine(int i) {
        return i >= length || chars[i] == '\n';
    }

    private int lineEnd(int i) {
        int nl = text.indexOf('\n', i);
        return nl < 0 ? length : nl;
    }

    private int lineStartOf(int i) {
        int nl = text.lastIndexOf('\n', i - 1);
        return nl + 1;
    }

    /** As {@link YamlReader#span}: from start to the end mark without trailing whitespace. */
    private Span span(int start, int endMark) {
        int end = Math.max(start, endMark);
        while (end > start && Character.isWhitespace(chars[end - 1])) end--;
        int startLine = line(start);
        int endLine = line(end);
        return new Span(startLine, start - lines.lineStart(startLine) + 1, endLine, end - lines.lineStart(endLine) + 1);
    }

    /** {@link LineMap#line}, walking from the last line found (four binary searches a node cost a tenth of reading). */
    private int line(int offset) {
        int l = lineHint;
        int count = lines.lineCount();
        if (offset < lines.lineStart(l)) return lineHint = lines.line(offset);
        while (l < count && lines.lineStart(l + 1) <= offset) {
            l++;
            if (l - lineHint > 64) return lineHint = lines.line(offset);
        }
        return lineHint = l;
    }

    /** Declines: snakeyaml reads the text. Thrown without a stack trace, from one instance. */
    private static final class Decline extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Decline DECLINE = new Decline();

        private Decline() {
            super(null, null, false, false);
        }
    }
}
