package dev.bucketscope.dialect;

/**
 * Least-privilege class of an action. The exact membership is documented in the header of
 * {@code dialects/actions.tsv}; everything that is not plain list/read/write/delete is MANAGEMENT
 * (s3:) or ADMIN (admin:, kms:, sts:).
 */
public enum Capability { LIST, READ, WRITE, DELETE, MANAGEMENT, ADMIN }
