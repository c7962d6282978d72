package dev.bucketscope.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub's {@code primaryLocationLineHash}: the value {@code github/codeql-action}'s upload step
 * computes for a result whose SARIF has none (its {@code src/fingerprints.ts}). Writing the same
 * value ourselves makes uploads through the action and through the REST API agree.
 *
 * <p>For each line: a rolling hash (base 37, modulo 2<sup>64</sup>) over the next 100 characters
 * from the start of the line, skipping spaces and tabs, with CR and CRLF read as LF, an end-of-file
 * marker (65535) after the text and zeros after that; written as unsigned hex, then
 * {@code ":n"} where n counts earlier lines with the same hash. Characters are UTF-16 code units
 * of the file decoded as UTF-8, as Node's string reading gives them.
 */
public final class LineHashes {
    private static final int BLOCK = 100;
    private static final long BASE = 37;
    private static final long FIRST_MOD = pow(BASE, BLOCK);
    private static final int EOF = 65535;

    private final long[] window = new long[BLOCK];
    private final int[] lineAt = new int[BLOCK];
    private final Map<String, Integer> counts = new HashMap<>();
    private final List<String> out = new ArrayList<>();
    private long hash;
    private int index;
    private int line;
    private boolean lineStart = true;
    private boolean prevCr;

    private LineHashes() {
        java.util.Arrays.fill(lineAt, -1);
    }

    /** The hash of every line of the text; element {@code i} belongs to line {@code i + 1}. */
    public static List<String> of(String text) {
        LineHashes h = new LineHashes();
        for (int i = 0; i < text.length(); i++) h.accept(text.charAt(i));
        h.accept(EOF);
        for (int i = 0; i < BLOCK; i++) {
            if (h.lineAt[h.index] != -1) h.emit();
            h.roll(0);
        }
        return List.copyOf(h.out);
    }

    private void accept(int c) {
        if (c == ' ' || c == '\t' || (prevCr && c == '\n')) {
            prevCr = false;
            return;
        }
        prevCr = c == '\r';
        if (prevCr) c = '\n';
        if (lineAt[index] != -1) emit();
        if (lineStart) {
            lineStart = false;
            lineAt[index] = ++line;
        }
        if (c == '\n') lineStart = true;
        roll(c);
    }

    private void roll(int c) {
        long leaving = window[index];
        window[index] = c;
        hash = BASE * hash + c - FIRST_MOD * leaving;
        index = (index + 1) % BLOCK;
    }

    private void emit() {
        String hex = Long.toUnsignedString(hash, 16);
        int n = counts.merge(hex, 1, Integer::sum);
        // Lines are emitted in order, so the list index is the line number minus one.
        assert out.size() == lineAt[index] - 1;
        out.add(hex + ":" + n);
        lineAt[index] = -1;
    }

    private static long pow(long base, int exp) {
        long r = 1;
        for (int i = 0; i < exp; i++) r *= base;
        return r;
    }
}
