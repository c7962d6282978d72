package dev.bucketscope.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the fenced {@code json} code blocks of a Markdown file (CommonMark fences: three or more
 * backticks or tildes, closed by a fence of the same character at least as long). Each block is
 * returned as a masked copy of the whole file, so that parsing it gives positions that are true
 * positions in the Markdown file, with no offset arithmetic afterwards.
 *
 * <p>Fences inside list items are found by accepting any indentation before the fence; the
 * content is de-indented by up to the fence's indentation, as CommonMark does. Block quotes
 * ({@code >} prefixes) are not looked into.
 */
public final class MarkdownBlocks {
    private MarkdownBlocks() {}

    /**
     * One json block.
     *
     * <p>{@link #content()} holds only the block's own lines (indentation beyond what CommonMark
     * removes is kept, the removed part blanked to spaces, so columns are true columns) and
     * {@link #parse()} reads it as starting on {@link #firstContentLine()}: reading every block of a
     * file costs the size of the blocks, not blocks × file size.
     */
    public static final class Block {
        private final String markdown;
        private final String content;
        private final Span fence;
        private final int firstContentLine;
        private final boolean unclosed;

        Block(String markdown, String content, Span fence, int firstContentLine, boolean unclosed) {
            this.markdown = markdown;
            this.content = content;
            this.fence = fence;
            this.firstContentLine = firstContentLine;
            this.unclosed = unclosed;
        }

        /** The block's lines, from the line after the opening fence to the one before the closing fence. */
        public String content() {
            return content;
        }

        /** The block read as JSON, with positions in the Markdown file. */
        public Parsed parse() {
            return JsonReader.parse(content, firstContentLine - 1);
        }

        /**
         * The whole Markdown text with everything but the block content blanked to spaces (line
         * breaks kept); parsing it gives the same positions as {@link #parse()}, at the cost of the
         * whole file per block.
         */
        public String maskedText() {
            char[] out = new char[markdown.length()];
            for (int i = 0; i < out.length; i++) {
                char c = markdown.charAt(i);
                out[i] = c == '\n' || c == '\r' ? c : ' ';
            }
            if (content.isEmpty()) return new String(out);
            int start = new LineMap(markdown).lineStart(firstContentLine);
            content.getChars(0, content.length(), out, start);
            return new String(out);
        }

        /** The opening fence line. */
        public Span fence() {
            return fence;
        }

        /** The 1-based line after the opening fence. */
        public int firstContentLine() {
            return firstContentLine;
        }

        /** True when no closing fence was found and the block runs to the end of the file. */
        public boolean unclosed() {
            return unclosed;
        }
    }

    public static List<Block> extract(String markdown) {
        List<Block> blocks = new ArrayList<>();
        if (markdown == null || markdown.isEmpty()) return blocks;
        LineMap map = new LineMap(markdown);
        int lines = map.lineCount();
        int l = 1;
        while (l <= lines) {
            Fence open = Fence.opening(markdown, map.lineStart(l), map.lineEnd(l));
            if (open == null) {
                l++;
                continue;
            }
            int close = l + 1;
            while (close <= lines && !open.closedBy(markdown, map.lineStart(close), map.lineEnd(close))) {
                close++;
            }
            boolean unclosed = close > lines;
            if (open.isJson(markdown)) {
                blocks.add(new Block(markdown, content(markdown, map, open, l + 1, close - 1),
                        new Span(l, open.indent + 1, l, map.lineEnd(l) - map.lineStart(l) + 1),
                        l + 1, unclosed));
            }
            // Skipping the whole block keeps fences shown inside other blocks from counting.
            l = close + 1;
        }
        return blocks;
    }

    /** The content lines {@code first..last} with their line breaks, de-indented by blanking. */
    private static String content(String md, LineMap map, Fence open, int first, int last) {
        if (first > last) return "";
        int begin = map.lineStart(first);
        int stop = last < map.lineCount() ? map.lineStart(last + 1) : md.length();
        char[] out = md.substring(begin, stop).toCharArray();
        for (int l = first; l <= last; l++) {
            // CommonMark removes up to the fence's indentation from each content line.
            int from = map.lineStart(l);
            int end = map.lineEnd(l);
            for (int skip = 0; skip < open.indent && from < end && md.charAt(from) == ' '; skip++, from++) {
                out[from - begin] = ' ';
            }
        }
        return new String(out);
    }

    /** An opening fence: its character, length, indentation and info string position. */
    private record Fence(char ch, int length, int indent, int infoStart, int infoEnd) {

        static Fence opening(String md, int from, int end) {
            int i = from;
            while (i < end && (md.charAt(i) == ' ' || md.charAt(i) == '\t')) i++;
            if (i >= end) return null;
            char c = md.charAt(i);
            if (c != '`' && c != '~') return null;
            int run = i;
            while (run < end && md.charAt(run) == c) run++;
            if (run - i < 3) return null;
            // A backtick fence's info string may not contain backticks (it would be inline code).
            if (c == '`' && md.indexOf('`', run) >= 0 && md.indexOf('`', run) < end) return null;
            return new Fence(c, run - i, i - from, run, end);
        }

        boolean closedBy(String md, int from, int end) {
            int i = from;
            while (i < end && (md.charAt(i) == ' ' || md.charAt(i) == '\t')) i++;
            int run = i;
            while (run < end && md.charAt(run) == ch) run++;
            if (run - i < length) return false;
            for (int k = run; k < end; k++) {
                if (md.charAt(k) != ' ' && md.charAt(k) != '\t') return false;
            }
            return true;
        }

        boolean isJson(String md) {
            int i = infoStart;
            while (i < infoEnd && (md.charAt(i) == ' ' || md.charAt(i) == '\t')) i++;
            int w = i;
            while (w < infoEnd && md.charAt(w) != ' ' && md.charAt(w) != '\t') w++;
            return md.substring(i, w).equalsIgnoreCase("json");
        }
    }
}
