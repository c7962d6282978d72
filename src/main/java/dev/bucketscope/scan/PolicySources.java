package dev.bucketscope.scan;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the files a lint run reads under its paths: {@code *.json} and {@code *.md}, skipping
 * VCS and build folders, following no symlink that leads out of the given paths (and none in a
 * loop). Files come in discovery order: the paths in the order given, each directory depth first
 * in the order the file system lists it, as the JDK's walker visits them. That order is the file
 * system's, so nothing a run reports may depend on it: findings are sorted before they are
 * reported, and where two files hold the same document the run picks one by display path
 * ({@code LintRun}).
 */
public final class PolicySources {
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules", ".hg", ".svn");

    private PolicySources() {}

    /**
     * A file to read, with the path reports show for it. A file the walk found keeps the
     * directory it was listed in and where its name starts in the display path, not the listed
     * entry: an entry keeps its bytes, its string and its name offsets once asked for them, and
     * 10,000 of them were 3 MB (60,000 objects) kept through the run, which the serial collector
     * copies into the old generation. The path is made again when the file is read.
     */
    public static final class Source {
        private final Path path; // a path given as such; null for a listed file, made from dir and name
        private final Path dir;
        private final String displayPath;
        private final int nameAt;
        private final boolean explicit;
        private final long size;

        public Source(Path path, String displayPath, boolean explicit) {
            this(path, null, displayPath, -1, explicit, -1);
        }

        private Source(Path path, Path dir, String displayPath, int nameAt, boolean explicit, long size) {
            this.path = path;
            this.dir = dir;
            this.displayPath = displayPath;
            this.nameAt = nameAt;
            this.explicit = explicit;
            this.size = size;
        }

        /**
         * A file listed in {@code dir}, shown as {@code displayPath}, which ends with its name,
         * {@code size} bytes long when the walk looked at it.
         */
        static Source listed(Path dir, String name, String displayPath, long size) {
            return new Source(null, dir, displayPath, displayPath.length() - name.length(), false, size);
        }

        /** The file's size in bytes when the walk found it, or -1 when it was given by name (see {@code SourceText.read(Path, long)}). */
        public long sizeWhenFound() {
            return size;
        }

        public Path path() {
            return path != null ? path : dir.resolve(fileName());
        }

        /** The file's name, as the directory lists it. */
        public String fileName() {
            return path != null ? String.valueOf(path.getFileName()) : displayPath.substring(nameAt);
        }

        public String displayPath() {
            return displayPath;
        }

        public boolean explicit() {
            return explicit;
        }

        public boolean markdown() {
            return isMarkdown(displayPath);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Source s && s.explicit == explicit && s.displayPath.equals(displayPath) && s.path().equals(path());
        }

        @Override
        public int hashCode() {
            return displayPath.hashCode();
        }

        @Override
        public String toString() {
            return "Source[" + path() + ", " + displayPath + (explicit ? ", explicit]" : "]");
        }
    }

    /**
     * Whether a file name ends in ".md", in any case. Asked several times per file: compared in
     * place rather than lower-casing the whole path (no character but the ASCII ones folds to
     * '.', 'm' or 'd', so this agrees with lower-casing first).
     */
    public static boolean isMarkdown(String name) {
        return name.regionMatches(true, name.length() - 3, ".md", 0, 3);
    }

    /** "*.json" or "*.md" in any case; the usual lower-case name is answered without lower-casing it. */
    static boolean isPolicyFileName(String name) {
        // Not regionMatches for ".json": it folds 'ſ' (U+017F) to 's', where lower-casing does not.
        return name.endsWith(".json") || isMarkdown(name) || name.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** A path that could not be used, with the reason; the run goes on with the others. */
    public record Skipped(String displayPath, String reason) {}

    public record Found(List<Source> sources, List<Skipped> skipped) {
        /**
         * The same files, each read as if found in a directory: only *.json and *.md, and JSON
         * that is not a policy skipped rather than reported (a commit hook passes every changed file).
         */
        public Found withoutExplicitFiles() {
            List<Source> kept = new ArrayList<>();
            for (Source s : sources) {
                if (isPolicyFileName(s.displayPath())) kept.add(new Source(s.path(), null, s.displayPath(), -1, false, s.size));
            }
            return new Found(List.copyOf(kept), skipped);
        }
    }

    public static Found find(List<Path> roots, Path workingDir) {
        List<Source> out = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path root : roots) {
            Path abs = workingDir.resolve(root).normalize();
            if (!Files.exists(abs)) {
                skipped.add(new Skipped(root.toString(), "no such file or directory"));
            } else if (Files.isRegularFile(abs)) {
                out.add(new Source(abs, display(abs, workingDir), true));
            } else if (Files.isDirectory(abs)) {
                walk(forSystemCalls(abs), workingDir, out, skipped);
            } else {
                skipped.add(new Skipped(root.toString(), "not a regular file or directory"));
            }
        }
        return new Found(roots.size() > 1 ? unique(out) : List.copyOf(out), List.copyOf(skipped));
    }

    /**
     * {@code abs} relative to the process's directory when it lies under it: the kernel resolves
     * every path a system call is given one element at a time, and the walk and the reading of a
     * repository pass two per file (an lstat and an open). For 10,000 policies listed as
     * {@code policies/x.json} rather than {@code /work/main/target/bench/repos/p10000/policies/x.json}
     * the kernel's path walks fell from 23 to 10 ms of CPU a run, and its opens and lstats from
     * 125 to 98 ms (async-profiler, five runs each). Only when the JVM's working directory
     * (which relative paths mean to Java) is the process's own (which they mean to the kernel):
     * it is unless {@code user.dir} was set on the command line.
     */
    static Path forSystemCalls(Path abs) {
        Path cwd = Path.of("").toAbsolutePath();
        if (!abs.startsWith(cwd)) return abs;
        try {
            if (!Files.isSameFile(Path.of("."), cwd)) return abs;
        } catch (IOException | SecurityException e) {
            return abs;
        }
        Path rel = cwd.relativize(abs);
        return rel.toString().isEmpty() ? Path.of(".") : rel;
    }

    /**
     * The first found of each display path (a file given by name and found again in a directory
     * given too). One path's walk finds each display path once, so only several paths need this.
     * Not sorted: sorting 10,000 display paths was a fifth of the walk, on the path every run
     * waits for before its policies are read (see the class comment on order).
     */
    private static List<Source> unique(List<Source> found) {
        Set<String> seen = new HashSet<>(found.size() * 2);
        List<Source> out = new ArrayList<>(found.size());
        for (Source s : found) {
            if (seen.add(s.displayPath())) out.add(s);
        }
        return List.copyOf(out);
    }

    /** A directory being listed: its entries, how it is shown, and its identity for loop checks. */
    private record Level(Path dir, DirectoryStream<Path> stream, Iterator<Path> entries, String shown, Object key) {}

    /**
     * Walks {@code root} as {@code Files.walkFileTree} with {@code FOLLOW_LINKS} would, entries in
     * the same order, but with one {@code lstat} per entry instead of a {@code stat} and an
     * {@code lstat}: only a symbolic link has its target's attributes read. (The JDK's walker
     * follows every entry, and telling a link from its target then cost a second system call
     * per file: a sixth of walking 10,000 files.) Directories reached through a link are walked
     * when their real path lies under the root; a directory that is one of its own ancestors
     * (by file key, as the JDK's walker checks) is reported as a loop and not entered.
     */
    private static void walk(Path root, Path workingDir, List<Source> out, List<Skipped> skipped) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            skipped.add(new Skipped(display(root, workingDir), "cannot be read: " + e.getMessage()));
            return;
        }
        Deque<Level> open = new ArrayDeque<>();
        try {
            BasicFileAttributes rootAttrs = Files.readAttributes(root, BasicFileAttributes.class);
            Level first = enter(root, display(root, workingDir), rootAttrs.fileKey(), skipped, workingDir);
            if (first != null) open.push(first);
        } catch (IOException e) {
            skipped.add(new Skipped(display(root, workingDir), "cannot be read: " + e.getClass().getSimpleName()));
            return;
        }
        try {
            // Entries in runs of 64 per call: see steps.
            while (!open.isEmpty()) steps(open, root, realRoot, workingDir, out, skipped);
        } catch (IOException e) {
            skipped.add(new Skipped(display(root, workingDir), "cannot be read: " + e.getMessage()));
        } finally {
            while (!open.isEmpty()) close(open.pop());
        }
    }

    /**
     * Up to 64 steps of the walk: an entry visited or a listed directory closed. A method given
     * runs of entries, not the body of the walk's loop: that loop runs once, in the interpreter
     * for its every turn (C1 compiles a loop in place only after 30,000 turns with the
     * launcher's flags), while this is compiled after its first fifty calls or so.
     */
    private static void steps(Deque<Level> open, Path root, Path realRoot, Path workingDir, List<Source> out, List<Skipped> skipped)
            throws IOException {
        for (int k = 0; k < 64 && !open.isEmpty(); k++) {
            Level level = open.peek();
            Path entry = next(level);
            if (entry == null) {
                close(open.pop());
            } else {
                visit(entry, level, open, root, realRoot, workingDir, out, skipped);
            }
        }
    }

    /**
     * One entry of a listed directory: a policy file is added, a directory pushed onto
     * {@code open} to be listed next. A method of its own rather than the body of the walk's
     * loop: that loop runs once, so it runs in the interpreter (C1 compiles a loop in place only
     * after 30,000 turns with the launcher's flags), while this is compiled after its first
     * hundred calls.
     */
    private static void visit(Path entry, Level level, Deque<Level> open, Path root, Path realRoot, Path workingDir,
                              List<Source> out, List<Skipped> skipped) throws IOException {
        String name = entry.getFileName().toString();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            skipped.add(new Skipped(display(entry, workingDir), "cannot be read: " + e.getClass().getSimpleName()));
            return;
        }
        boolean linked = attrs.isSymbolicLink();
        if (linked) {
            try {
                attrs = Files.readAttributes(entry, BasicFileAttributes.class);
            } catch (IOException e) {
                return; // a dangling link is no regular file: passed over, as the JDK's walker does
            }
        }
        if (attrs.isDirectory()) {
            // The JDK's order: the loop check, then opening the directory, then looking at it.
            if (loops(open, entry, attrs.fileKey())) {
                skipped.add(new Skipped(display(entry, workingDir), "symlink loop; not followed"));
                return;
            }
            Level below = enter(entry, child(level.shown(), name), attrs.fileKey(), skipped, workingDir);
            if (below == null) return;
            if (SKIPPED_DIRS.contains(name)) {
                close(below);
                return;
            }
            if (!entry.toRealPath().startsWith(realRoot)) {
                close(below);
                skipped.add(outside(entry, root, workingDir));
                return;
            }
            open.push(below);
        } else if (attrs.isRegularFile() && isPolicyFileName(name)) {
            if (linked && !entry.toRealPath().startsWith(realRoot)) {
                skipped.add(outside(entry, root, workingDir));
                return;
            }
            out.add(Source.listed(level.dir(), name, child(level.shown(), name), attrs.size()));
        }
    }

    /** Opens a directory for listing, or reports why it cannot be read (and returns null). */
    private static Level enter(Path dir, String shown, Object key, List<Skipped> skipped, Path workingDir) {
        try {
            DirectoryStream<Path> stream = Files.newDirectoryStream(dir);
            return new Level(dir, stream, stream.iterator(), shown, key);
        } catch (IOException e) {
            skipped.add(new Skipped(display(dir, workingDir), "cannot be read: " + e.getClass().getSimpleName()));
            return null;
        }
    }

    /** The next entry, or null at the end; a listing that fails part way ends there, as with the JDK's walker. */
    private static Path next(Level level) {
        try {
            return level.entries().hasNext() ? level.entries().next() : null;
        } catch (DirectoryIteratorException e) {
            return null;
        }
    }

    /**
     * Whether a directory is one of those being listed (its own ancestor, through a link or a
     * mount): by file key, or where the file system has none, by {@link Files#isSameFile}, as the
     * JDK's walker decides.
     */
    private static boolean loops(Deque<Level> open, Path dir, Object key) {
        for (Level l : open) {
            if (key != null && l.key() != null) {
                if (key.equals(l.key())) return true;
                continue;
            }
            try {
                if (Files.isSameFile(dir, l.dir())) return true;
            } catch (IOException | SecurityException e) {
                // not known to be the same: walked, as the JDK's walker does
            }
        }
        return false;
    }

    private static Skipped outside(Path entry, Path root, Path workingDir) {
        return new Skipped(display(entry, workingDir), "symlink leads outside " + display(root, workingDir) + "; not followed");
    }

    private static void close(Level level) {
        try {
            level.stream().close();
        } catch (IOException e) {
            // nothing was written; the listing is over either way
        }
    }

    /** The display path of an entry named {@code name} in the directory displayed as {@code dir}. */
    static String child(String dir, String name) {
        if (dir.equals(".")) return name;
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /** Relative to the working directory with forward slashes ("../shared/x.md" too), as users type paths. */
    public static String display(Path p, Path workingDir) {
        Path abs = p.toAbsolutePath().normalize();
        Path wd = workingDir.toAbsolutePath().normalize();
        Path shown = abs.getRoot() != null && abs.getRoot().equals(wd.getRoot()) ? wd.relativize(abs) : abs;
        String s = shown.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

}
