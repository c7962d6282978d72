package dev.bucketscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** matrix and generate end to end on the bundled example. */
class MatrixCommandTest {
    @TempDir
    Path dir;

    @Test
    void textMatrixOfTheHomelabMatchesGolden() throws IOException {
        CliRun r = CliRun.of("matrix", "examples/homelab");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(Path.of("src/test/resources/golden/homelab-matrix.txt")), r.out());
        // talos-backup declares write only but its policy lists and reads: the over-grant is marked
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("talos-backup") && l.endsWith("W +L +R")), r.out());
    }

    @Test
    void markdownHtmlAndMermaid() {
        CliRun md = CliRun.of("matrix", "examples/homelab", "--format", "markdown");
        assertTrue(md.out().contains("| `talos-backup` |"), md.out());
        CliRun html = CliRun.of("matrix", "examples/homelab", "--format", "html");
        assertTrue(html.out().startsWith("<!DOCTYPE html>"), html.out());
        assertTrue(html.out().contains("<td class=\"over\" title=\"declared W; granted LRW\">W +L +R</td>"), html.out());
        assertTrue(!html.out().contains("<script"), "the page is static and self-contained");
        CliRun mermaid = CliRun.of("matrix", "examples/homelab", "--format", "mermaid");
        assertTrue(mermaid.out().startsWith("flowchart LR\n"), mermaid.out());
        assertTrue(mermaid.out().contains("c_talos_backup -- \"W +L +R\" --> b_talos_backups"), mermaid.out());
        assertTrue(mermaid.out().contains("linkStyle"), mermaid.out());
    }

    @Test
    void withoutAnInventoryItIsAUsageError() {
        CliRun r = CliRun.of("matrix", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no inventory"), r.err());
        assertEquals(2, CliRun.of("matrix", "examples/homelab", "--format", "pdf").code());
    }

    @Test
    void generateOneComponentOrAll() {
        CliRun one = CliRun.of("generate", "examples/homelab", "--component", "talos-backup");
        assertEquals(0, one.code(), one.err());
        assertTrue(one.out().contains("\"arn:aws:s3:::talos-backups/*\""), one.out());
        assertTrue(!one.out().contains("s3:GetObject"), "talos-backup is declared write-only: " + one.out());
        CliRun all = CliRun.of("generate", "examples/homelab");
        assertEquals(6, all.out().lines().filter(l -> l.startsWith("# ")).count(), all.out());
        CliRun unknown = CliRun.of("generate", "examples/homelab", "--component", "grafana");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("talos-backup"), unknown.err());
    }
}
