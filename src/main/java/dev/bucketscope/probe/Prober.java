package dev.bucketscope.probe;

import dev.bucketscope.core.ProbeObservation;
import dev.bucketscope.core.ProbeObservation.Outcome;
import dev.bucketscope.dialect.Capability;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Asks the live server, with each component's credentials, whether it may list, read, write and
 * delete in a set of buckets, without touching data it did not create:
 *
 * <ul>
 *   <li>list: ListObjectsV2 with max-keys 1 (names only, never content);</li>
 *   <li>read: GET of a random key under {@code .bucketscope-probe/} that does not exist: 404 NoSuchKey
 *       means allowed, 403 AccessDenied denied; should the key exist, the body is never read;</li>
 *   <li>delete: DELETE of such a random key (204 allowed, 403 denied);</li>
 *   <li>write: a PUT of a new random key whose Content-MD5 does not match its body: a server that
 *       authorises before it checks the digest answers 400 BadDigest when allowed and 403 when
 *       denied, and stores nothing; with {@code allowWrites}, and only where delete was observed
 *       allowed, a real PUT of a unique key under {@code .bucketscope-probe/}, deleted right after
 *       (and by a shutdown hook if interrupted).</li>
 * </ul>
 * Any other answer (missing bucket, throttling, server error, no answer) is inconclusive, with the
 * status and error code kept. This is the only package that opens network connections.
 */
public final class Prober {
    public static final String PREFIX = ".bucketscope-probe/";
    /** The MD5 of no body of ours: sixteen zero bytes. */
    static final String WRONG_MD5 = "AAAAAAAAAAAAAAAAAAAAAA==";
    private static final byte[] BODY = "bucketscope write probe\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    public static final String T_LIST = "list-objects-v2";
    public static final String T_READ = "get-missing-key";
    public static final String T_DELETE = "delete-missing-key";
    public static final String T_WRITE = "put-bad-content-md5";
    public static final String T_WRITE_REAL = "put-and-delete";

    /** The endpoint did not accept a connection within the timeout. */
    public static final class UnreachableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreachableException(String message) {
            super(message);
        }
    }

    /** What one component should probe: its key pair and the buckets, in order (its own first). */
    public record Target(KeyPair keys, List<String> buckets) {}

    public record Result(List<ProbeObservation> observations, List<String> notices, int requests, Duration elapsed) {}

    private record Created(S3Client client, String bucket, String key) {}

    private final ProbeSettings settings;
    private final Set<Created> created = ConcurrentHashMap.newKeySet();
    private final List<String> notices = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger requests = new AtomicInteger();

    public Prober(ProbeSettings settings) {
        this.settings = settings;
    }

    /** Opens (and closes) one TCP connection to the endpoint, within the timeout. */
    public static void checkReachable(URI endpoint, Duration timeout) throws UnreachableException {
        String host = endpoint.getHost();
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
        if (host == null) throw new UnreachableException("the endpoint " + endpoint + " has no host");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
        } catch (IOException e) {
            throw new UnreachableException("the endpoint " + endpoint + " did not accept a connection within "
                    + timeout.toSeconds() + "s (" + e.getClass().getSimpleName() + ")");
        }
    }

    public Result run(List<Target> targets) throws UnreachableException {
        long start = System.nanoTime();
        checkReachable(settings.endpoint(), settings.timeout());
        SdkHttpClient http = httpClient();
        Map<String, S3Client> clients = new LinkedHashMap<>();
        for (Target t : targets) clients.put(t.keys().component(), client(http, t.keys()));
        Thread cleanup = new Thread(this::cleanUp, "bucketscope-probe-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()), r -> {
            Thread th = new Thread(r, "bucketscope-probe");
            th.setDaemon(true);
            return th;
        });
        int total = targets.stream().mapToInt(t -> t.buckets().size() * 4).sum();
        AtomicInteger done = new AtomicInteger();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "bucketscope-probe-progress");
            th.setDaemon(true);
            return th;
        });
        ticker.scheduleAtFixedRate(() -> {
            settings.progress().println("bucketscope: probing " + settings.endpoint() + ": " + done.get() + "/" + total + " probes");
            settings.progress().flush();
        }, 2, 2, TimeUnit.SECONDS);
        List<ProbeObservation> out = Collections.synchronizedList(new ArrayList<>());
        try {
            // First one list per component: refused credentials stop that component's probes early.
            List<Target> accepted = new ArrayList<>();
            List<Future<ProbeObservation>> first = new ArrayList<>();
            for (Target t : targets) {
                S3Client c = clients.get(t.keys().component());
                first.add(pool.submit(() -> list(c, t.keys().component(), t.buckets().get(0))));
            }
            for (int i = 0; i < targets.size(); i++) {
                ProbeObservation o = join(first.get(i));
                out.add(o);
                done.incrementAndGet();
                if (o.authRefused()) done.addAndGet(targets.get(i).buckets().size() * 4 - 1);
                else accepted.add(targets.get(i));
            }
            List<Future<List<ProbeObservation>>> rest = new ArrayList<>();
            for (Target t : accepted) {
                S3Client c = clients.get(t.keys().component());
                String comp = t.keys().component();
                for (int b = 0; b < t.buckets().size(); b++) {
                    String bucket = t.buckets().get(b);
                    boolean listDone = b == 0;
                    rest.add(pool.submit(() -> {
                        List<ProbeObservation> obs = new ArrayList<>();
                        if (!listDone) obs.add(list(c, comp, bucket));
                        String key = PREFIX + UUID.randomUUID();
                        obs.add(read(c, comp, bucket, key));
                        ProbeObservation deleted = delete(c, comp, bucket, key);
                        obs.add(deleted);
                        // A real PUT only where the probe can remove its object again.
                        boolean real = settings.allowWrites() && deleted.outcome() == Outcome.ALLOWED;
                        obs.add(real ? writeReal(c, comp, bucket) : write(c, comp, bucket));
                        done.addAndGet(listDone ? 3 : 4);
                        return obs;
                    }));
                }
            }
            for (Future<List<ProbeObservation>> f : rest) out.addAll(join(f));
        } finally {
            ticker.shutdownNow();
            pool.shutdownNow();
            cleanUp();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs anyway
            }
            clients.values().forEach(S3Client::close);
            http.close();
        }
        List<ProbeObservation> sorted = new ArrayList<>(out);
        sorted.sort(ProbeObservation.ORDER);
        return new Result(sorted, List.copyOf(notices), requests.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("probe failed: " + e.getCause().getClass().getSimpleName());
        }
    }

    private SdkHttpClient httpClient() {
        UrlConnectionHttpClient.Builder b = UrlConnectionHttpClient.builder()
                .connectionTimeout(settings.timeout())
                .socketTimeout(settings.timeout());
        if (settings.caCert().isPresent()) {
            var managers = CaCertificates.trustManagers(settings.caCert().get());
            b.tlsTrustManagersProvider(() -> managers);
        }
        return b.build();
    }

    private S3Client client(SdkHttpClient http, KeyPair keys) {
        return S3Client.builder()
                .httpClient(http)
                .endpointOverride(settings.endpoint())
                .forcePathStyle(true)
                .region(Region.of(settings.region()))
                // Pacific-era RGW (and other older servers) reject the SDK's streaming trailer checksums.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(keys.accessKey(), keys.secret().revealForSigning())))
                .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry())
                        .apiCallTimeout(settings.timeout())
                        .apiCallAttemptTimeout(settings.timeout()))
                .build();
    }

    private ProbeObservation list(S3Client c, String comp, String bucket) {
        return call(comp, bucket, Capability.LIST, T_LIST, () -> {
            c.listObjectsV2(r -> r.bucket(bucket).maxKeys(1));
            return Outcome.ALLOWED;
        }, Map.of());
    }

    private ProbeObservation read(S3Client c, String comp, String bucket, String key) {
        return call(comp, bucket, Capability.READ, T_READ, () -> {
            // Should the random key exist, its content is never read: the stream is aborted unread.
            ResponseInputStream<GetObjectResponse> in = c.getObject(r -> r.bucket(bucket).key(key));
            in.abort();
            return Outcome.INCONCLUSIVE;
        }, Map.of("NoSuchKey", Outcome.ALLOWED));
    }

    private ProbeObservation delete(S3Client c, String comp, String bucket, String key) {
        return call(comp, bucket, Capability.DELETE, T_DELETE, () -> {
            c.deleteObject(r -> r.bucket(bucket).key(key));
            return Outcome.ALLOWED;
        }, Map.of());
    }

    private ProbeObservation write(S3Client c, String comp, String bucket) {
        String key = PREFIX + UUID.randomUUID();
        return call(comp, bucket, Capability.WRITE, T_WRITE, () -> {
            c.putObject(r -> r.bucket(bucket).key(key).contentMD5(WRONG_MD5), RequestBody.fromBytes(BODY));
            // The server stored it despite the digest: it is ours, so remove it, and say so.
            created.add(new Created(c, bucket, key));
            removeCreated(new Created(c, bucket, key));
            notices.add("component '" + comp + "': the server accepted a PUT with a wrong Content-MD5 on bucket '" + bucket
                    + "' (it does not check digests); the object was deleted again");
            return Outcome.ALLOWED;
        }, Map.of("BadDigest", Outcome.ALLOWED, "InvalidDigest", Outcome.ALLOWED));
    }

    private ProbeObservation writeReal(S3Client c, String comp, String bucket) {
        String key = PREFIX + UUID.randomUUID();
        return call(comp, bucket, Capability.WRITE, T_WRITE_REAL, () -> {
            Created obj = new Created(c, bucket, key);
            created.add(obj);
            try {
                c.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(BODY));
            } catch (RuntimeException e) {
                created.remove(obj);
                throw e;
            }
            removeCreated(obj);
            return Outcome.ALLOWED;
        }, Map.of());
    }

    /** Deletes an object the probe created; if that is refused, says where it was left. */
    private void removeCreated(Created obj) {
        try {
            requests.incrementAndGet();
            obj.client().deleteObject(r -> r.bucket(obj.bucket()).key(obj.key()));
            created.remove(obj);
        } catch (RuntimeException e) {
            created.remove(obj);
            notices.add("could not delete the probe's own object " + obj.bucket() + "/" + obj.key() + " ("
                    + describe(e) + "); remove it by hand");
        }
    }

    /** Removes whatever the probe created and has not removed yet (also run as a shutdown hook). */
    private void cleanUp() {
        for (Created c : List.copyOf(created)) removeCreated(c);
    }

    private interface Probe {
        Outcome run();
    }

    private ProbeObservation call(String comp, String bucket, Capability cap, String technique, Probe probe,
                                  Map<String, Outcome> byCode) {
        requests.incrementAndGet();
        try {
            Outcome o = probe.run();
            return new ProbeObservation(comp, bucket, cap, o, cap == Capability.DELETE ? 204 : 200, "", technique);
        } catch (SdkServiceException e) {
            int status = e.statusCode();
            String code = e instanceof AwsServiceException a && a.awsErrorDetails() != null
                    && a.awsErrorDetails().errorCode() != null ? a.awsErrorDetails().errorCode() : "";
            String message = e instanceof AwsServiceException a && a.awsErrorDetails() != null
                    && a.awsErrorDetails().errorMessage() != null ? a.awsErrorDetails().errorMessage() : "";
            if (code.equals("InvalidRequest") && message.contains("AccessKeyDisabled")) code = "AccessKeyDisabled";
            return new ProbeObservation(comp, bucket, cap, classify(status, code, byCode), status, code, technique);
        } catch (SdkClientException e) {
            return new ProbeObservation(comp, bucket, cap, Outcome.INCONCLUSIVE, 0, "NoAnswer", technique);
        }
    }

    static Outcome classify(int status, String code, Map<String, Outcome> byCode) {
        Outcome o = byCode.get(code);
        if (o != null) return o;
        if (status == 403 && code.equals("AccessDenied")) return Outcome.DENIED;
        return Outcome.INCONCLUSIVE;
    }

    private static String describe(RuntimeException e) {
        if (e instanceof AwsServiceException a && a.awsErrorDetails() != null) {
            return a.statusCode() + " " + Optional.ofNullable(a.awsErrorDetails().errorCode()).orElse("");
        }
        return e.getClass().getSimpleName();
    }
}
