package dev.bucketscope.dialect;

import dev.bucketscope.source.OwnJar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tab-separated data file: comment lines start with {@code #}, blank lines are skipped, the first
 * other line is the header. Hand-written rather than a CSV/JSON library because start-up time matters.
 */
final class TsvTable {

    /** One data row with its 1-based line number, for error messages. */
    record Row(int line, String[] cells) {
        String cell(int i) {
            return i < cells.length ? cells[i] : "";
        }
    }

    private final String file;
    private final List<Row> rows;

    private TsvTable(String file, List<Row> rows) {
        this.file = file;
        this.rows = rows;
    }

    String file() {
        return file;
    }

    List<Row> rows() {
        return rows;
    }

    DataFileException error(Row row, String problem) {
        return new DataFileException(file, row.line(), problem);
    }

    static TsvTable resource(String name, int required, String... header) {
        String path = "/dialects/" + name;
        InputStream in;
        try {
            in = OwnJar.open("dialects/" + name); // from the open jar: see OwnJar
        } catch (IOException e) {
            throw new DataFileException(path, "cannot be read: " + e.getMessage());
        }
        if (in == null) {
            throw new DataFileException(path, "missing from the class path");
        }
        return read("dialects/" + name, new InputStreamReader(in, StandardCharsets.UTF_8), required, header);
    }

    /**
     * Reads a table whose header line must start with {@code header}. Each row needs at least
     * {@code required} cells: trailing optional columns (notes) may be left out by editors.
     */
    static TsvTable read(String file, Reader source, int required, String... header) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(source)) {
            boolean headerSeen = false;
            int lineNo = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (!headerSeen) {
                    headerSeen = true;
                    if (header.length > 0 && !Arrays.equals(
                            Arrays.copyOf(cells, Math.min(cells.length, header.length)), header)) {
                        throw new DataFileException(file, lineNo,
                                "header must start with " + String.join("<TAB>", header));
                    }
                    continue;
                }
                if (cells.length < required) {
                    throw new DataFileException(file, lineNo, "expected " + header.length
                            + " tab-separated columns (" + String.join(", ", header) + "), found " + cells.length);
                }
                rows.add(new Row(lineNo, cells));
            }
            if (!headerSeen) {
                throw new DataFileException(file, "no header line");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return new TsvTable(file, List.copyOf(rows));
    }
}
