package dev.bucketscope.dialect;

/**
 * Which request resource the server checks an action against: {@code "bucket/"} for BUCKET,
 * {@code "bucket/key"} for OBJECT, nothing bucket-specific for GLOBAL (ListAllMyBuckets, admin, kms, sts).
 */
public enum ActionLevel { BUCKET, OBJECT, GLOBAL }
