package dev.bucketscope.report;

import java.util.List;

/**
 * The text format's addition for {@code probe}: per component, one line per bucket with what the
 * inventory declares, what the repository's policy predicts and what the server did, each as four
 * letters for list, read, write, delete ({@code L R W D}; '-' not granted or denied, '?' inconclusive,
 * ' ' not probed or no policy).
 */
public final class ProbeTableFormat {
    private ProbeTableFormat() {}

    public record Row(String bucket, String declared, String predicted, String observed) {}

    public record Table(String component, String note, List<Row> rows) {}

    public static String render(List<Table> tables) {
        StringBuilder sb = new StringBuilder();
        for (Table t : tables) {
            sb.append('\n').append(t.component()).append(t.note().isEmpty() ? "" : " (" + t.note() + ")").append('\n');
            if (t.rows().isEmpty()) continue;
            int w = Math.max("bucket".length(), t.rows().stream().mapToInt(r -> r.bucket().length()).max().orElse(0));
            sb.append(String.format("  %-" + w + "s  declared  predicted  observed%n", "bucket"));
            for (Row r : t.rows()) {
                sb.append(String.format("  %-" + w + "s  %-8s  %-9s  %s%n", r.bucket(), r.declared(), r.predicted(), r.observed()));
            }
        }
        if (!tables.isEmpty()) sb.append("\n(L list, R read, W write, D delete; - not granted/denied, ? inconclusive)\n");
        return sb.toString();
    }
}
