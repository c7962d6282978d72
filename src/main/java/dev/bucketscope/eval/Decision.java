package dev.bucketscope.eval;

/** What the server answers: allowed, refused by a Deny statement, or refused because nothing allows it. */
public enum Decision { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }
