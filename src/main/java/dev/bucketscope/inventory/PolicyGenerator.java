package dev.bucketscope.inventory;

import dev.bucketscope.dialect.ActionLevel;
import dev.bucketscope.dialect.Capability;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.source.JsonText;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the least-privilege policy for a component from its declaration: bucket-level actions
 * on {@code arn:aws:s3:::bucket}, object-level actions on {@code arn:aws:s3:::bucket/*}, buckets
 * with the same capabilities sharing a statement, no wildcard beyond the declared buckets, and
 * always the array forms every server version accepts.
 */
public final class PolicyGenerator {
    private static final Map<Capability, List<String>> ACTIONS = Map.of(
            Capability.LIST, List.of("s3:ListBucket"),
            Capability.READ, List.of("s3:GetObject"),
            // Multipart uploads need Abort on failure; RustFS authorises Create/Complete as PutObject.
            Capability.WRITE, List.of("s3:PutObject", "s3:AbortMultipartUpload"),
            Capability.DELETE, List.of("s3:DeleteObject"));

    private PolicyGenerator() {}

    /** The policy as pretty-printed JSON. Management actions under {@code actions:} are granted on the declared buckets. */
    public static String generate(Component c, Dialect dialect) {
        Map<String, Set<String>> bucketLevel = new LinkedHashMap<>();
        Map<String, Set<String>> objectLevel = new LinkedHashMap<>();
        for (BucketGrant b : c.buckets()) {
            Set<String> bucketActions = new TreeSet<>();
            Set<String> objectActions = new TreeSet<>();
            Set<Capability> caps = b.capabilities().isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(b.capabilities());
            for (Capability cap : caps) {
                for (String a : ACTIONS.getOrDefault(cap, List.of())) {
                    if (dialect.action(a).isEmpty()) continue;
                    (level(dialect, a) == ActionLevel.BUCKET ? bucketActions : objectActions).add(a);
                }
            }
            for (var a : c.actions()) {
                String name = a.text();
                if (dialect.action(name).isEmpty()) continue;
                ActionLevel l = level(dialect, name);
                if (l == ActionLevel.BUCKET) bucketActions.add(name);
                else if (l == ActionLevel.OBJECT) objectActions.add(name);
            }
            if (!bucketActions.isEmpty()) bucketLevel.put(b.name(), bucketActions);
            if (!objectActions.isEmpty()) objectLevel.put(b.name(), objectActions);
        }
        List<String> statements = new ArrayList<>();
        statements.addAll(group(bucketLevel, "", "Buckets"));
        statements.addAll(group(objectLevel, "/*", "Objects"));
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [" + (statements.isEmpty() ? "]\n}\n"
                : "\n" + String.join(",\n", statements) + "\n  ]\n}\n");
    }

    private static ActionLevel level(Dialect d, String action) {
        return d.action(action).map(a -> a.level()).orElse(ActionLevel.GLOBAL);
    }

    /** One statement per distinct action set, listing its buckets in declaration order. */
    private static List<String> group(Map<String, Set<String>> byBucket, String suffix, String what) {
        Map<Set<String>, List<String>> groups = new LinkedHashMap<>();
        for (var e : byBucket.entrySet()) groups.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
        List<String> out = new ArrayList<>();
        int n = 0;
        for (var g : groups.entrySet()) {
            n++;
            String sid = what + (groups.size() > 1 ? Integer.toString(n) : "");
            List<String> resources = g.getValue().stream().map(b -> JsonText.quote("arn:aws:s3:::" + b + suffix)).toList();
            out.add("    {\n      \"Sid\": " + JsonText.quote(sid) + ",\n      \"Effect\": \"Allow\",\n      \"Action\": ["
                    + String.join(", ", g.getKey().stream().map(JsonText::quote).toList()) + "],\n      \"Resource\": [\n        "
                    + String.join(",\n        ", resources) + "\n      ]\n    }");
        }
        return out;
    }
}
