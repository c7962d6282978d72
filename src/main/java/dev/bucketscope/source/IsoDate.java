package dev.bucketscope.source;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * {@code LocalDate.parse} for the dates bucketscope reads ({@code --today}, an exception's
 * {@code expires}), without {@code java.time.format} in the usual case. Initialising
 * {@code DateTimeFormatter} (its builders, text providers and the method handles they link)
 * took 16 ms of CPU on the main thread before anything else started, on every run given a date.
 * A plain {@code YYYY-MM-DD} is built with {@code LocalDate.of}, which checks the month and the
 * day of the month as the ISO parser does; anything else, or a date {@code LocalDate.of}
 * refuses, goes to {@code LocalDate.parse}, so what is accepted, and the exception thrown
 * otherwise, are the same as before.
 */
public final class IsoDate {
    private IsoDate() {}

    /** As {@link LocalDate#parse(CharSequence)}. */
    public static LocalDate parse(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-'
                && digits(text, 0, 4) && digits(text, 5, 7) && digits(text, 8, 10)) {
            try {
                return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
            } catch (DateTimeException e) {
                // an impossible month or day: the parser's own exception and message, below
            }
        }
        return LocalDate.parse(text);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }

    private static int number(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) n = n * 10 + (s.charAt(i) - '0');
        return n;
    }
}
