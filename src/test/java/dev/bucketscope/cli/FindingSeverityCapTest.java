package dev.bucketscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A rule's report may be capped below the rule's severity (an unused exception is a note), never raised. */
class FindingSeverityCapTest {
    private static final String CASES = "fixtures/expired-exception/";

    private static String text(String dir, String... extra) {
        String[] args = new String[4 + extra.length];
        System.arraycopy(new String[] {"lint", CASES + dir, "--today", "2026-06-01"}, 0, args, 0, 4);
        System.arraycopy(extra, 0, args, 4, extra.length);
        return CliRun.of(args).out();
    }

    @Test
    void unusedExceptionIsANoteExpiredOneAnError() {
        assertTrue(text("bad-unused").contains(": note [expired-exception] exception for wildcard-resource on loki suppresses no finding"));
        assertTrue(text("bad-expired").contains(": error [expired-exception] exception for redundant-grant on loki expired on 2026-01-31"));
        assertEquals(0, CliRun.of("lint", CASES + "bad-unused", "--today", "2026-06-01").code(), "a note does not fail at --fail-on error");
    }

    @Test
    void capIsTheLesserOfRuleAndReportSeverity() {
        assertTrue(text("bad-expired", "--severity", "expired-exception=warning").contains(": warning [expired-exception]"));
        assertTrue(text("bad-unused", "--severity", "expired-exception=warning").contains(": note [expired-exception]"));
    }
}
