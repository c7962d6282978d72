package dev.bucketscope.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketscope.source.MarkdownBlocks.Block;
import dev.bucketscope.source.Node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownBlocksTest {

    private static final String DOC = String.join("\n",
            "# Policies",                       // 1
            "",                                 // 2
            "```json",                          // 3
            "{\"Effect\": \"Allow\"}",          // 4
            "```",                              // 5
            "",                                 // 6
            "1. In a list:",                    // 7
            "",                                 // 8
            "   ```JSON",                       // 9
            "   {",                             // 10
            "     \"Action\": \"s3:*\"",        // 11
            "   }",                             // 12
            "   ```",                           // 13
            "",                                 // 14
            "```yaml",                          // 15
            "{\"not\": \"json\"}",              // 16
            "```json",                          // 17: inside the yaml block, not a fence
            "```",                              // 18
            "~~~~json title=\"x\"",             // 19
            "[1,",                              // 20
            "~~~",                              // 21: too short to close
            " 2]",                              // 22
            "~~~~",                             // 23
            "",
            "```json",                          // 25
            "{\"open\": true}");                // 26

    @Test
    void findsJsonBlocksWithTruePositions() {
        List<Block> blocks = MarkdownBlocks.extract(DOC);
        assertEquals(4, blocks.size());

        Block first = blocks.get(0);
        assertEquals(new Span(3, 1, 3, 8), first.fence());
        assertEquals(4, first.firstContentLine());
        assertFalse(first.unclosed());
        assertEquals(DOC.length(), first.maskedText().length());
        ObjectNode o = (ObjectNode) JsonReader.parse(first.maskedText()).root();
        assertEquals(new Span(4, 12, 4, 19), o.get("Effect").orElseThrow().span());

        Block listed = blocks.get(1);
        assertEquals(new Span(9, 4, 9, 11), listed.fence());
        ObjectNode inList = (ObjectNode) JsonReader.parse(listed.maskedText()).root();
        assertEquals(new Span(10, 4, 12, 5), inList.span());
        assertEquals(new Span(11, 6, 11, 14), inList.member("Action").orElseThrow().keySpan());

        Block tilde = blocks.get(2);
        assertEquals(19, tilde.fence().line());
        assertFalse(tilde.unclosed());
        // The short ~~~ does not close the block, so it is content, and JSON rejects it in place.
        Problem tildeProblem = JsonReader.parse(tilde.maskedText()).problems().get(0);
        assertEquals(new Span(21, 1, 21, 2), tildeProblem.span());
        assertEquals("unexpected '~'; expected a value", tildeProblem.message());

        Block open = blocks.get(3);
        assertTrue(open.unclosed());
        assertEquals(26, open.firstContentLine());
        assertEquals(new Span(26, 10, 26, 14),
                ((ObjectNode) JsonReader.parse(open.maskedText()).root()).get("open").orElseThrow().span());
    }

    @Test
    void maskKeepsLineBreaksAndBlanksEverythingElse() {
        String md = "text\r\n```json\r\n[1]\r\n```\r\nmore";
        Block b = MarkdownBlocks.extract(md).get(0);
        assertEquals("    \r\n       \r\n[1]\r\n   \r\n    ", b.maskedText());
        assertEquals(new Span(3, 1, 3, 4), JsonReader.parse(b.maskedText()).root().span());
    }

    @Test
    void ignoresOtherBlocksAndInlineBackticks() {
        assertTrue(MarkdownBlocks.extract("```jsonc\n{}\n```\n``json``\n```js\n{}\n```").isEmpty());
        assertTrue(MarkdownBlocks.extract("```json`x`\n{}\n```").isEmpty());
        assertTrue(MarkdownBlocks.extract("").isEmpty());
    }
}
