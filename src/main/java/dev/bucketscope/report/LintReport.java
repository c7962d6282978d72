package dev.bucketscope.report;

import dev.bucketscope.core.Finding;
import dev.bucketscope.core.Severity;
import java.util.List;

/**
 * Everything a report format renders for one lint run. Formats depend on this, never on rules.
 *
 * @param files how many policy documents were linted
 * @param notices things the run could not use (a path that does not exist, a symlink leading out)
 */
public record LintReport(String toolVersion, String dialect, int files, List<Finding> findings, List<String> notices) {
    public LintReport {
        findings = List.copyOf(findings);
        notices = List.copyOf(notices);
    }

    /** Findings of this severity that count (not suppressed). */
    public long count(Severity s) {
        return findings.stream().filter(f -> !f.suppressed() && f.severity() == s).count();
    }

    public long suppressed() {
        return findings.stream().filter(Finding::suppressed).count();
    }
}
