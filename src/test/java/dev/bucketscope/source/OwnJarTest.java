package dev.bucketscope.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packaged data files read from an open jar (as a packaged run reads them) are the repository's
 * files, byte for byte, and a file the jar lacks reads as missing. Tests run from class folders,
 * where files are read as resources, so the jar path is exercised on a jar packed like the build's.
 */
class OwnJarTest {
    private static final List<String> FILES = List.of("dialects/actions.tsv", "dialects/quirks.tsv", "dialects/conditions.tsv");

    @Test
    void filesReadFromAJarAreTheRepositorysFiles(@TempDir Path dir) throws IOException {
        Path jarPath = dir.resolve("data.jar");
        try (OutputStream out = Files.newOutputStream(jarPath); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new ZipEntry("dialects/"));
            jar.closeEntry();
            for (String f : FILES) {
                jar.putNextEntry(new ZipEntry(f));
                jar.write(Files.readAllBytes(Path.of("src/main/resources", f)));
                jar.closeEntry();
            }
        }
        try (JarFile jar = new JarFile(jarPath.toFile(), false)) {
            for (String f : FILES) {
                byte[] expected = Files.readAllBytes(Path.of("src/main/resources", f));
                try (InputStream in = OwnJar.open(jar, f)) {
                    assertNotNull(in, f);
                    assertArrayEquals(expected, in.readAllBytes(), f);
                }
                try (InputStream in = OwnJar.open(f)) { // as resources, from the class folder
                    assertNotNull(in, f);
                    assertArrayEquals(expected, in.readAllBytes(), f + " as a resource");
                }
            }
            assertNull(OwnJar.open(jar, "dialects/no-such-table.tsv"));
        }
        assertNull(OwnJar.open("dialects/no-such-table.tsv"));
    }
}
