package dev.bucketscope.core;

import java.util.List;
import java.util.Optional;

/**
 * A rule's documentation: the front matter of {@code rules/<id>.md} and its Markdown body. The
 * single source of a rule's name, default severity, summary and help text.
 *
 * @param securitySeverity CVSS-like score as a string ("8.8"), for security rules
 */
public record RuleMeta(String id, String name, Severity severity, String summary, List<String> tags,
                       Optional<String> securitySeverity, String body) {
    public RuleMeta {
        tags = List.copyOf(tags);
    }
}
