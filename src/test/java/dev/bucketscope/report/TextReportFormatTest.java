package dev.bucketscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bucketscope.core.Finding;
import dev.bucketscope.core.Location;
import dev.bucketscope.core.Severity;
import dev.bucketscope.source.Span;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextReportFormatTest {
    private static final LintReport REPORT = new LintReport("0.1.0", "rustfs@1.0.0-rc.3", 1, List.of(
            new Finding("unsupported-wildcard", Severity.ERROR,
                    new Location("p.json", new Span(2, 15, 2, 24), "/Statement/0/Action/0"), "s3:Get* is rejected", List.of(), "f")),
            List.of());

    @Test
    void plainWhenNotATerminal() {
        assertEquals("p.json:2:15: error [unsupported-wildcard] s3:Get* is rejected\n"
                + "1 error, 0 warnings, 0 notes in 1 policy (rustfs@1.0.0-rc.3)\n",
                TextReportFormat.render(REPORT, false, false, (f, l) -> Optional.of("unused")));
    }

    @Test
    void caretUnderTheSpanOnATerminal() {
        String line = "  \"Action\": [ \"s3:Get*\" ],";
        String out = TextReportFormat.render(REPORT, true, false, (f, l) -> l == 2 ? Optional.of(line) : Optional.empty());
        assertEquals("p.json:2:15: error [unsupported-wildcard] s3:Get* is rejected\n"
                + "  " + line + "\n"
                + "  " + " ".repeat(14) + "^" + "~".repeat(8) + "\n" // under all 9 characters of "s3:Get*" with its quotes
                + "1 error, 0 warnings, 0 notes in 1 policy (rustfs@1.0.0-rc.3)\n", out);
    }

    @Test
    void colourOnlyWhenAsked() {
        String out = TextReportFormat.render(REPORT, true, true, (f, l) -> Optional.empty());
        assertEquals(true, out.contains("\u001b[31merror\u001b[0m"));
        assertEquals(false, TextReportFormat.render(REPORT, true, false, (f, l) -> Optional.empty()).contains("\u001b["));
    }

    @Test
    void cleanReportIsEmpty() {
        assertEquals("", TextReportFormat.render(new LintReport("0.1.0", "aws", 3, List.of(), List.of()), true, true,
                (f, l) -> Optional.empty()));
    }
}
