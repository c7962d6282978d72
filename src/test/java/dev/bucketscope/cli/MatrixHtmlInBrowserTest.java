package dev.bucketscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML matrix in headless Chromium and reads the table as the browser rendered it.
 * Skipped where no Chromium is installed, unless BUCKETSCOPE_REQUIRE_BROWSER is set (as .ci/run
 * does after installing Debian's chromium), in which case a missing browser fails the test.
 */
class MatrixHtmlInBrowserTest {
    @TempDir
    Path dir;

    private static Optional<Path> chromium() {
        for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(p))) return Optional.of(Path.of(p));
        }
        return Optional.empty();
    }

    @Test
    void browserRendersTheTable() throws IOException, InterruptedException {
        Optional<Path> browser = chromium();
        if (System.getenv("BUCKETSCOPE_REQUIRE_BROWSER") != null) {
            assertTrue(browser.isPresent(), "BUCKETSCOPE_REQUIRE_BROWSER is set but no Chromium is installed");
        }
        assumeTrue(browser.isPresent(), "no Chromium here: the HTML matrix is not checked in a browser");
        Path page = dir.resolve("matrix.html");
        assertEquals(0, CliRun.of("matrix", "examples/homelab", "--format", "html", "--output", page.toString()).code());
        Path screenshot = Path.of("target", "matrix-homelab.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Process p = new ProcessBuilder(browser.get().toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"), "--window-size=1600,500",
                "--screenshot=" + screenshot, "--dump-dom", page.toUri().toString())
                .redirectError(dir.resolve("chromium.log").toFile())
                .start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "Chromium did not finish");
        // The browser parsed a table with a header per bucket and a row per component.
        assertEquals(11, count(dom, "<th scope=\"col\">"), dom);
        assertEquals(6, count(dom, "<th class=\"component\" scope=\"row\">"), dom);
        Matcher talos = Pattern.compile("<th class=\"component\" scope=\"row\">talos-backup</th>(.*?)</tr>", Pattern.DOTALL).matcher(dom);
        assertTrue(talos.find(), dom);
        assertTrue(talos.group(1).contains("<td class=\"over\" title=\"declared W; granted LRW\">W +L +R</td>"), talos.group(1));
        assertTrue(Files.size(screenshot) > 1000, "no screenshot written");
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }
}
