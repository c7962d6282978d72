package dev.bucketscope.core;

import dev.bucketscope.dialect.Capability;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.source.JsonReader;
import dev.bucketscope.source.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The recorded form of a probe ({@code probe-observations.json}): the observations and, when the
 * admin API was read, the deployed policies. {@code probe --record FILE} writes the observations; the
 * rule fixtures read it (with deployed policies), so probe rules run without a server.
 *
 * <pre>
 * {"version": 1,
 *  "observations": [{"component": "app", "bucket": "app-data", "capability": "write",
 *                    "outcome": "allowed", "status": 400, "code": "BadDigest", "technique": "put-bad-content-md5"}],
 *  "deployed": [{"component": "app", "policies": [{"name": "app-storage", "document": {...}}]}]}
 * </pre>
 */
public final class ProbeObservations {
    private ProbeObservations() {}

    public record Recorded(List<ProbeObservation> observations, Map<String, DeployedPolicy> deployed) {}

    public static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;

        public FormatException(String message) {
            super(message);
        }
    }

    public static Recorded parse(String text, String display, Dialect dialect) throws FormatException {
        var parsed = JsonReader.parse(text);
        if (!(parsed.root() instanceof Node.ObjectNode root) || !parsed.problems().isEmpty()) {
            throw new FormatException(display + ": not a JSON object");
        }
        List<ProbeObservation> obs = new ArrayList<>();
        for (Node n : items(root, "observations", display)) {
            if (!(n instanceof Node.ObjectNode o)) throw new FormatException(display + n.pointer() + ": not an object");
            Capability cap;
            ProbeObservation.Outcome outcome;
            try {
                cap = Capability.valueOf(str(o, "capability", display).toUpperCase(Locale.ROOT));
                outcome = ProbeObservation.Outcome.valueOf(str(o, "outcome", display).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new FormatException(display + o.pointer() + ": unknown capability or outcome");
            }
            int status = o.get("status").filter(s -> s instanceof Node.NumberNode).map(s -> Integer.parseInt(((Node.NumberNode) s).text()))
                    .orElse(0);
            obs.add(new ProbeObservation(str(o, "component", display), str(o, "bucket", display), cap, outcome, status,
                    opt(o, "code"), opt(o, "technique")));
        }
        Map<String, DeployedPolicy> deployed = new LinkedHashMap<>();
        if (root.get("deployed").isPresent()) {
            for (Node n : items(root, "deployed", display)) {
                if (!(n instanceof Node.ObjectNode o)) throw new FormatException(display + n.pointer() + ": not an object");
                String component = str(o, "component", display);
                List<String> names = new ArrayList<>();
                List<PolicyFile> docs = new ArrayList<>();
                for (Node p : items(o, "policies", display)) {
                    if (!(p instanceof Node.ObjectNode po)) throw new FormatException(display + p.pointer() + ": not an object");
                    String name = str(po, "name", display);
                    names.add(name);
                    Optional<Node> doc = po.get("document");
                    if (doc.isPresent()) docs.add(PolicyFile.fromNode(doc.get(), name, dialect, List.of()));
                }
                deployed.put(component, new DeployedPolicy(component, names, docs, Optional.ofNullable(opt(o, "problem")).filter(s -> !s.isEmpty())));
            }
        }
        return new Recorded(obs, deployed);
    }

    /** The observations as JSON (deployed documents are not recorded: they may be large and are re-read). */
    public static String write(List<ProbeObservation> observations) {
        StringBuilder sb = new StringBuilder("{\n  \"version\": 1,\n  \"observations\": [");
        List<ProbeObservation> sorted = new ArrayList<>(observations);
        sorted.sort(ProbeObservation.ORDER);
        for (int i = 0; i < sorted.size(); i++) {
            ProbeObservation o = sorted.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"component\": ").append(quote(o.component()))
                    .append(", \"bucket\": ").append(quote(o.bucket()))
                    .append(", \"capability\": ").append(quote(ProbeObservation.name(o.capability())))
                    .append(", \"outcome\": ").append(quote(o.outcome().name().toLowerCase(Locale.ROOT)))
                    .append(", \"status\": ").append(o.status())
                    .append(", \"code\": ").append(quote(o.errorCode()))
                    .append(", \"technique\": ").append(quote(o.technique())).append('}');
        }
        return sb.append(sorted.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    private static List<Node> items(Node.ObjectNode o, String key, String display) throws FormatException {
        Optional<Node> n = o.get(key);
        if (n.isEmpty() || !(n.get() instanceof Node.ArrayNode a)) throw new FormatException(display + o.pointer() + "/" + key + ": an array is required");
        return a.items();
    }

    private static String str(Node.ObjectNode o, String key, String display) throws FormatException {
        Optional<Node> n = o.get(key);
        if (n.isEmpty() || !(n.get() instanceof Node.StringNode s)) throw new FormatException(display + o.pointer() + "/" + key + ": a string is required");
        return s.value();
    }

    private static String opt(Node.ObjectNode o, String key) {
        return o.get(key).filter(n -> n instanceof Node.StringNode).map(n -> ((Node.StringNode) n).value()).orElse("");
    }
}
