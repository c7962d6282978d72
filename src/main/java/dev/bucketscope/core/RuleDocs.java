package dev.bucketscope.core;

import dev.bucketscope.source.OwnJar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * Reads rule documentation from the classpath ({@code rules/<id>.md}, packaged from the
 * repository's rules/ folder). The front matter is a flat {@code key: value} block with one
 * bracketed list ({@code tags: [a, b]}); a schema test validates it as YAML too, so this small
 * reader keeps YAML out of every lint run's start-up.
 */
public final class RuleDocs {
    private RuleDocs() {}

    /** Thrown for a missing or malformed doc: a packaging defect, caught by the catalogue tests. */
    public static final class DocException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DocException(String message) {
            super(message);
        }
    }

    public static RuleMeta load(String id) {
        try (InputStream in = OwnJar.open("rules/" + id + ".md")) {
            if (in == null) throw new DocException("rules/" + id + ".md is missing");
            return parse(id, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DocException("rules/" + id + ".md cannot be read: " + e.getMessage());
        }
    }

    /** The rule's doc in {@code jar}, or null when the jar has none. */
    static InputStream open(JarFile jar, String id) throws IOException {
        return OwnJar.open(jar, "rules/" + id + ".md");
    }

    public static RuleMeta parse(String id, String text) {
        Map<String, String> fm = frontMatter(id, text);
        String body = text.substring(text.indexOf("\n---", 3) + 4).stripLeading();
        String declared = require(fm, "id", id);
        if (!declared.equals(id)) throw new DocException("rules/" + id + ".md declares id '" + declared + "'");
        Optional<Severity> severity = Severity.parse(require(fm, "severity", id));
        if (severity.isEmpty() || severity.get() == Severity.OFF) {
            throw new DocException("rules/" + id + ".md: severity must be error, warning or note");
        }
        return new RuleMeta(id, require(fm, "name", id), severity.get(), require(fm, "summary", id),
                list(fm.getOrDefault("tags", "[]")), Optional.ofNullable(fm.get("security-severity")), body);
    }

    static Map<String, String> frontMatter(String id, String text) {
        if (!text.startsWith("---\n")) throw new DocException("rules/" + id + ".md must start with front matter (---)");
        int end = text.indexOf("\n---", 3);
        if (end < 0) throw new DocException("rules/" + id + ".md: front matter is not closed");
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.substring(4, end).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            if (colon <= 0) throw new DocException("rules/" + id + ".md: front matter line '" + line + "' is not key: value");
            out.put(line.substring(0, colon).trim(), unquote(line.substring(colon + 1).trim()));
        }
        return out;
    }

    private static String require(Map<String, String> fm, String key, String id) {
        String v = fm.get(key);
        if (v == null || v.isEmpty()) throw new DocException("rules/" + id + ".md: front matter needs '" + key + "'");
        return v;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        String inner = v.trim();
        if (inner.startsWith("[") && inner.endsWith("]")) inner = inner.substring(1, inner.length() - 1);
        for (String part : inner.split(",")) {
            String t = unquote(part.trim());
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }
}
