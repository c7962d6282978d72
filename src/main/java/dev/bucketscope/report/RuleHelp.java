package dev.bucketscope.report;

import dev.bucketscope.core.RuleMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Renders a rule's documentation for places that want plain text (SARIF help.text, descriptions). */
final class RuleHelp {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)]+)\\)");

    private RuleHelp() {}

    /** Where a rule's documentation is published: {@code rules/<id>.md} in the project repository. */
    static String docUri(String informationUri, String ruleId) {
        String base = informationUri.endsWith("/") ? informationUri : informationUri + "/";
        return base + "blob/main/rules/" + ruleId + ".md";
    }

    /** The first paragraph under "## Why", as one line of plain text; the summary when there is none. */
    static String fullDescription(RuleMeta meta) {
        List<String> para = new ArrayList<>();
        boolean inWhy = false;
        for (String line : meta.body().split("\n", -1)) {
            if (line.startsWith("## ")) {
                if (inWhy) break;
                inWhy = line.substring(3).trim().equalsIgnoreCase("Why");
                continue;
            }
            if (!inWhy) continue;
            if (line.isBlank()) {
                if (!para.isEmpty()) break;
                continue;
            }
            para.add(line.trim());
        }
        String text = para.isEmpty() ? meta.summary() : String.join(" ", para);
        return limit(inline(text), 1024);
    }

    /** The summary as plain text. */
    static String shortDescription(RuleMeta meta) {
        return limit(inline(meta.summary()), 1024);
    }

    /** The Markdown body as plain text: headings on their own line, code blocks indented, inline marks removed. */
    static String plainText(String markdown) {
        StringBuilder sb = new StringBuilder();
        boolean code = false;
        for (String line : markdown.strip().split("\n", -1)) {
            if (line.startsWith("```")) {
                code = !code;
                continue;
            }
            if (code) {
                sb.append("    ").append(line).append('\n');
            } else if (line.startsWith("#")) {
                sb.append(line.replaceFirst("^#+\\s*", "")).append('\n');
            } else {
                sb.append(inline(line)).append('\n');
            }
        }
        return sb.toString().strip() + "\n";
    }

    private static String inline(String s) {
        String t = LINK.matcher(s).replaceAll("$1 ($2)");
        return t.replace("`", "").replace("**", "").replace("__", "");
    }

    private static String limit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
