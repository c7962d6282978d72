package dev.bucketscope.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule docs read from an open jar (as a packaged run reads them) are the docs of rules/, and a
 * doc the jar lacks reads as missing. Tests run from class folders, where the catalogue reads
 * resources the usual way, so the jar path is exercised here on a jar packed like the build's.
 */
class RuleDocsJarTest {
    @Test
    void docsReadFromAJarAreTheRepositorysDocs(@TempDir Path dir) throws IOException {
        List<Path> docs;
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            docs = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        Path jarPath = dir.resolve("rules.jar");
        try (OutputStream out = Files.newOutputStream(jarPath); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new ZipEntry("rules/"));
            jar.closeEntry();
            for (Path doc : docs) {
                jar.putNextEntry(new ZipEntry("rules/" + doc.getFileName()));
                jar.write(Files.readAllBytes(doc));
                jar.closeEntry();
            }
        }
        try (JarFile jar = new JarFile(jarPath.toFile(), false)) {
            for (Path doc : docs) {
                String id = doc.getFileName().toString().replaceFirst("\\.md$", "");
                RuleMeta fromRepo = RuleDocs.parse(id, Files.readString(doc));
                RuleMeta fromJar;
                try (InputStream in = RuleDocs.open(jar, id)) {
                    assertNotNull(in, id);
                    fromJar = RuleDocs.parse(id, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                assertEquals(fromRepo, fromJar, id);
                assertEquals(fromRepo, RuleDocs.load(id), id + " as the catalogue loads it");
            }
            assertNull(RuleDocs.open(jar, "no-such-rule"));
        }
    }
}
