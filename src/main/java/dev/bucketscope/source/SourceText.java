package dev.bucketscope.source;

import dev.bucketscope.source.Problem.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns the bytes of a file into text, strictly: UTF-8 only (a UTF-8 byte order mark is
 * dropped), no NUL characters, no file larger than {@link Limits#MAX_FILE_BYTES}. Anything else
 * is a {@link Problem}, never an exception, so one bad file cannot stop a run over many.
 */
public final class SourceText {
    private SourceText() {}

    /**
     * Decoded text, or null text and the problems that prevented decoding.
     */
    public record Decoded(String text, List<Problem> problems) {
        public Decoded {
            problems = List.copyOf(problems);
        }

        static Decoded failed(Problem problem) {
            return new Decoded(null, List.of(problem));
        }
    }

    /**
     * Reads and decodes a file. A file that fills {@link #BUFFER} has its size checked before
     * anything more is read, so a huge file costs one buffer's read.
     */
    public static Decoded read(Path path) {
        return read(path, -1);
    }

    /**
     * {@link #read(Path)}, for a regular file that was {@code expectedSize} bytes long a moment
     * ago (a walk's look at it; -1 when unknown). A file is read until a read returns nothing,
     * one system call more than its bytes need; when the first read returns exactly the expected
     * size, that last call is skipped (about 2 µs a file: 20 ms of CPU over 10,000 policies). A
     * file that grew since returns more on that read and is read on as usual; one that shrank
     * returns less. Only a file that grew, on a file system whose first read stopped short at
     * exactly the size it had, is read as it was when found, as any file changed while a run
     * reads it may be.
     */
    public static Decoded read(Path path, long expectedSize) {
        try {
            byte[] bytes;
            try (FileChannel ch = FileChannel.open(path)) {
                ByteBuffer buf = BUFFER.get();
                buf.clear();
                bytes = readSmall(ch, buf, expectedSize);
                if (bytes == null) {
                    long size = ch.size();
                    if (size > Limits.MAX_FILE_BYTES) return tooLarge(size);
                    buf.flip();
                    bytes = readUpTo(ch, buf, (int) Math.max(size, buf.remaining()), Limits.MAX_FILE_BYTES + 1);
                }
            }
            // The file may have grown between the size check and the read.
            if (bytes.length > Limits.MAX_FILE_BYTES) return tooLarge(bytes.length);
            return decode(bytes);
        } catch (NoSuchFileException e) {
            return unreadable("no such file");
        } catch (AccessDeniedException e) {
            return unreadable("permission denied");
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            String reason = e.getMessage() == null ? "read error" : e.getMessage();
            return unreadable(reason);
        }
    }

    /**
     * Each thread's buffer for the first {@value #BUFFER_BYTES} bytes of a file. A direct buffer,
     * because the channel reads into one anyway: given a heap buffer it borrows a temporary
     * direct one and copies. Reading into this, with no size asked first (a system call), the
     * whole 10,000-policy run took 0.964x the time (20 alternating pairs of jars). A class rather
     * than a lambda (see InventoryContext.Linted#of).
     */
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final ThreadLocal<ByteBuffer> BUFFER = new ThreadLocal<>() {
        @Override
        protected ByteBuffer initialValue() {
            return ByteBuffer.allocateDirect(BUFFER_BYTES);
        }
    };

    /**
     * The whole file when it ends before {@code buf} is full; null when it fills it (more may
     * follow). A first read of exactly {@code expected} bytes (and room left) is taken as the end.
     */
    private static byte[] readSmall(FileChannel ch, ByteBuffer buf, long expected) throws IOException {
        boolean first = true;
        while (buf.hasRemaining()) {
            int n = ch.read(buf);
            if (n < 0 || first && n == expected && buf.hasRemaining()) {
                buf.flip();
                byte[] out = new byte[buf.remaining()];
                buf.get(out);
                return out;
            }
            first = false;
        }
        return null;
    }

    private static Decoded tooLarge(long size) {
        return Decoded.failed(new Problem(Kind.TOO_LARGE, "file is " + size
                + " bytes; the limit is " + Limits.MAX_FILE_BYTES, Span.point(1, 1), ""));
    }

    /**
     * Reads to the end or {@code limit} bytes, whichever comes first, after the bytes already read
     * into {@code start}, with room for {@code expected} bytes at first.
     */
    private static byte[] readUpTo(java.nio.channels.ReadableByteChannel ch, ByteBuffer start, int expected, long limit) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(limit, Math.max(expected, start.remaining()) + 1L));
        buf.put(start);
        while (true) {
            if (!buf.hasRemaining()) {
                if (buf.capacity() >= limit) break;
                ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(limit, (long) buf.capacity() * 2));
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
            if (ch.read(buf) < 0) break;
        }
        return java.util.Arrays.copyOf(buf.array(), buf.position());
    }

    private static Decoded unreadable(String reason) {
        return Decoded.failed(new Problem(Kind.UNREADABLE, "cannot read the file: " + reason,
                Span.point(1, 1), ""));
    }

    /** Decodes UTF-8 bytes, reporting UTF-16, invalid UTF-8 and NUL characters as problems. */
    public static Decoded decode(byte[] bytes) {
        String utf16 = utf16Kind(bytes);
        if (utf16 != null) {
            return Decoded.failed(new Problem(Kind.ENCODING, "file is UTF-16 (" + utf16
                    + "); save it as UTF-8", Span.point(1, 1), ""));
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        // ASCII without NUL, as nearly every policy is, decodes to itself: one pass over the bytes
        // instead of a decoder, a char buffer and two copies (a tenth of reading 10,000 files).
        if (plainAscii(bytes, start)) {
            return new Decoded(new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1), List.of());
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            int at = in.position();
            int line = byteLine(bytes, at);
            return Decoded.failed(new Problem(Kind.ENCODING, "invalid UTF-8 at byte " + at
                    + " (line " + line + ")", Span.point(line, 1), ""));
        }
        out.flip();
        String text = out.toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            return Decoded.failed(new Problem(Kind.ENCODING, "NUL byte (U+0000) in the file",
                    new LineMap(text).pointAt(nul), ""));
        }
        return new Decoded(text, List.of());
    }

    private static boolean plainAscii(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] <= 0) return false; // NUL, or a byte of a multi-byte sequence (negative)
        }
        return true;
    }

    /** Names the UTF-16 flavour, from a byte order mark or the NUL bytes ASCII has in UTF-16. */
    private static String utf16Kind(byte[] b) {
        if (b.length < 2) return null;
        int b0 = b[0] & 0xFF;
        int b1 = b[1] & 0xFF;
        if (b0 == 0xFE && b1 == 0xFF) return "big-endian, with byte order mark";
        if (b0 == 0xFF && b1 == 0xFE) return "little-endian, with byte order mark";
        // ASCII text in UTF-16 has a zero byte next to every character; check the first two.
        int n = Math.min(b.length, 4) & ~1;
        boolean be = true;
        boolean le = true;
        for (int i = 0; i < n; i += 2) {
            be &= b[i] == 0 && b[i + 1] != 0;
            le &= b[i] != 0 && b[i + 1] == 0;
        }
        if (be) return "big-endian";
        if (le) return "little-endian";
        return null;
    }

    /** The 1-based line of a byte offset, counting \n, \r\n and \r as one break each. */
    private static int byteLine(byte[] b, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < b.length; i++) {
            if (b[i] == '\n' || (b[i] == '\r' && (i + 1 >= b.length || b[i + 1] != '\n'))) line++;
        }
        return line;
    }
}
