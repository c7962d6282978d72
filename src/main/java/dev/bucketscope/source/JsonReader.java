package dev.bucketscope.source;

import dev.bucketscope.source.Node.ArrayNode;
import dev.bucketscope.source.Node.Member;
import dev.bucketscope.source.Node.ObjectNode;
import dev.bucketscope.source.Problem.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 JSON reader that keeps exact positions. Hand-written rather than Jackson so
 * that every node gets a span, duplicate keys are kept and reported instead of silently merged,
 * and every rejection names the exact character at fault. It never throws: bad input, however
 * hostile, comes back as a {@link Parsed} with problems, within the bounds of {@link Limits}.
 */
public final class JsonReader {

    private final String s;
    private final char[] cs;
    private final int len;
    private int pos;
    /** Current line and the offset it starts at; kept incrementally, as only whitespace breaks lines. */
    private int line;
    private int lineStart;
    /** Lines before the text: a Markdown block is read where it lies in its file. */
    private final int lineOffset;
    private int depth;
    private final List<Problem> problems = new ArrayList<>(0);
    private final Shared shared = SHARED.get();
    /** Opening bracket of each open container, so end of input can name the one left unclosed (the thread's: see Shared). */
    private final int[] openLine = shared.openLine;
    private final int[] openColumn = shared.openColumn;
    private final char[] openChar = shared.openChar;

    /**
     * Strings and JSON pointers shared by every document a thread reads. Policies repeat the same
     * keys, values and pointers ("Effect", "s3:GetObject", "/Statement/0/Action/1") file after
     * file: each is made once, its hash is computed once, and the component policies a run keeps
     * for the inventory rules hold one copy (every node has its pointer, and on 10,000 policies
     * building them was 400,000 concatenations). Both tables are direct-mapped and checked on
     * every hit, so a collision costs a fresh string, never a wrong one.
     */
    private static final class Shared {
        /*
         * A thread reads one document at a time, so its readers also share these: the open
         * containers' brackets (written at each depth before they are read) and the buffer the
         * text is read from. Each reader had its own, 18 MB of the 260 MB a 10,000-policy run
         * allocated (async-profiler), which the young collections had to make room for.
         */
        final int[] openLine = new int[Limits.MAX_DEPTH + 1];
        final int[] openColumn = new int[Limits.MAX_DEPTH + 1];
        final char[] openChar = new char[Limits.MAX_DEPTH + 1];
        private char[] chars = new char[4096];

        /** The text's chars, in this thread's buffer when it fits in {@link #KEPT_CHARS} (a larger text gets its own array). */
        char[] chars(String text) {
            int n = text.length();
            if (n > KEPT_CHARS) return text.toCharArray();
            if (n > chars.length) chars = new char[Math.min(KEPT_CHARS, Math.max(n, chars.length * 2))];
            text.getChars(0, n, chars, 0);
            return chars;
        }

        /** Largest text read from the thread's buffer: policies are a few KB, and the buffer lives as long as the thread. */
        private static final int KEPT_CHARS = 64 * 1024;

        /*
         * The list each open container gathers its members or items in, one per depth: a node
         * keeps a copy of exactly its size, so a list (and the arrays it grew through) per
         * container was garbage as soon as the node was made.
         */
        @SuppressWarnings("unchecked")
        private final ArrayList<Object>[] scratch = new ArrayList[Limits.MAX_DEPTH + 1];

        /** The empty list for a container at this depth (a reader that failed may have left it full). */
        @SuppressWarnings("unchecked")
        <T> List<T> scratch(int depth) {
            ArrayList<Object> list = scratch[depth];
            if (list == null) scratch[depth] = list = new ArrayList<>();
            else list.clear();
            return (List<T>) list;
        }

        /** Done with a depth's list: emptied, so the thread holds no node, or dropped when it grew large. */
        void release(int depth, List<?> list) {
            if (list.size() > 1024) scratch[depth] = null;
            else list.clear();
        }

        final String[] strings = new String[1024];
        final String[] parents = new String[2048];
        final String[] keys = new String[2048];
        final int[] indexes = new int[2048];
        final String[] children = new String[2048];

        /** {@code parent + "/" + token}, the token a key (escaped) or, when {@code key} is null, an array index. */
        String child(String parent, String key, int index) {
            int h = parent.hashCode() * 31 + (key != null ? key.hashCode() : index);
            int slot = (h ^ (h >>> 11)) & (children.length - 1);
            String c = children[slot];
            if (c != null && parents[slot] == parent
                    && (key != null ? key.equals(keys[slot]) : keys[slot] == null && indexes[slot] == index)) {
                return c;
            }
            c = key != null ? parent + "/" + Node.escapeToken(key) : parent + "/" + index;
            parents[slot] = parent;
            keys[slot] = key;
            indexes[slot] = index;
            children[slot] = c;
            return c;
        }
    }

    private static final ThreadLocal<Shared> SHARED = new ThreadLocal<>() { // not Shared::new: see PolicyRule
        @Override
        protected Shared initialValue() {
            return new Shared();
        }
    };

    private JsonReader(String text, int lineOffset) {
        this.s = text;
        // Read char by char from an array: cheaper than String.charAt while the reader runs
        // interpreted or C1-compiled, as in a lint run.
        this.cs = shared.chars(text); // may be longer than the text: read up to len
        this.len = text.length();
        this.lineOffset = lineOffset;
        this.line = 1 + lineOffset;
    }

    /** Reads one JSON document. A leading byte order mark (U+FEFF) is skipped. */
    public static Parsed parse(String text) {
        return parse(text, 0);
    }

    /**
     * Reads one JSON document that starts on line {@code lineOffset + 1} of its file (its first
     * line keeps its columns), so positions are true positions in that file.
     */
    public static Parsed parse(String text, int lineOffset) {
        if (text == null) text = "";
        JsonReader reader = new JsonReader(text, lineOffset);
        try {
            return reader.document();
        } catch (Fail f) {
            List<Problem> all = new ArrayList<>(reader.problems);
            all.add(f.problem);
            return new Parsed(null, all);
        } catch (RuntimeException | StackOverflowError e) {
            // Defence in depth: a reader bug must surface as a finding, not crash the linter.
            return Parsed.failed(new Problem(Kind.SYNTAX, "could not read this JSON (internal error)",
                    Span.point(1 + lineOffset, 1), ""));
        }
    }

    private Parsed document() {
        if (len > 0 && cs[0] == '\uFEFF' && lineOffset == 0) pos = 1;
        skipWhitespace();
        if (pos >= len) {
            return Parsed.failed(new Problem(Kind.EMPTY, "empty file", Span.point(1 + lineOffset, 1), ""));
        }
        Node root = value("");
        skipWhitespace();
        if (pos < len) {
            throw fail(Kind.SYNTAX, "unexpected " + show(pos) + " after the end of the JSON value",
                    charSpan(pos), "");
        }
        return new Parsed(root, problems);
    }

    private Node value(String ptr) {
        if (pos >= len) throw endOfInput(ptr);
        char c = cs[pos];
        switch (c) {
            case '{':
                return object(ptr);
            case '[':
                return array(ptr);
            case '"': {
                int l = line;
                int col = column();
                String v = string(ptr);
                return new Node.StringNode(new Span(l, col, line, column()), ptr, v);
            }
            case '\'':
                throw fail(Kind.SYNTAX, "strings must be in double quotes, not single quotes (')",
                        charSpan(pos), ptr);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number(ptr);
                if (isWordChar(c)) return word(ptr);
                throw fail(Kind.SYNTAX, "unexpected " + show(pos) + "; expected a value",
                        charSpan(pos), ptr);
        }
    }

    private ObjectNode object(String ptr) {
        int l = line;
        int col = column();
        enter('{', l, col, ptr);
        pos++;
        int at = depth;
        List<Member> members = shared.scratch(at);
        Map<String, Span> seen = null;
        skipWhitespace();
        if (pos < len && cs[pos] == '}') {
            pos++;
            depth--;
            return new ObjectNode(new Span(l, col, line, column()), ptr, List.of());
        }
        while (true) {
            if (pos >= len) throw endOfInput(ptr);
            char c = cs[pos];
            if (c != '"') {
                String msg = c == '\''
                        ? "keys must be in double quotes, not single quotes (')"
                        : "expected a string key but found " + show(pos);
                throw fail(Kind.SYNTAX, msg, charSpan(pos), ptr);
            }
            int kl = line;
            int kc = column();
            String key = string(ptr);
            Span keySpan = new Span(kl, kc, line, column());
            String childPtr = shared.child(ptr, key, 0);

            // Small objects (all real policies) are scanned; large ones get a map once.
            Span first = null;
            if (seen == null && members.size() < 8) {
                for (int i = 0; i < members.size(); i++) { // indexed: C1 allocates an iterator for a for-each
                    if (members.get(i).key().equals(key)) {
                        first = members.get(i).keySpan();
                        break;
                    }
                }
            } else {
                if (seen == null) {
                    seen = new HashMap<>();
                    for (Member m : members) seen.putIfAbsent(m.key(), m.keySpan());
                }
                first = seen.putIfAbsent(key, keySpan);
            }
            if (first != null) {
                problems.add(new Problem(Kind.DUPLICATE_KEY,
                        "duplicate key \"" + printable(key) + "\" (first at " + first.line() + ":"
                                + first.column() + "); servers disagree on which one counts",
                        keySpan, childPtr, List.of(first)));
            }

            skipWhitespace();
            if (pos >= len) throw endOfInput(ptr);
            if (cs[pos] != ':') {
                throw fail(Kind.SYNTAX, "expected ':' after the key but found " + show(pos),
                        charSpan(pos), childPtr);
            }
            pos++;
            skipWhitespace();
            members.add(new Member(key, keySpan, value(childPtr)));
            skipWhitespace();
            if (pos >= len) throw endOfInput(ptr);
            c = cs[pos];
            if (c == '}') {
                pos++;
                break;
            }
            if (c != ',') {
                throw fail(Kind.SYNTAX, "expected ',' or '}' but found " + show(pos),
                        charSpan(pos), ptr);
            }
            int commaLine = line;
            int commaColumn = column();
            pos++;
            skipWhitespace();
            if (pos < len && cs[pos] == '}') {
                throw fail(Kind.SYNTAX, "trailing comma before '}'",
                        Span.point(commaLine, commaColumn), ptr);
            }
        }
        depth--;
        ObjectNode node = new ObjectNode(new Span(l, col, line, column()), ptr, members); // copies the members
        shared.release(at, members);
        return node;
    }

    private ArrayNode array(String ptr) {
        int l = line;
        int col = column();
        enter('[', l, col, ptr);
        pos++;
        int at = depth;
        List<Node> items = shared.scratch(at);
        skipWhitespace();
        if (pos < len && cs[pos] == ']') {
            pos++;
            depth--;
            return new ArrayNode(new Span(l, col, line, column()), ptr, List.of());
        }
        while (true) {
            items.add(value(shared.child(ptr, null, items.size())));
            skipWhitespace();
            if (pos >= len) throw endOfInput(ptr);
            char c = cs[pos];
            if (c == ']') {
                pos++;
                break;
            }
            if (c != ',') {
                throw fail(Kind.SYNTAX, "expected ',' or ']' but found " + show(pos),
                        charSpan(pos), ptr);
            }
            int commaLine = line;
            int commaColumn = column();
            pos++;
            skipWhitespace();
            if (pos < len && cs[pos] == ']') {
                throw fail(Kind.SYNTAX, "trailing comma before ']'",
                        Span.point(commaLine, commaColumn), ptr);
            }
        }
        depth--;
        ArrayNode node = new ArrayNode(new Span(l, col, line, column()), ptr, items); // copies the items
        shared.release(at, items);
        return node;
    }

    /** Checks the depth before descending, so hostile nesting never grows the Java stack. */
    private void enter(char bracket, int l, int col, String ptr) {
        if (depth >= Limits.MAX_DEPTH) {
            throw fail(Kind.TOO_DEEP, "nesting is deeper than the limit of " + Limits.MAX_DEPTH
                    + " levels", Span.point(l, col), ptr);
        }
        openLine[depth] = l;
        openColumn[depth] = col;
        openChar[depth] = bracket;
        depth++;
    }

    /** Reads a string literal at the opening quote and leaves {@code pos} after the closing one. */
    private String string(String ptr) {
        int startLine = line;
        int startColumn = column();
        int start = ++pos;
        int i = start;
        int hash = 0;
        // Fast path: most strings have no escapes and become a single substring.
        while (i < len) {
            char c = cs[i];
            if (c == '"') {
                pos = i + 1;
                return shared(start, i, hash);
            }
            hash = 31 * hash + c;
            if (c == '\\') break;
            if (c < 0x20) throw controlCharacter(i, ptr);
            if (i - start >= Limits.MAX_STRING_CHARS) throw tooLong(startLine, startColumn, ptr);
            i++;
        }
        StringBuilder sb = new StringBuilder(Math.min(i - start + 16, Limits.MAX_STRING_CHARS + 1));
        sb.append(s, start, i);
        while (i < len) {
            if (sb.length() > Limits.MAX_STRING_CHARS) throw tooLong(startLine, startColumn, ptr);
            char c = cs[i];
            if (c == '"') {
                pos = i + 1;
                return sb.toString();
            }
            if (c < 0x20) throw controlCharacter(i, ptr);
            if (c != '\\') {
                sb.append(c);
                i++;
                continue;
            }
            if (i + 1 >= len) break;
            char e = cs[i + 1];
            switch (e) {
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case '/': sb.append('/'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u': {
                    int v = 0;
                    for (int k = 2; k < 6; k++) {
                        if (i + k >= len) {
                            pos = len;
                            throw unclosedString(startLine, startColumn, ptr);
                        }
                        int d = Character.digit(cs[i + k], 16);
                        if (d < 0 || cs[i + k] > 'f') {
                            throw fail(Kind.SYNTAX, "invalid \\u escape: expected 4 hex digits but found "
                                    + show(i + k), span(i, i + k + 1), ptr);
                        }
                        v = v * 16 + d;
                    }
                    // Lone surrogates are kept: Java strings can hold them and no policy cares.
                    sb.append((char) v);
                    i += 6;
                    continue;
                }
                default:
                    throw fail(Kind.SYNTAX, "invalid escape '\\' followed by " + show(i + 1),
                            span(i, i + 1 + Character.charCount(s.codePointAt(i + 1))), ptr);
            }
            i += 2;
        }
        pos = len;
        throw unclosedString(startLine, startColumn, ptr);
    }

    /**
     * The text {@code s[from, to)}, reusing an earlier equal short string of this thread's
     * documents ({@link Shared}): keys and values repeat a lot in policies ("Effect", "Allow"),
     * and sharing them keeps large files cheap to hold.
     */
    private String shared(int from, int to, int hash) {
        int n = to - from;
        if (n > 32) return s.substring(from, to);
        String[] cache = shared.strings;
        int slot = (hash ^ (hash >>> 12)) & (cache.length - 1);
        String cached = cache[slot];
        if (cached != null && cached.length() == n && s.regionMatches(from, cached, 0, n)) return cached;
        String fresh = s.substring(from, to);
        cache[slot] = fresh;
        return fresh;
    }

    private Node number(String ptr) {
        int start = pos;
        int col = column();
        if (cs[pos] == '-') {
            pos++;
            if (pos < len && Character.isLetter(cs[pos])) {
                pos = start + 1;
                return word(ptr, start);
            }
            expectDigit("after '-'", ptr);
        }
        if (cs[pos] == '0') {
            pos++;
            if (pos < len && isDigit(cs[pos])) {
                int end = pos;
                while (end < len && isDigit(cs[end])) end++;
                throw fail(Kind.SYNTAX, "leading zeros are not allowed in numbers",
                        span(start, end), ptr);
            }
        } else {
            while (pos < len && isDigit(cs[pos])) pos++;
        }
        if (pos < len && cs[pos] == '.') {
            pos++;
            expectDigit("after '.'", ptr);
            while (pos < len && isDigit(cs[pos])) pos++;
        }
        if (pos < len && (cs[pos] == 'e' || cs[pos] == 'E')) {
            pos++;
            if (pos < len && (cs[pos] == '+' || cs[pos] == '-')) pos++;
            expectDigit("in the exponent", ptr);
            while (pos < len && isDigit(cs[pos])) pos++;
        }
        int hash = 0;
        for (int i = start; i < pos && i - start <= 32; i++) hash = 31 * hash + cs[i];
        return new Node.NumberNode(new Span(line, col, line, column()), ptr, shared(start, pos, hash));
    }

    private void expectDigit(String where, String ptr) {
        if (pos >= len) throw endOfInput(ptr);
        if (!isDigit(cs[pos])) {
            throw fail(Kind.SYNTAX, "expected a digit " + where + " but found " + show(pos),
                    charSpan(pos), ptr);
        }
    }

    private Node word(String ptr) {
        return word(ptr, pos);
    }

    /** Reads a bare word: true, false or null, or a clear rejection of anything else. */
    private Node word(String ptr, int start) {
        int col = start - lineStart + 1;
        while (pos < len && isWordChar(cs[pos])) pos++;
        String w = s.substring(start, pos);
        Span span = new Span(line, col, line, column());
        switch (w) {
            case "true": return new Node.BooleanNode(span, ptr, true);
            case "false": return new Node.BooleanNode(span, ptr, false);
            case "null": return new Node.NullNode(span, ptr);
            case "NaN": case "Infinity": case "-Infinity": case "-NaN":
                throw fail(Kind.SYNTAX, "'" + w + "' is not allowed in JSON", span, ptr);
            default:
                String lower = w.toLowerCase(java.util.Locale.ROOT);
                if (lower.equals("true") || lower.equals("false") || lower.equals("null")) {
                    throw fail(Kind.SYNTAX, "'" + w + "' is not a JSON literal; write '" + lower + "'",
                            span, ptr);
                }
                String shown = w.length() > 40 ? w.substring(0, 40) + "..." : w;
                throw fail(Kind.SYNTAX, "unexpected word '" + shown + "'; expected a value", span, ptr);
        }
    }

    private void skipWhitespace() {
        while (pos < len) {
            char c = cs[pos];
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == '\r') {
                pos++;
                if (pos < len && cs[pos] == '\n') pos++;
                line++;
                lineStart = pos;
            } else if (c == '/' && pos + 1 < len
                    && (cs[pos + 1] == '/' || cs[pos + 1] == '*')) {
                throw fail(Kind.SYNTAX, "comments are not allowed in JSON", span(pos, pos + 2), "");
            } else {
                return;
            }
        }
    }

    private Fail endOfInput(String ptr) {
        String msg = "unexpected end of input";
        if (depth > 0) {
            int d = depth - 1;
            msg += ": unclosed " + (openChar[d] == '{' ? "object" : "array") + " opened at "
                    + openLine[d] + ":" + openColumn[d];
        }
        return fail(Kind.SYNTAX, msg, lastPosition(), ptr);
    }

    private Fail unclosedString(int l, int col, String ptr) {
        return fail(Kind.SYNTAX, "unexpected end of input: unclosed string opened at " + l + ":" + col,
                lastPosition(), ptr);
    }

    /** Just after the last non-blank character: where the missing text should have been. */
    private Span lastPosition() {
        int end = len;
        while (end > 0 && isBlank(cs[end - 1])) end--;
        Span at = new LineMap(s).pointAt(end);
        return Span.point(at.line() + lineOffset, at.column());
    }

    private Fail controlCharacter(int at, String ptr) {
        return fail(Kind.SYNTAX, "unescaped control character " + show(at) + " in string",
                charSpan(at), ptr);
    }

    private Fail tooLong(int l, int col, String ptr) {
        return fail(Kind.TOO_LARGE, "string is longer than the limit of " + Limits.MAX_STRING_CHARS
                + " characters", Span.point(l, col), ptr);
    }

    private Fail fail(Kind kind, String message, Span span, String ptr) {
        return new Fail(new Problem(kind, message, span, ptr));
    }

    private int column() {
        return pos - lineStart + 1;
    }

    /** The span of the code point at {@code at}, which is on the current line. */
    private Span charSpan(int at) {
        int width = at < len ? Character.charCount(s.codePointAt(at)) : 1;
        return span(at, at + width);
    }

    /** A span of chars on the current line. */
    private Span span(int from, int to) {
        return new Span(line, from - lineStart + 1, line, to - lineStart + 1);
    }

    /** The character at {@code at} for a message: quoted if printable, else as U+XXXX. */
    private String show(int at) {
        return showCodePoint(s.codePointAt(at));
    }

    static String showCodePoint(int cp) {
        return isPrintable(cp) ? "'" + new String(Character.toChars(cp)) + "'"
                : String.format("U+%04X", cp);
    }

    static boolean isPrintable(int cp) {
        if (cp == ' ') return true;
        switch (Character.getType(cp)) {
            case Character.CONTROL: case Character.FORMAT: case Character.SURROGATE:
            case Character.UNASSIGNED: case Character.PRIVATE_USE: case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR: case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /** A key for a message: non-printable characters as U+XXXX, long keys cut short. */
    static String printable(String key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.length() && sb.length() < 60; ) {
            int cp = key.codePointAt(i);
            if (isPrintable(cp)) sb.appendCodePoint(cp);
            else sb.append(String.format("U+%04X", cp));
            i += Character.charCount(cp);
        }
        if (sb.length() >= 60) sb.append("...");
        return sb.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Unwinds the parse to {@link #parse}; no stack trace, as it is expected control flow. */
    private static final class Fail extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Problem problem;

        Fail(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }
}
