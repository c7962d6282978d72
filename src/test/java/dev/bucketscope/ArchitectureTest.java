package dev.bucketscope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Dependency directions that keep each package replaceable (see CONVENTIONS). */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/bucketscope");

    private static List<String> offenders(String pkg, List<String> forbidden) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.startsWith("import ")) continue;
                    for (String bad : forbidden) {
                        if (line.contains(bad)) out.add(f.getFileName() + ": " + line);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void rulesArePure() throws IOException {
        assertEquals(List.of(), offenders("rules", List.of("com.fasterxml", "tools.jackson", "java.io", "java.nio",
                "java.net", "picocli", "dev.bucketscope.cli", "dev.bucketscope.report", "dev.bucketscope.scan")));
    }

    @Test
    void engineNeverSeesTheCommandLine() throws IOException {
        for (String pkg : List.of("core", "policy", "eval", "glob", "dialect", "source", "report", "scan")) {
            assertEquals(List.of(), offenders(pkg, List.of("picocli", "dev.bucketscope.cli")), pkg);
        }
    }

    @Test
    void reportsDoNotDependOnRules() throws IOException {
        assertEquals(List.of(), offenders("report", List.of("dev.bucketscope.rules")));
    }

    @Test
    void globIsPureCode() throws IOException {
        assertEquals(List.of(), offenders("glob", List.of("java.io", "java.nio.file", "java.net", "dev.bucketscope.")));
    }

    /** Only the probe package opens network connections or uses the AWS SDK. */
    @Test
    void onlyTheProbeTouchesTheNetwork() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> pkgs = Files.list(MAIN)) {
            for (Path pkg : pkgs.filter(Files::isDirectory).toList()) {
                String name = pkg.getFileName().toString();
                if (name.equals("probe")) continue;
                out.addAll(offenders(name, List.of("java.net.", "software.amazon.awssdk", "javax.net", "com.sun.net")));
            }
        }
        // java.net.URI names a place without connecting anywhere (the CLI parses --endpoint with it)
        out.removeIf(l -> l.endsWith("import java.net.URI;"));
        // IpAddress conditions compare address literals (parsed, never resolved: see ConditionEvaluator)
        out.removeIf(l -> l.equals("ConditionEvaluator.java: import java.net.InetAddress;"));
        assertEquals(List.of(), out);
    }
}
