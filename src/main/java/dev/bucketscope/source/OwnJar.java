package dev.bucketscope.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The data files packaged with bucketscope (rule docs, dialect tables), read from its own jar
 * directly: every run reads some of them before its work starts, and {@code getResourceAsStream}
 * costs ~0.5 ms per file at start-up (a URL and a jar connection each: 17 of a commit hook's
 * ~250 ms for 35 rule docs, 6 ms for the three dialect tables, profiled), an entry of an open
 * jar a tenth of that. The JDK shares the jar's central directory with the class loader's copy,
 * so opening it reads nothing again. When the classes come from a folder (tests, IDEs) there is
 * no jar, and files are read as resources the usual way.
 */
public final class OwnJar {
    private OwnJar() {}

    /** The packaged file at {@code path} (relative, as in the jar), or null when there is none. */
    public static InputStream open(String path) throws IOException {
        JarFile jar = Holder.FILE;
        return jar != null ? open(jar, path) : OwnJar.class.getResourceAsStream("/" + path);
    }

    /** The entry at {@code path} of {@code jar}, or null when the jar has none. */
    public static InputStream open(JarFile jar, String path) throws IOException {
        ZipEntry entry = jar.getEntry(path);
        return entry == null ? null : jar.getInputStream(entry);
    }

    /** The jar this class was loaded from, opened on first use; null when it is not a jar. */
    private static final class Holder {
        static final JarFile FILE = open();

        private static JarFile open() {
            try {
                CodeSource source = OwnJar.class.getProtectionDomain().getCodeSource();
                if (source == null || source.getLocation() == null) return null;
                Path path = Path.of(source.getLocation().toURI());
                return Files.isRegularFile(path) ? new JarFile(path.toFile(), false) : null;
            } catch (Exception e) { // an odd location (URISyntaxException) or jar: read as resources instead
                return null;
            }
        }
    }
}
