package dev.bucketscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StdoutWriterTest {
    /** What the usual writer chain over the same stream puts out. */
    private static byte[] usual(List<String> prints) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter w = new PrintWriter(new PrintStream(bytes, false, StandardCharsets.UTF_8), true, StandardCharsets.UTF_8);
        prints.forEach(w::print);
        w.println("end");
        w.flush();
        return bytes.toByteArray();
    }

    private static byte[] stdout(List<String> prints) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter w = new StdoutWriter(new PrintStream(bytes, false, StandardCharsets.UTF_8));
        prints.forEach(w::print);
        w.println("end");
        w.flush();
        return bytes.toByteArray();
    }

    @Test
    void writesLongAndShortStringsInOrderAsTheUsualWriterDoes() {
        String block = "policies/a.json:1:1: error [wildcard-action] x\n".repeat(StdoutWriter.BLOCK_FROM / 40);
        String other = "é€\ud83d\ude00 and a lone \ud800 surrogate, ".repeat(StdoutWriter.BLOCK_FROM / 20);
        List<String> prints = List.of("before ", block, "between ", other, block + "\ud83d", "after");
        assertArrayEquals(usual(prints), stdout(prints));
    }
}
