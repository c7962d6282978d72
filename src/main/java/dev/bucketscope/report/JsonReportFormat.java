package dev.bucketscope.report;

import dev.bucketscope.core.Finding;
import dev.bucketscope.core.Location;

/**
 * The versioned JSON report ({@code schemas/report.schema.json}). Bump {@link #SCHEMA_VERSION}
 * for any change a consumer could notice; adding an optional member is not one.
 */
public final class JsonReportFormat {
    public static final int SCHEMA_VERSION = 1;

    private JsonReportFormat() {}

    public static String render(LintReport report) {
        JsonWriter w = new JsonWriter();
        w.beginObject();
        w.name("schemaVersion").value(SCHEMA_VERSION);
        w.name("tool").beginObject().name("name").value("bucketscope").name("version").value(report.toolVersion()).endObject();
        w.name("dialect").value(report.dialect());
        LintReport.Counts counts = report.counts();
        w.name("summary").beginObject()
                .name("files").value(report.files())
                .name("error").value(counts.error())
                .name("warning").value(counts.warning())
                .name("note").value(counts.note())
                .name("suppressed").value(counts.suppressed())
                .endObject();
        w.name("findings").beginArray();
        for (Finding f : report.findings()) {
            w.beginObject();
            w.name("ruleId").value(f.ruleId());
            w.name("severity").value(f.severity().word());
            location(w, f.location());
            w.name("message").value(f.message());
            w.name("component").value(f.component());
            w.name("fingerprint").value(f.fingerprint());
            if (f.suppression().isPresent()) {
                w.name("suppression").beginObject()
                        .name("kind").value(f.suppression().get().kind().name().toLowerCase(java.util.Locale.ROOT))
                        .name("reason").value(f.suppression().get().reason())
                        .endObject();
            }
            w.name("related").beginArray();
            for (Finding.Related r : f.related()) {
                w.beginObject();
                location(w, r.location());
                w.name("message").value(r.message());
                w.endObject();
            }
            w.endArray();
            w.endObject();
        }
        w.endArray();
        w.name("notices").beginArray();
        for (String n : report.notices()) w.value(n);
        w.endArray();
        w.endObject();
        return w.toString();
    }

    private static void location(JsonWriter w, Location l) {
        w.name("file").value(l.file());
        w.name("line").value(l.span().line());
        w.name("column").value(l.span().column());
        w.name("endLine").value(l.span().endLine());
        w.name("endColumn").value(l.span().endColumn());
        w.name("pointer").value(l.pointer());
    }
}
