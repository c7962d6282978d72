package dev.bucketscope.report;

import dev.bucketscope.core.Finding;

/**
 * A compact Markdown summary for {@code $GITHUB_STEP_SUMMARY} and pull-request comments: counts by
 * severity, then a table of findings that links each rule to its documentation.
 */
public final class MarkdownReportFormat {
    /** More rows than this are summarised in one line (a step summary holds at most 1 MiB). */
    static final int MAX_ROWS = 500;

    private MarkdownReportFormat() {}

    /** @param informationUri the tool's home page; rule docs are linked below it */
    public static String render(LintReport report, String informationUri) {
        StringBuilder sb = new StringBuilder("### bucketscope\n\n");
        LintReport.Counts counts = report.counts();
        long errors = counts.error();
        long warnings = counts.warning();
        long notes = counts.note();
        if (report.findings().isEmpty()) {
            sb.append("No findings in ").append(plural(report.files(), "policy")).append(" (").append(report.dialect()).append(").\n");
        } else {
            sb.append("| Errors | Warnings | Notes | Policies | Dialect |\n|---:|---:|---:|---:|---|\n");
            sb.append("| ").append(errors).append(" | ").append(warnings).append(" | ").append(notes).append(" | ")
                    .append(report.files()).append(" | ").append(cell(report.dialect())).append(" |\n\n");
            sb.append("| Severity | Location | Rule | Message |\n|---|---|---|---|\n");
            int rows = 0;
            for (Finding f : report.findings()) {
                if (rows++ == MAX_ROWS) break;
                var s = f.location().span();
                sb.append("| ").append(f.severity().word())
                        .append(" | ").append(cell(f.location().file() + ":" + s.line() + ":" + s.column()))
                        .append(" | [").append(f.ruleId()).append("](").append(RuleHelp.docUri(informationUri, f.ruleId())).append(')')
                        .append(" | ").append(cell(f.message())).append(" |\n");
            }
            if (report.findings().size() > MAX_ROWS) {
                sb.append("\n…and ").append(report.findings().size() - MAX_ROWS).append(" more; see the SARIF or text report.\n");
            }
        }
        if (!report.notices().isEmpty()) {
            sb.append("\nNot linted:\n\n");
            for (String n : report.notices()) sb.append("- ").append(cell(n)).append('\n');
        }
        return sb.toString();
    }

    /** Safe inside a table cell: no pipes, no line breaks, no HTML, no emphasis from s3:Get* or file_names. */
    static String cell(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\r', '\n' -> sb.append(' ');
                case '|', '*', '_', '`', '[', ']', '\\', '~' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String plural(long n, String word) {
        if (n == 1) return n + " " + word;
        return n + " " + (word.endsWith("y") ? word.substring(0, word.length() - 1) + "ies" : word + "s");
    }
}
