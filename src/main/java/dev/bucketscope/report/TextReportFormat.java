package dev.bucketscope.report;

import dev.bucketscope.core.Finding;
import dev.bucketscope.core.Severity;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The text report: {@code path:line:col: severity [rule-id] message}, one finding per line, then
 * one summary line. On a terminal it adds the source line with a caret under the span, and
 * colour unless disabled. A clean run prints nothing.
 */
public final class TextReportFormat {
    private TextReportFormat() {}

    /**
     * @param sourceLine looks up a line of a file (display path, 1-based line) for the caret; may answer empty
     */
    public static String render(LintReport report, boolean terminal, boolean color,
                                BiFunction<String, Integer, Optional<String>> sourceLine) {
        // Sized for the usual line (10,000 policies average 187 chars), so that the report is not
        // copied as it grows: at 160 a line, 18,000 findings outgrew it once (a 6 MB copy).
        StringBuilder sb = new StringBuilder(256 + 224 * report.findings().size());
        for (String n : report.notices()) sb.append("bucketscope: ").append(n).append('\n');
        LintReport.Counts counts = report.counts();
        if (counts.suppressed() == report.findings().size()) return sb.toString();
        List<Finding> findings = report.findings();
        // A run of findings per call: see Finding#RUN.
        for (int from = 0; from < findings.size(); from += Finding.RUN) {
            lines(sb, findings, from, Math.min(findings.size(), from + Finding.RUN), terminal, color, sourceLine);
        }
        sb.append(summary(report, counts)).append('\n');
        return sb.toString();
    }

    private static void lines(StringBuilder sb, List<Finding> findings, int from, int to, boolean terminal, boolean color,
                              BiFunction<String, Integer, Optional<String>> sourceLine) {
        for (int i = from; i < to; i++) {
            Finding f = findings.get(i);
            if (f.suppressed()) continue; // listed in JSON and SARIF; counted in the summary here
            line(sb, f, color);
            var span = f.location().span();
            if (terminal) caret(sb, sourceLine.apply(f.location().file(), span.line()), span.line() == span.endLine()
                    ? span.endColumn() - span.column() : -1, span.column(), f.severity(), color);
        }
    }

    /**
     * One finding's line. A method of its own, not the loop's body: the loop runs once, so it runs
     * in the interpreter (C1 compiles a loop in place only after 30,000 turns with the launcher's
     * flags), while a method called thousands of times is compiled after the first hundred.
     */
    private static void line(StringBuilder sb, Finding f, boolean color) {
        var span = f.location().span();
        sb.append(f.location().file()).append(':').append(span.line()).append(':').append(span.column()).append(": ");
        sb.append(paint(f.severity().word(), f.severity(), color)).append(" [").append(f.ruleId()).append("] ");
        sb.append(f.message()).append('\n');
    }

    private static void caret(StringBuilder sb, Optional<String> line, int width, int column, Severity s, boolean color) {
        if (line.isEmpty()) return;
        String text = line.get();
        sb.append("  ").append(text.replace('\t', ' ')).append('\n');
        int w = width > 0 ? width : Math.max(1, text.length() - column + 1);
        sb.append("  ").append(" ".repeat(Math.max(0, column - 1))).append(paint("^" + "~".repeat(Math.max(0, w - 1)), s, color)).append('\n');
    }

    private static String summary(LintReport r, LintReport.Counts c) {
        return plural(c.error(), "error") + ", " + plural(c.warning(), "warning") + ", "
                + plural(c.note(), "note") + " in " + plural(r.files(), "policy") + " (" + r.dialect() + ")"
                + (c.suppressed() > 0 ? "; " + c.suppressed() + " suppressed" : "");
    }

    private static String plural(long n, String word) {
        if (n == 1) return n + " " + word;
        return n + " " + (word.endsWith("y") ? word.substring(0, word.length() - 1) + "ies" : word + "s");
    }

    private static String paint(String text, Severity s, boolean color) {
        if (!color) return text;
        String code = switch (s) {
            case ERROR -> "31";
            case WARNING -> "33";
            default -> "36";
        };
        return "\u001b[" + code + "m" + text + "\u001b[0m";
    }
}
