package dev.bucketscope.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Inventory texts that passed the schema check, remembered across runs as empty files named by a
 * digest in a cache folder. A commit hook reads the same inventory on every commit, and checking
 * it against the schema is most of what the inventory costs such a run: the validator and its
 * JSON mapper load cold (~80 ms of ~0.55 s, bench/). A text seen to pass is not checked again.
 *
 * <p>The digest covers the text, the schema and the build (its version, and the size and time of
 * the jar it runs from), so an edited inventory, schema or bucketscope is checked afresh. Only a
 * pass is remembered: an inventory with problems is checked, and reported, on every run. The
 * files hold nothing, and their names only a digest. A folder that cannot be read or written
 * just means checking again; a pass that turns out not to fit the model makes the reader check
 * after all ({@link InventoryReader}).
 */
public final class SchemaPasses {
    /** Passes kept; older ones are removed when a new one is written (an edited inventory). */
    static final int KEEP = 64;
    private static final String PREFIX = "inventory-schema-pass-";
    private static final SchemaPasses NONE = new SchemaPasses(null);

    private final Path dir; // null: remembers nothing

    private SchemaPasses(Path dir) {
        this.dir = dir;
    }

    /** Remembers nothing: every inventory is checked. */
    public static SchemaPasses none() {
        return NONE;
    }

    /** Passes remembered in {@code dir} (created when the first pass is written). */
    public static SchemaPasses in(Path dir) {
        return new SchemaPasses(dir);
    }

    /** The folder passes are remembered in, if any. */
    public Optional<Path> folder() {
        return Optional.ofNullable(dir);
    }

    /** Whether this text has passed the schema check of this build before. */
    boolean passed(String text) {
        return dir != null && Files.isRegularFile(dir.resolve(name(text)));
    }

    /** Records that this text passed; never fails the run. */
    void remember(String text) {
        if (dir == null) return;
        try {
            Files.createDirectories(dir);
            Files.createFile(dir.resolve(name(text)));
            prune();
        } catch (FileAlreadyExistsException e) {
            // another run (a second hook) wrote it first
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // a read-only or missing home: the next run checks again
        }
    }

    private void prune() throws IOException {
        // A directory stream and a comparator class, no stream or lambda: a lint run evaluates
        // none (see core.Parallel's Daemon), and a hook's first run after an edit comes here.
        List<Path> passes = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) if (p.getFileName().toString().startsWith(PREFIX)) passes.add(p);
        }
        if (passes.size() <= KEEP) return;
        passes.sort(OLDEST_FIRST);
        for (Path p : passes.subList(0, passes.size() - KEEP)) Files.deleteIfExists(p);
    }

    private static final Comparator<Path> OLDEST_FIRST = new Comparator<>() {
        @Override
        public int compare(Path a, Path b) {
            return modified(a).compareTo(modified(b));
        }
    };

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static String name(String text) {
        MessageDigest d = Build.digest();
        d.update(text.getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(d.digest());
    }

    /** What identifies the check itself: the schema and the build. Computed once per run. */
    private static final class Build {
        private static final MessageDigest PREFIXED = prefixed();

        static MessageDigest digest() {
            try {
                return (MessageDigest) PREFIXED.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }

        private static MessageDigest prefixed() {
            try {
                MessageDigest d = MessageDigest.getInstance("SHA-256");
                d.update(("bucketscope inventory schema pass 1\n" + version() + "\n" + code() + "\n").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = SchemaPasses.class.getResourceAsStream("/schemas/inventory.schema.json")) {
                    if (in == null) throw new IllegalStateException("schemas/inventory.schema.json is not packaged");
                    d.update(in.readAllBytes());
                }
                d.update((byte) 0);
                return d;
            } catch (NoSuchAlgorithmException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String version() {
            try (InputStream in = SchemaPasses.class.getResourceAsStream("/bucketscope-version.properties")) {
                return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        /** The jar's path, size and time: a rebuilt jar (same version, other code) checks afresh. */
        private static String code() {
            try {
                Path p = Path.of(SchemaPasses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                return Files.isRegularFile(p) ? p + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis() : p.toString();
            } catch (Exception e) { // no code source, or not a file: the version and schema still count
                return "";
            }
        }
    }
}
