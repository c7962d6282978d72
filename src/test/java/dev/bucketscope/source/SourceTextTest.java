package dev.bucketscope.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.bucketscope.source.Problem.Kind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.junit.jupiter.api.io.TempDir;

class SourceTextTest {

    private static Problem only(SourceText.Decoded d) {
        assertNull(d.text());
        assertEquals(1, d.problems().size());
        return d.problems().get(0);
    }

    /**
     * The size a walk saw is only a hint: whatever it says (right, too small as for a file that
     * grew since, too large as for one that shrank, zero, unknown), the whole file is read, at
     * sizes around the 64 KiB first read too.
     */
    @Test
    void aFileIsReadWholeWhateverSizeTheWalkSaw(@TempDir Path tmp) throws IOException {
        for (int size : new int[] {0, 1, 700, 65_535, 65_536, 65_537, 200_000}) {
            byte[] content = new byte[size];
            for (int i = 0; i < size; i++) content[i] = (byte) ('a' + i % 26);
            Path f = tmp.resolve("f" + size + ".json");
            Files.write(f, content);
            String expected = new String(content, StandardCharsets.US_ASCII);
            for (long hint : new long[] {size, size - 1, size + 1, 0, -1, size / 2}) {
                assertEquals(expected, SourceText.read(f, hint).text(), "size " + size + ", hint " + hint);
            }
        }
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

    /**
     * Decoding agrees with the JDK's strict UTF-8 decoder: on ASCII (its own fast path), and on
     * bytes mostly ASCII with NULs, high bytes and byte order marks mixed in. A refusal is always
     * for a reason the decoder sees (malformed), a NUL, or UTF-16.
     */
    @Test
    void decodingAgreesWithTheJdksStrictDecoder() {
        // byte order marks, é, €, and bytes never valid in UTF-8
        int[] high = {0xEF, 0xBB, 0xBF, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xFF, 0xFE};
        Gen<Integer> mostlyAscii = integers().between(0, 45).map(i -> i < 30 ? 'a' + i % 26 : i < 34 ? '"' + i : i < 36 ? 0 : high[i - 36]);
        Gen<List<Integer>> texts = lists().of(mostlyAscii).ofSizeBetween(0, 24);
        qt().withFixedSeed(7).withExamples(20_000).forAll(texts).checkAssert(list -> {
            byte[] b = new byte[list.size()];
            for (int i = 0; i < b.length; i++) b[i] = (byte) (int) list.get(i);
            SourceText.Decoded d = SourceText.decode(b);
            String strict = strict(b);
            if (d.text() != null) {
                assertEquals(strict, d.text(), () -> java.util.Arrays.toString(b));
                assertTrue(d.problems().isEmpty());
            } else {
                assertTrue(strict == null || strict.indexOf('\0') >= 0 || d.problems().get(0).message().contains("UTF-16"),
                        () -> java.util.Arrays.toString(b) + " " + d.problems());
            }
        });
    }

    /** The JDK's strict decoding, without a leading UTF-8 byte order mark; null when malformed. */
    private static String strict(byte[] b) {
        int start = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, start, b.length - start)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
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

    /**
     * Files around the size of the per-thread read buffer (64 KiB), read one after another on the
     * same thread: each comes back whole and alone, whether it ends before the buffer is full,
     * fills it exactly, or goes on past it; and a short file after a long one has nothing of it.
     */
    @Test
    void filesAroundTheReadBufferSizeComeBackWhole(@TempDir Path dir) throws IOException {
        int buffer = 64 * 1024;
        int[] sizes = {0, 1, 999, buffer - 1, buffer, buffer + 1, 2 * buffer + 17, 300_000, 5, buffer, 2};
        for (int k = 0; k < sizes.length; k++) {
            StringBuilder text = new StringBuilder(sizes[k]);
            for (int i = 0; i < sizes[k]; i++) text.append((char) ('a' + (i * 7 + k) % 26));
            Path f = Files.writeString(dir.resolve("f" + k + ".json"), text);
            SourceText.Decoded d = SourceText.read(f);
            assertEquals(List.of(), d.problems(), "size " + sizes[k]);
            assertEquals(text.toString(), d.text(), "size " + sizes[k]);
        }
        Path limit = dir.resolve("limit.json");
        Files.write(limit, "x".repeat((int) Limits.MAX_FILE_BYTES).getBytes(StandardCharsets.US_ASCII));
        assertEquals(Limits.MAX_FILE_BYTES, SourceText.read(limit).text().length());
        Files.write(limit, "x".repeat((int) Limits.MAX_FILE_BYTES + 1).getBytes(StandardCharsets.US_ASCII));
        assertEquals("file is 8388609 bytes; the limit is 8388608", only(SourceText.read(limit)).message());
    }
}
