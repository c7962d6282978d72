package dev.bucketscope.probe;

import dev.bucketscope.core.DeployedPolicy;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.source.JsonReader;
import dev.bucketscope.source.Node;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Reads the policies deployed on a RustFS server through its admin API (plain JSON on
 * {@code /rustfs/admin/v3/}, SigV4 with service {@code s3}): the policies attached to a user
 * ({@code user-info}, {@code policyName} "p1,p2") and each canned policy document
 * ({@code info-canned-policy}: a JSON string in alpha.78, a JSON object since alpha.92).
 */
public final class AdminApi {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final URI endpoint;
    private final String region;
    private final Duration timeout;
    private final KeyPair admin;
    private final HttpClient http;

    public AdminApi(URI endpoint, String region, Duration timeout, KeyPair admin) {
        this.endpoint = endpoint;
        this.region = region;
        this.timeout = timeout;
        this.admin = admin;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The policies deployed for a component's user (its access key), with their documents. */
    public DeployedPolicy deployed(String component, String accessKey, Dialect dialect) {
        try {
            Answer info = get("user-info", "accessKey", accessKey);
            if (info.status() != 200) return failed(component, "user-info answered " + info.status());
            Optional<Node.ObjectNode> root = object(info.body());
            if (root.isEmpty()) return failed(component, "user-info did not answer a JSON object");
            String names = root.get().get("policyName").filter(n -> n instanceof Node.StringNode)
                    .map(n -> ((Node.StringNode) n).value()).orElse("");
            List<String> list = new ArrayList<>();
            for (String n : names.split(",")) if (!n.isBlank()) list.add(n.trim());
            List<PolicyFile> docs = new ArrayList<>();
            for (String name : list) {
                Answer p = get("info-canned-policy", "name", name);
                if (p.status() != 200) return failed(component, "info-canned-policy " + name + " answered " + p.status());
                Optional<PolicyFile> doc = document(p.body(), name, dialect);
                if (doc.isEmpty()) return failed(component, "info-canned-policy " + name + " has no policy document");
                docs.add(doc.get());
            }
            return new DeployedPolicy(component, list, docs, Optional.empty());
        } catch (IOException e) {
            return failed(component, "the admin API did not answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(component, "interrupted");
        }
    }

    /**
     * The document of an {@code info-canned-policy} answer: {@code policy} is the policy JSON as a
     * string (alpha.78, double-encoded) or as an object (since alpha.92).
     */
    static Optional<PolicyFile> document(String body, String name, Dialect dialect) {
        Optional<Node.ObjectNode> root = object(body);
        if (root.isEmpty()) return Optional.empty();
        Optional<Node> policy = root.get().get("policy");
        if (policy.isEmpty()) policy = root.get().get("Policy");
        if (policy.isEmpty()) return Optional.empty();
        if (policy.get() instanceof Node.StringNode s) return Optional.of(PolicyFile.fromText(s.value(), name, dialect, List.of()));
        if (policy.get() instanceof Node.ObjectNode o) return Optional.of(PolicyFile.fromNode(o, name, dialect, List.of()));
        return Optional.empty();
    }

    private static Optional<Node.ObjectNode> object(String body) {
        var parsed = JsonReader.parse(body);
        return parsed.root() instanceof Node.ObjectNode o ? Optional.of(o) : Optional.empty();
    }

    private static DeployedPolicy failed(String component, String why) {
        return new DeployedPolicy(component, List.of(), List.of(), Optional.of(why));
    }

    private record Answer(int status, String body) {}

    private Answer get(String call, String param, String value) throws IOException, InterruptedException {
        String base = endpoint.toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/rustfs/admin/v3/" + call + "?" + param + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri)
                .putHeader("x-amz-content-sha256", EMPTY_SHA256).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(admin.accessKey(), admin.secret().revealForSigning()))
                .request(unsigned)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        signed.request().forEachHeader((k, vs) -> {
            if (!k.equalsIgnoreCase("host")) vs.forEach(v -> b.header(k, v));
        });
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body());
    }
}
