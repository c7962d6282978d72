package dev.bucketscope.core;

/**
 * A rule over what the live probe observed on the server, compared with the inventory and the
 * repository's policies. It sees only recorded observations ({@link ProbeContext}), never the
 * network, so it is as pure and testable as the other kinds. {@code lint} never runs these rules:
 * only {@code probe} has observations.
 */
public interface ProbeRule extends Rule {
    void check(ProbeContext context);
}
