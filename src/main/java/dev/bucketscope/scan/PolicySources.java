package dev.bucketscope.scan;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the files a lint run reads under its paths: {@code *.json} and {@code *.md}, skipping
 * VCS and build folders, following no symlink that leads out of the given paths (and none in a
 * loop). Results are sorted, so discovery order never changes the output.
 */
public final class PolicySources {
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules", ".hg", ".svn");

    private PolicySources() {}

    /** A file to read, with the path reports show for it. */
    public record Source(Path path, String displayPath, boolean explicit) implements Comparable<Source> {
        public boolean markdown() {
            return isMarkdown(displayPath);
        }

        @Override
        public int compareTo(Source o) {
            return displayPath.compareTo(o.displayPath);
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
                String name = s.displayPath().toLowerCase(Locale.ROOT);
                if (name.endsWith(".json") || name.endsWith(".md")) kept.add(new Source(s.path(), s.displayPath(), false));
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
                walk(abs, workingDir, out, skipped);
            } else {
                skipped.add(new Skipped(root.toString(), "not a regular file or directory"));
            }
        }
        return new Found(sortedUnique(out), List.copyOf(skipped));
    }

    /**
     * The sources by display path, the first found of each path kept (a file given by name and
     * found again in a directory given too). One sort at the end: a sorted set, node by node,
     * was a tenth of walking 10,000 files.
     */
    private static List<Source> sortedUnique(List<Source> found) {
        found.sort(null); // stable: equal paths keep the order they were found in
        List<Source> out = new ArrayList<>(found.size());
        for (Source s : found) {
            if (out.isEmpty() || out.get(out.size() - 1).compareTo(s) != 0) out.add(s);
        }
        return List.copyOf(out);
    }

    private static void walk(Path root, Path workingDir, List<Source> out, List<Skipped> skipped) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            skipped.add(new Skipped(display(root, workingDir), "cannot be read: " + e.getMessage()));
            return;
        }
        // The display path of the directory being walked: a file's is that plus its name (working
        // one out per file, through absolute paths and relativize, cost more than reading it).
        java.util.Deque<String> shown = new java.util.ArrayDeque<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString())) return FileVisitResult.SKIP_SUBTREE;
                    if (!dir.toRealPath().startsWith(realRoot)) {
                        skipped.add(new Skipped(display(dir, workingDir), "symlink leads outside " + display(root, workingDir) + "; not followed"));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    shown.push(display(dir, workingDir));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                    shown.pop();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String fileName = file.getFileName().toString();
                    if (!attrs.isRegularFile() || !isPolicyFileName(fileName)) return FileVisitResult.CONTINUE;
                    if (Files.isSymbolicLink(file) && !file.toRealPath().startsWith(realRoot)) {
                        skipped.add(new Skipped(display(file, workingDir), "symlink leads outside " + display(root, workingDir) + "; not followed"));
                        return FileVisitResult.CONTINUE;
                    }
                    out.add(new Source(file, child(shown.peek(), fileName), false));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    // FileSystemLoopException lands here for a symlink loop: report once, keep walking.
                    String why = exc instanceof java.nio.file.FileSystemLoopException ? "symlink loop; not followed"
                            : "cannot be read: " + exc.getClass().getSimpleName();
                    skipped.add(new Skipped(display(file, workingDir), why));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            skipped.add(new Skipped(display(root, workingDir), "cannot be read: " + e.getMessage()));
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
