package dev.bucketscope.dialect;

/** The server families bucketscope can lint for; RustFS is further split by version. */
public enum DialectKind { RUSTFS, MINIO, AWS }
