package dev.bucketscope.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a realistic repository for the benchmarks, deterministic by seed: {@code policies/} with
 * one policy per component in the shapes of the RustFS IAM setup pattern (per-bucket or
 * {@code app-*} scoped grants, object and bucket ARNs side by side), a share of them with
 * violations (wildcard actions, {@code *} resources, admin actions, NotAction, unknown actions,
 * undeclared buckets, drifted scopes); an inventory {@code bucketscope.yaml} naming the components
 * with their buckets and scopes; and a SOPS-style {@code cluster.yaml} holding their keys.
 *
 * <pre>
 * java -cp … dev.bucketscope.bench.RepoGenerator OUT --policies N [--components C] [--buckets B]
 *      [--statements S] [--seed X] [--violations 0.2] [--no-inventory]
 * </pre>
 * Policies beyond the first C components have no owner (the inventory has C components); with
 * {@code --statements S} each policy holds about S statements (for the cost curves).
 */
public final class RepoGenerator {
    private static final String[] APPS = {"litellm", "langfuse", "obot", "mcpgateway", "loki", "tempo", "mimir",
            "gitea", "harbor", "velero", "thanos", "argo", "n8n", "immich", "paperless", "nextcloud"};
    private static final String[] PURPOSES = {"cache", "logs", "events", "media", "exports", "chunks", "ruler",
            "backups", "artifacts", "uploads", "index", "blobs"};
    private static final String[] NAMESPACES = {"ai-system", "monitoring", "kube-system", "apps", "storage", "ci"};
    private static final String[] RW = {"s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"};

    private final SplittableRandom rnd;
    private final double violations;

    private RepoGenerator(long seed, double violations) {
        this.rnd = new SplittableRandom(seed);
        this.violations = violations;
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: RepoGenerator OUT --policies N [--components C] [--buckets B] [--statements S] "
                    + "[--seed X] [--violations F] [--no-inventory]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int policies = 100, components = -1, buckets = 0, statements = 0;
        long seed = 42;
        double violations = 0.2;
        boolean inventory = true;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--policies" -> policies = Integer.parseInt(args[++i]);
                case "--components" -> components = Integer.parseInt(args[++i]);
                case "--buckets" -> buckets = Integer.parseInt(args[++i]);
                case "--statements" -> statements = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--violations" -> violations = Double.parseDouble(args[++i]);
                case "--no-inventory" -> inventory = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (components < 0) components = policies;
        Stats s = new RepoGenerator(seed, violations).write(out, policies, components, buckets, statements, inventory);
        System.out.printf(Locale.ROOT, "%s: %d policies (%d bytes, %d statements), %d components%n",
                out, policies, s.bytes, s.statements, inventory ? components : 0);
    }

    record Stats(long bytes, long statements) {}

    /** One component: its id, its buckets and their access, its scope. */
    private record Comp(int index, String id, String namespace, List<String> buckets, List<String> access, String scope) {}

    Stats write(Path out, int policies, int components, int bucketsEach, int statements, boolean withInventory) throws IOException {
        Path dir = out.resolve("policies");
        Files.createDirectories(dir);
        List<Comp> comps = new ArrayList<>();
        int n = Math.max(policies, components);
        for (int i = 0; i < n; i++) comps.add(component(i, bucketsEach));
        long bytes = 0, stmts = 0;
        for (int i = 0; i < policies; i++) {
            Comp c = comps.get(i);
            StringBuilder sb = new StringBuilder(1024);
            int count = policy(sb, c, statements);
            stmts += count;
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            bytes += b.length;
            Files.write(dir.resolve(c.id + "-storage.json"), b);
        }
        if (withInventory) {
            Files.writeString(out.resolve("bucketscope.yaml"), inventory(comps.subList(0, components), policies));
            Files.writeString(out.resolve("cluster.yaml"), cluster(comps.subList(0, components)));
        }
        return new Stats(bytes, stmts);
    }

    private Comp component(int i, int bucketsEach) {
        String app = APPS[i % APPS.length] + (i < APPS.length ? "" : Integer.toString(i / APPS.length));
        int nb = bucketsEach > 0 ? bucketsEach : 1 + rnd.nextInt(3);
        List<String> buckets = new ArrayList<>();
        List<String> access = new ArrayList<>();
        for (int b = 0; b < nb; b++) {
            buckets.add(app + "-" + PURPOSES[(i + b) % PURPOSES.length] + (b < PURPOSES.length ? "" : "-" + b));
            double r = rnd.nextDouble();
            access.add(r < 0.7 ? "read-write" : r < 0.85 ? "read-only" : "write-only");
        }
        // Most components scope to their prefix (app-*); some to their one bucket; some have none.
        double r = rnd.nextDouble();
        String scope = r < 0.6 ? app + "-*" : r < 0.8 && nb == 1 ? buckets.get(0) : null;
        return new Comp(i, app, NAMESPACES[i % NAMESPACES.length], buckets, access, scope);
    }

    /** Writes the policy; returns its statement count. */
    private int policy(StringBuilder sb, Comp c, int statements) {
        sb.append("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n");
        int count = 0;
        boolean bad = rnd.nextDouble() < violations;
        if (statements <= 0) {
            // The pattern's shape: one statement over the buckets (object and bucket ARNs), or one per bucket.
            if (rnd.nextBoolean()) {
                statement(sb, count++ > 0, null, List.of(RW), resources(c.buckets, c.scope, rnd.nextDouble() < 0.3));
            } else {
                for (int b = 0; b < c.buckets.size(); b++) {
                    List<String> acts = switch (c.access.get(b)) {
                        case "read-only" -> List.of("s3:GetObject", "s3:ListBucket");
                        case "write-only" -> List.of("s3:PutObject");
                        default -> List.of(RW);
                    };
                    statement(sb, count++ > 0, "Bucket" + b, acts, resources(List.of(c.buckets.get(b)), null, false));
                }
            }
            if (bad) { violation(sb, c); count++; }
        } else {
            for (int s = 0; s < statements; s++) {
                String bucket = c.buckets.get(s % c.buckets.size()) + (s < c.buckets.size() ? "" : "/part-" + s);
                if (bad && s % 50 == 7) violation(sb, c);
                else statement(sb, count > 0, "S" + s, List.of(RW[s % RW.length], RW[(s + 1) % RW.length]),
                        List.of("arn:aws:s3:::" + bucket + "/*"));
                count++;
            }
        }
        sb.append("\n  ]\n}\n");
        return count;
    }

    private List<String> resources(List<String> buckets, String scope, boolean useScope) {
        List<String> out = new ArrayList<>();
        if (useScope && scope != null && scope.endsWith("*")) {
            out.add("arn:aws:s3:::" + scope);
            out.add("arn:aws:s3:::" + scope + "/*");
            return out;
        }
        for (String b : buckets) {
            out.add("arn:aws:s3:::" + b);
            out.add("arn:aws:s3:::" + b + "/*");
        }
        return out;
    }

    private void violation(StringBuilder sb, Comp c) {
        String b = c.buckets.get(0);
        // Grants on every bucket concern every other component (one cross-component finding each),
        // so only a fixed handful of policies have them, whatever the repository's size; the others
        // over-reach by a prefix that lacks its separator (app* also matches app2-…).
        String prefix = c.index < APPS.length ? "" : c.id;
        switch (rnd.nextInt(7)) {
            case 0 -> statement(sb, true, "Everything", List.of("s3:*"), List.of("arn:aws:s3:::" + prefix + "*"));
            case 1 -> statement(sb, true, null, List.of("s3:GetObject"), List.of(prefix.isEmpty() ? "*" : "arn:aws:s3:::" + prefix + "*/*"));
            case 2 -> statement(sb, true, "Admin", List.of("admin:*"), List.of("arn:aws:s3:::" + prefix + "*"));
            case 3 -> notAction(sb, b);
            case 4 -> statement(sb, true, "Typo", List.of("s3:GetObjects", "s3:PutObject"), List.of("arn:aws:s3:::" + b + "/*"));
            case 5 -> statement(sb, true, "Other", List.of("s3:GetObject"), List.of("arn:aws:s3:::shared-" + rnd.nextInt(1000) + "/*"));
            default -> statement(sb, true, "Manage", List.of("s3:CreateBucket", "s3:DeleteBucket", "s3:PutBucketPolicy"),
                    List.of("arn:aws:s3:::" + b));
        }
    }

    private static void statement(StringBuilder sb, boolean comma, String sid, List<String> actions, List<String> resources) {
        if (comma) sb.append(",\n");
        sb.append("    {\n");
        if (sid != null) sb.append("      \"Sid\": \"").append(sid).append("\",\n");
        sb.append("      \"Effect\": \"Allow\",\n      \"Action\": ");
        list(sb, actions);
        sb.append(",\n      \"Resource\": ");
        list(sb, resources);
        sb.append("\n    }");
    }

    private static void notAction(StringBuilder sb, String bucket) {
        sb.append(",\n    {\n      \"Effect\": \"Allow\",\n      \"NotAction\": [\"s3:DeleteObject\"],\n")
                .append("      \"Resource\": [\"arn:aws:s3:::").append(bucket).append("/*\"]\n    }");
    }

    private static void list(StringBuilder sb, List<String> items) {
        if (items.size() == 1) {
            sb.append('"').append(items.get(0)).append('"');
            return;
        }
        sb.append("[\n");
        for (int i = 0; i < items.size(); i++) {
            sb.append("        \"").append(items.get(i)).append('"').append(i + 1 < items.size() ? ",\n" : "\n");
        }
        sb.append("      ]");
    }

    private static String inventory(List<Comp> comps, int policies) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Generated by dev.bucketscope.bench.RepoGenerator\nversion: 1\nserver:\n  dialect: rustfs\n")
                .append("  endpoint: http://rustfs-svc.storage.svc.cluster.local:9000\ncomponents:\n");
        for (int i = 0; i < comps.size(); i++) {
            Comp c = comps.get(i);
            sb.append("  - name: ").append(c.id).append("\n    namespace: ").append(c.namespace).append('\n');
            if (i < policies) sb.append("    policy: policies/").append(c.id).append("-storage.json\n");
            if (c.scope != null) sb.append("    scope: \"").append(c.scope).append("\"\n");
            sb.append("    buckets:\n");
            for (int b = 0; b < c.buckets.size(); b++) {
                sb.append("      ").append(c.buckets.get(b)).append(": ").append(c.access.get(b)).append('\n');
            }
        }
        sb.append("credentials:\n  file: cluster.yaml\n  access-key: \"{component}_s3_access_key\"\n")
                .append("  secret-key: \"{component}_s3_secret_key\"\n");
        return sb.toString();
    }

    private String cluster(List<Comp> comps) {
        StringBuilder sb = new StringBuilder("# Cluster configuration; secrets encrypted with SOPS (age). Generated values.\ncluster_name: bench\n");
        for (Comp c : comps) {
            String key = c.id.replace('-', '_');
            sb.append(key).append("_s3_access_key: ").append(enc()).append('\n');
            sb.append(key).append("_s3_secret_key: ").append(enc()).append('\n');
        }
        sb.append("sops:\n  age:\n    - recipient: age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq\n")
                .append("  lastmodified: \"2026-01-14T10:00:00Z\"\n  encrypted_regex: ^(.*_s3_(access|secret)_key)$\n  version: 3.9.4\n");
        return sb.toString();
    }

    private String enc() {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < 24; i++) d.append((char) ('a' + rnd.nextInt(26)));
        return "ENC[AES256_GCM,data:" + java.util.Base64.getEncoder().encodeToString(d.toString().getBytes(StandardCharsets.UTF_8))
                + ",iv:aXZpdml2aXZpdml2aXZpdg==,tag:dGFndGFndGFndGFndGFnZw==,type:str]";
    }
}
