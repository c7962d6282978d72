package dev.bucketscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Workflow-command escaping, as the Actions runner and @actions/core define it. */
class GithubReportFormatTest {
    @Test
    void messageEscapes() {
        assertEquals("100%25 of a%0D%0Ab: c, d", GithubReportFormat.data("100% of a\r\nb: c, d"));
    }

    @Test
    void propertyEscapesAlsoColonAndComma() {
        assertEquals("a%3Ab%2Cc%25%0A", GithubReportFormat.property("a:b,c%\n"));
    }
}
