package dev.bucketscope.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketscope.source.Problem.Kind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTextTest {

    private static Problem only(SourceText.Decoded d) {
        assertNull(d.text());
        assertEquals(1, d.problems().size());
        return d.problems().get(0);
    }

    @Test
    void utf8WithAndWithoutByteOrderMark() {
        assertEquals("{\"a\":\"\u00e9\"}",
                SourceText.decode("{\"a\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_8)).text());
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
        SourceText.Decoded d = SourceText.decode(bom);
        assertEquals("{}", d.text());
        assertTrue(d.problems().isEmpty());
    }

    @Test
    void utf16IsReportedWithOrWithoutByteOrderMark() {
        Problem be = only(SourceText.decode("\uFEFF{}".getBytes(StandardCharsets.UTF_16BE)));
        assertEquals(Kind.ENCODING, be.kind());
        assertEquals("file is UTF-16 (big-endian, with byte order mark); save it as UTF-8", be.message());
        assertEquals(Span.point(1, 1), be.span());
        Problem le = only(SourceText.decode("{\"a\": 1}".getBytes(StandardCharsets.UTF_16LE)));
        assertEquals("file is UTF-16 (little-endian); save it as UTF-8", le.message());
        Problem bareBe = only(SourceText.decode("{}".getBytes(StandardCharsets.UTF_16BE)));
        assertEquals("file is UTF-16 (big-endian); save it as UTF-8", bareBe.message());
    }

    @Test
    void invalidUtf8NamesTheByteAndLine() {
        byte[] bytes = "{\n\"a\":\r\n\"x\u00e9y\"}".getBytes(StandardCharsets.UTF_8);
        bytes[10] = (byte) 0xFF; // the first byte of the é, on line 3
        Problem p = only(SourceText.decode(bytes));
        assertEquals(Kind.ENCODING, p.kind());
        assertEquals("invalid UTF-8 at byte 10 (line 3)", p.message());
        assertEquals(Span.point(3, 1), p.span());
        Problem truncated = only(SourceText.decode(new byte[] {'[', '"', (byte) 0xE2, (byte) 0x82}));
        assertEquals("invalid UTF-8 at byte 2 (line 1)", truncated.message());
    }

    @Test
    void nulIsReportedAtItsPosition() {
        Problem p = only(SourceText.decode("{\n  \"a\": \"x\0\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Kind.ENCODING, p.kind());
        assertEquals(Span.point(2, 10), p.span());
        assertTrue(p.message().startsWith("NUL byte"));
    }

    @Test
    void readsFilesAndReportsIoErrorsAndSize(@TempDir Path dir) throws IOException {
        Path ok = Files.writeString(dir.resolve("p.json"), "{}");
        assertEquals("{}", SourceText.read(ok).text());

        Problem missing = only(SourceText.read(dir.resolve("missing.json")));
        assertEquals(Kind.UNREADABLE, missing.kind());
        assertEquals("cannot read the file: no such file", missing.message());
        assertEquals(Kind.UNREADABLE, only(SourceText.read(dir)).kind());

        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(104_857_600L); // sparse: the size check must come before any read
        }
        Problem tooLarge = only(SourceText.read(big));
        assertEquals(Kind.TOO_LARGE, tooLarge.kind());
        assertEquals("file is 104857600 bytes; the limit is 8388608", tooLarge.message());
    }
}
