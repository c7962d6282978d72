package dev.bucketscope.core;

/** A rule over one policy document (whether the server accepts it, what it grants on its own). */
public interface PolicyRule extends Rule {
    void check(PolicyContext context);
}
