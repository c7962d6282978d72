package dev.bucketscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A text {@code lint} of the bundled example, inventory, credentials file and all, sets up none of
 * the JDK's lambda machinery: each lambda, method reference or regular expression on the path
 * would bring it back, costing a commit hook about a tenth of its run (see core.Parallel's
 * Daemon). Run in a JVM of its own, which lists the classes it loads.
 */
class NoLambdaOnTheLintPathTest {
    @TempDir
    Path dir;

    @Test
    void aTextLintOfTheExampleLoadsNoLambdaMachinery() throws Exception {
        Path example = Path.of("examples", "homelab").toAbsolutePath();
        assertTrue(Files.isRegularFile(example.resolve("bucketscope.yaml")), "the bundled example moved");
        Path log = dir.resolve("classes.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-verbose:class",
                "-cp", System.getProperty("java.class.path"), "dev.bucketscope.cli.Main", "lint", "--today", "2026-01-01", ".")
                .directory(example.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        // A cache of its own, empty, as on a fresh machine (and nothing written to the home folder).
        pb.environment().remove("BUCKETSCOPE_CACHE");
        pb.environment().put("BUCKETSCOPE_CACHE_DIR", dir.resolve("cache").toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "lint did not end");
        List<String> lambdas = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.contains("java.lang.invoke.LambdaMetafactory") || line.contains("$$Lambda") || line.contains("java.util.regex.Pattern ")
                    || line.contains("java.util.concurrent.CompletableFuture ")) lambdas.add(line);
        }
        String all = Files.readString(log);
        assertTrue(all.contains("dev.bucketscope.cli.LintCommand") && all.contains("dev.bucketscope.inventory.InventoryReader")
                && all.contains("dev.bucketscope.inventory.CredentialsFile"), "lint did not read the example's inventory and credentials");
        assertEquals(List.of(), lambdas);
    }
}
