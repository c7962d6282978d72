package dev.bucketscope.policy;

/** A statement's effect as the server reads it; {@code INVALID} when the value is neither spelling. */
public enum Effect { ALLOW, DENY, INVALID }
