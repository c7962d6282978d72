package dev.bucketscope.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk reads one {@code lstat} per entry instead of following every entry: it must find the
 * same files and report the same paths, in the same order (the listing's, depth first), as {@code Files.walkFileTree} with
 * {@code FOLLOW_LINKS} (the oracle below, which is how the walk was written before), on random
 * trees of directories, policies, other files, skipped folders and links of every kind (to files
 * and folders inside and outside the tree, to ancestors, to themselves, to links, dangling).
 */
class PolicyWalkTest {
    @TempDir
    Path tmp;

    @Test
    void findsWhatTheJdksFollowingWalkerFindsOnRandomTreesWithLinks() throws IOException {
        for (int seed = 0; seed < 120; seed++) {
            Path base = Files.createDirectories(tmp.resolve("t" + seed));
            Path outside = Files.createDirectories(base.resolve("outside"));
            Files.writeString(outside.resolve("secret.json"), "{}");
            Files.createDirectories(outside.resolve("dir")).resolve("x.json").toFile().createNewFile();
            Path root = Files.createDirectories(base.resolve("repo"));
            List<Path> dirs = new ArrayList<>(List.of(root));
            List<Path> all = new ArrayList<>();
            Random r = new Random(seed);
            for (int i = 0; i < 40; i++) {
                Path dir = dirs.get(r.nextInt(dirs.size()));
                String name = pick(r, "a", "b", "Policy", "target", ".git", "node_modules", "x.json", "c") + i;
                Path p = dir.resolve(pick(r, name + ".json", name + ".JSON", name + ".md", name + ".txt", name, name.equals("target" + i) ? "target" : name));
                if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                switch (r.nextInt(8)) {
                    case 0, 1 -> dirs.add(Files.createDirectories(p));
                    case 2, 3, 4 -> Files.writeString(p, "{}");
                    default -> {
                        List<Path> targets = new ArrayList<>(all);
                        targets.addAll(dirs);
                        targets.addAll(List.of(outside, outside.resolve("secret.json"), outside.resolve("dir"), base.resolve("gone"), p, Path.of(".")));
                        Files.createSymbolicLink(p, targets.get(r.nextInt(targets.size())));
                    }
                }
                all.add(p);
            }
            for (Path start : List.of(root, base)) {
                PolicySources.Found found = PolicySources.find(List.of(start), base);
                assertEquals(oracle(start, base), found, "seed " + seed + " from " + start);
            }
        }
    }

    @Test
    void theOracleSeesLinksLoopsAndFoldersOutside() throws IOException {
        Path base = Files.createDirectories(tmp.resolve("fixed"));
        Path outside = Files.createDirectories(base.resolve("outside"));
        Files.writeString(outside.resolve("secret.json"), "{}");
        Path tree = Files.createDirectories(base.resolve("tree/sub"));
        Files.writeString(tree.resolve("p.json"), "{}");
        Files.createSymbolicLink(tree.resolve("loop"), tree.getParent());
        Files.createSymbolicLink(tree.resolve("escape"), outside);
        Files.createSymbolicLink(tree.resolve("escape.json"), outside.resolve("secret.json"));
        Files.createSymbolicLink(tree.resolve("again.json"), tree.resolve("p.json"));
        PolicySources.Found found = PolicySources.find(List.of(Path.of("tree")), base);
        assertEquals(oracle(base.resolve("tree"), base), found);
        assertEquals(List.of("tree/sub/again.json", "tree/sub/p.json"), found.sources().stream().map(PolicySources.Source::displayPath).sorted().toList());
        List<String> why = found.skipped().stream().map(s -> s.displayPath() + ": " + s.reason()).sorted().toList();
        assertEquals(3, why.size(), why::toString);
        assertTrue(why.contains("tree/sub/loop: symlink loop; not followed"), why::toString);
        assertTrue(why.contains("tree/sub/escape: symlink leads outside tree; not followed"), why::toString);
        assertTrue(why.contains("tree/sub/escape.json: symlink leads outside tree; not followed"), why::toString);
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    /** The walk as it was: the JDK's walker following links, a second look at each file for links. */
    private static PolicySources.Found oracle(Path start, Path workingDir) throws IOException {
        Path root = workingDir.resolve(start).normalize();
        List<PolicySources.Source> out = new ArrayList<>();
        List<PolicySources.Skipped> skipped = new ArrayList<>();
        Path realRoot = root.toRealPath();
        Deque<String> shown = new ArrayDeque<>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && List.of(".git", "target", "node_modules", ".hg", ".svn").contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!dir.toRealPath().startsWith(realRoot)) {
                    skipped.add(new PolicySources.Skipped(PolicySources.display(dir, workingDir), "symlink leads outside "
                            + PolicySources.display(root, workingDir) + "; not followed"));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                shown.push(PolicySources.display(dir, workingDir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                shown.pop();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (!attrs.isRegularFile() || !PolicySources.isPolicyFileName(name)) return FileVisitResult.CONTINUE;
                if (Files.isSymbolicLink(file) && !file.toRealPath().startsWith(realRoot)) {
                    skipped.add(new PolicySources.Skipped(PolicySources.display(file, workingDir), "symlink leads outside "
                            + PolicySources.display(root, workingDir) + "; not followed"));
                    return FileVisitResult.CONTINUE;
                }
                out.add(new PolicySources.Source(file, PolicySources.child(shown.peek(), name), false));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                String why = exc instanceof java.nio.file.FileSystemLoopException ? "symlink loop; not followed"
                        : "cannot be read: " + exc.getClass().getSimpleName();
                skipped.add(new PolicySources.Skipped(PolicySources.display(file, workingDir), why));
                return FileVisitResult.CONTINUE;
            }
        });
        return new PolicySources.Found(List.copyOf(out), List.copyOf(skipped));
    }
}
