package dev.bucketscope.report;

import dev.bucketscope.core.Finding;

/**
 * GitHub Actions workflow commands: one {@code ::error}, {@code ::warning} or {@code ::notice}
 * line per finding, which the runner turns into annotations on the pull request's diff. A clean
 * run prints nothing.
 *
 * <p>Positions: {@code line}/{@code endLine} always; {@code col}/{@code endColumn} only for a
 * span on one line (GitHub ignores columns across lines), with {@code endColumn} inclusive.
 */
public final class GithubReportFormat {
    private GithubReportFormat() {}

    public static String render(LintReport report) {
        StringBuilder sb = new StringBuilder();
        for (String n : report.notices()) sb.append("::warning title=bucketscope::").append(data(n)).append('\n');
        for (Finding f : report.findings()) {
            var s = f.location().span();
            sb.append("::").append(command(f)).append(' ');
            sb.append("file=").append(property(f.location().file()));
            sb.append(",line=").append(s.line());
            sb.append(",endLine=").append(s.endLine());
            if (s.line() == s.endLine()) {
                sb.append(",col=").append(s.column());
                sb.append(",endColumn=").append(Math.max(s.column(), s.endColumn() - 1));
            }
            sb.append(",title=").append(property("bucketscope " + f.ruleId()));
            sb.append("::").append(data(f.message())).append('\n');
        }
        return sb.toString();
    }

    private static String command(Finding f) {
        return switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "notice";
        };
    }

    /** Escaping of a command's message, as @actions/core does it. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping of a command's property value: the message escapes plus ':' and ','. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
