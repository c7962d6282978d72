package dev.bucketscope.dialect;

/**
 * A bundled dialect data file is malformed. The message names the file and line, so a bad edit of
 * {@code actions.tsv}, {@code quirks.tsv} or {@code conditions.tsv} fails the build's tests clearly.
 */
public final class DataFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DataFileException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
    }

    DataFileException(String file, String problem) {
        super(file + ": " + problem);
    }
}
