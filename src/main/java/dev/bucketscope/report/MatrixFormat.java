package dev.bucketscope.report;

import dev.bucketscope.core.AccessMatrix;
import dev.bucketscope.core.AccessMatrix.Cell;
import dev.bucketscope.core.AccessMatrix.Letter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders the access matrix for reviewers: a text or Markdown grid, one self-contained HTML page,
 * or a Mermaid graph. In every cell, a letter is granted and declared; {@code +X} is granted but
 * not declared (an over-grant); {@code -X} is declared but not granted (AccessDenied to come).
 */
public final class MatrixFormat {
    private MatrixFormat() {}

    public static final String LEGEND = "L list, R read, W write, D delete, M management;"
            + " +X granted but not declared, -X declared but not granted";

    /** The cell as text: declared-and-granted letters, then +over, then -under; "." when nothing. */
    static String cellText(Cell c) {
        if (c.empty()) return ".";
        List<String> parts = new ArrayList<>();
        StringBuilder both = new StringBuilder();
        for (Letter l : Letter.values()) if (c.granted().contains(l) && c.declared().contains(l)) both.append(l);
        if (both.length() > 0) parts.add(both.toString());
        for (Letter l : Letter.values()) if (c.over().contains(l)) parts.add("+" + l);
        for (Letter l : Letter.values()) if (c.under().contains(l)) parts.add("-" + l);
        return String.join(" ", parts);
    }

    public static String text(AccessMatrix m) {
        List<List<String>> rows = grid(m);
        int[] width = new int[rows.get(0).size()];
        for (List<String> r : rows) for (int i = 0; i < r.size(); i++) width[i] = Math.max(width[i], r.get(i).length());
        StringBuilder sb = new StringBuilder();
        for (int ri = 0; ri < rows.size(); ri++) {
            List<String> r = rows.get(ri);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                if (i > 0) line.append("  ");
                line.append(r.get(i)).append(" ".repeat(width[i] - r.get(i).length()));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        footer(m, sb, "");
        return sb.toString();
    }

    public static String markdown(AccessMatrix m) {
        List<List<String>> rows = grid(m);
        StringBuilder sb = new StringBuilder("### Access matrix (" + m.dialect() + ")\n\n");
        for (int ri = 0; ri < rows.size(); ri++) {
            sb.append("| ").append(String.join(" | ", rows.get(ri).stream().map(MatrixFormat::mdCell).toList())).append(" |\n");
            if (ri == 0) sb.append("|").append("---|".repeat(rows.get(0).size())).append('\n');
        }
        sb.append('\n');
        footer(m, sb, "");
        return sb.toString();
    }

    private static String mdCell(String s) {
        return s.isEmpty() ? " " : "`" + s.replace("|", "\\|") + "`";
    }

    private static void footer(AccessMatrix m, StringBuilder sb, String prefix) {
        sb.append(prefix).append(LEGEND).append('\n');
        for (Map.Entry<String, String> e : m.unreadable().entrySet()) {
            sb.append(prefix).append("component ").append(e.getKey()).append(": ").append(e.getValue())
                    .append(" (nothing granted is shown)\n");
        }
    }

    /** Header row, then one row per component. */
    private static List<List<String>> grid(AccessMatrix m) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("component");
        header.addAll(m.buckets());
        rows.add(header);
        for (String c : m.components()) {
            List<String> row = new ArrayList<>();
            row.add(c);
            for (String b : m.buckets()) row.add(cellText(m.cells().get(c).get(b)));
            rows.add(row);
        }
        return rows;
    }

    public static String html(AccessMatrix m) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>bucketscope access matrix</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328}\n")
                .append("table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:.35rem .6rem;text-align:center}\n")
                .append("th{background:#f6f8fa}th.component{text-align:left;white-space:nowrap}td.ok{background:#dafbe1}\n")
                .append("td.over{background:#ffebe9;font-weight:600}td.under{background:#fff8c5;font-weight:600}td.none{color:#8c959f}\n")
                .append("caption{caption-side:top;text-align:left;font-weight:600;margin-bottom:.5rem}\n")
                .append("</style>\n</head>\n<body>\n<h1>Who can do what on which bucket</h1>\n")
                .append("<table id=\"matrix\">\n<caption>").append(esc(m.dialect())).append("</caption>\n<thead><tr><th class=\"component\">component</th>");
        for (String b : m.buckets()) sb.append("<th scope=\"col\">").append(esc(b)).append("</th>");
        sb.append("</tr></thead>\n<tbody>\n");
        for (String c : m.components()) {
            sb.append("<tr><th class=\"component\" scope=\"row\">").append(esc(c)).append("</th>");
            for (String b : m.buckets()) {
                Cell cell = m.cells().get(c).get(b);
                String cls = cell.empty() ? "none" : !cell.over().isEmpty() ? "over" : !cell.under().isEmpty() ? "under" : "ok";
                sb.append("<td class=\"").append(cls).append("\" title=\"").append(esc(title(cell))).append("\">")
                        .append(esc(cellText(cell))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n<p>").append(esc(LEGEND)).append("</p>\n");
        for (Map.Entry<String, String> e : m.unreadable().entrySet()) {
            sb.append("<p>component ").append(esc(e.getKey())).append(": ").append(esc(e.getValue())).append("</p>\n");
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private static String title(Cell c) {
        return "declared " + letters(c.declared()) + "; granted " + letters(c.granted());
    }

    private static String letters(Set<Letter> s) {
        if (s.isEmpty()) return "nothing";
        StringBuilder sb = new StringBuilder();
        for (Letter l : s) sb.append(l);
        return sb.toString();
    }

    public static String mermaid(AccessMatrix m) {
        StringBuilder sb = new StringBuilder("flowchart LR\n");
        List<String> overEdges = new ArrayList<>();
        int edge = 0;
        for (String c : m.components()) sb.append("  c_").append(id(c)).append("[\"").append(c).append("\"]\n");
        for (String b : m.buckets()) sb.append("  b_").append(id(b)).append("[(\"").append(b).append("\")]\n");
        for (String c : m.components()) {
            for (String b : m.buckets()) {
                Cell cell = m.cells().get(c).get(b);
                if (cell.granted().isEmpty() && cell.declared().isEmpty()) continue;
                sb.append("  c_").append(id(c)).append(" -- \"").append(cellText(cell)).append("\" --> b_").append(id(b)).append('\n');
                if (!cell.over().isEmpty()) overEdges.add(Integer.toString(edge));
                edge++;
            }
        }
        if (!overEdges.isEmpty()) sb.append("  linkStyle ").append(String.join(",", overEdges)).append(" stroke:#cf222e,stroke-width:2px\n");
        return sb.toString();
    }

    private static String id(String s) {
        return s.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
