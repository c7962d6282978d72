package dev.bucketscope.probe;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How to probe: the endpoint (path-style), the SigV4 region, the per-request timeout, how many
 * requests may be in flight, a CA certificate for TLS, whether real writes are allowed, and where
 * progress goes (standard error).
 */
public record ProbeSettings(URI endpoint, String region, Duration timeout, int concurrency, Optional<Path> caCert,
                            boolean allowWrites, PrintWriter progress) {}
