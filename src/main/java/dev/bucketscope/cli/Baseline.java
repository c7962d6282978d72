package dev.bucketscope.cli;

import dev.bucketscope.core.Finding;
import dev.bucketscope.source.JsonText;
import dev.bucketscope.source.JsonReader;
import dev.bucketscope.source.Node;
import dev.bucketscope.source.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The baseline file: the identities of findings a repository already had when it adopted
 * bucketscope. Identities survive reformatting (see Fingerprints), so the baseline does too.
 */
final class Baseline {
    private Baseline() {}

    static Set<String> read(Path file) throws UsageException {
        if (file == null) return Set.of();
        SourceText.Decoded d = SourceText.read(file);
        if (d.text() == null) throw new UsageException(file + ": " + d.problems().get(0).message());
        var parsed = JsonReader.parse(d.text());
        if (parsed.root() == null) {
            var p = parsed.problems().get(0);
            throw new UsageException(file + ":" + p.span().line() + ":" + p.span().column() + ": " + p.message());
        }
        Set<String> out = new LinkedHashSet<>();
        Node findings = parsed.root() instanceof Node.ObjectNode o ? o.get("findings").orElse(null) : null;
        if (!(findings instanceof Node.ArrayNode arr)) {
            throw new UsageException(file + ": not a bucketscope baseline (no \"findings\" array)");
        }
        for (Node n : arr.items()) {
            if (n instanceof Node.ObjectNode f && f.get("fingerprint").orElse(null) instanceof Node.StringNode s) {
                out.add(s.value());
            } else {
                throw new UsageException(file + ":" + n.span().line() + ":" + n.span().column()
                        + ": each baseline entry needs a \"fingerprint\"");
            }
        }
        return out;
    }

    static void write(Path file, java.util.List<Finding> findings) throws UsageException {
        StringBuilder sb = new StringBuilder("{\n  \"schemaVersion\": 1,\n  \"findings\": [");
        boolean first = true;
        for (Finding f : findings) {
            if (f.suppression().filter(s -> s.kind() == dev.bucketscope.core.Suppression.Kind.EXCEPTION).isPresent()) continue;
            sb.append(first ? "\n" : ",\n");
            first = false;
            // rule and file are for people reading the file; only the fingerprint is matched.
            sb.append("    {\"fingerprint\": \"").append(f.fingerprint()).append("\", \"ruleId\": \"").append(f.ruleId())
                    .append("\", \"file\": ").append(JsonText.quote(f.location().file())).append('}');
        }
        sb.append(first ? "]\n}\n" : "\n  ]\n}\n");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
