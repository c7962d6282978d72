package dev.bucketscope.core;

/** Test access to {@link ProbeObservations}' JSON string quoting. */
public final class ProbeObservationsAccess {
    private ProbeObservationsAccess() {}

    public static String quote(String s) {
        return ProbeObservations.quote(s);
    }
}
