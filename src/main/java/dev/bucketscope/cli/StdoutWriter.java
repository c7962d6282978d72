package dev.bucketscope.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as the commands' {@link PrintWriter} (UTF-8, flushed on println), except that a
 * long string, such as a whole report, is encoded in one call and written as one block. Through
 * the usual writer chain it was copied into a char buffer and encoded 8 KB at a time, which on
 * 10,000 policies (a 2 MB report) cost more than rendering it. Malformed surrogates become '?'
 * either way, as the JDK's UTF-8 encoder replaces them.
 */
final class StdoutWriter extends PrintWriter {
    /** Shorter strings go the usual way (no gain in a block). */
    static final int BLOCK_FROM = 8192;
    private final PrintStream stream;

    StdoutWriter(PrintStream stream) {
        super(stream, true, StandardCharsets.UTF_8);
        this.stream = stream;
    }

    @Override
    public void write(String s) {
        if (s.length() < BLOCK_FROM) {
            super.write(s);
            return;
        }
        synchronized (lock) {
            flush(); // what was printed before goes first
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            stream.write(bytes, 0, bytes.length);
            stream.flush();
        }
    }
}
