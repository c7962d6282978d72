package dev.bucketscope;

import java.util.function.Consumer;

/**
 * Every string over an alphabet up to a length, for the tests that hold a hand-written check to
 * the regular expression or library call it replaced: short strings over the characters that
 * matter (and their look-alikes) reach every branch, exhaustively rather than by chance.
 */
public final class EveryString {
    private EveryString() {}

    /** Gives {@code check} every string of 0 to {@code maxLength} chars of {@code alphabet}; returns how many. */
    public static long upTo(String alphabet, int maxLength, Consumer<String> check) {
        int n = alphabet.length();
        long count = 0;
        for (int len = 0; len <= maxLength; len++) {
            char[] cs = new char[len];
            for (long k = 0, total = (long) Math.pow(n, len); k < total; k++) {
                long rest = k;
                for (int i = 0; i < len; i++, rest /= n) cs[i] = alphabet.charAt((int) (rest % n));
                check.accept(new String(cs));
                count++;
            }
        }
        return count;
    }
}
