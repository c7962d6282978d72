package dev.bucketscope.policy;

import dev.bucketscope.source.Span;

/** A scalar from a policy as text, with where it was written. Numbers and booleans keep their source spelling. */
public record Value(String text, Span span, String pointer) {}
