package dev.bucketscope.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files found under a directory are shown as the user would type them, from wherever the run starts. */
class PolicySourcesTest {
    @TempDir
    Path tmp;

    @Test
    void displayPathsAreRelativeToTheWorkingDirectoryWithForwardSlashes() throws Exception {
        Path repo = tmp.resolve("repo");
        for (String f : List.of("a.json", "docs/b.md", "policies/team/c.json", "target/skipped.json", "notes.txt")) {
            Path p = repo.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "{}");
        }
        Files.createDirectories(tmp.resolve("elsewhere"));
        List<String> expected = List.of("a.json", "docs/b.md", "policies/team/c.json");
        assertEquals(expected, displayed(List.of(Path.of(".")), repo));
        assertEquals(expected.stream().map(p -> "repo/" + p).toList(), displayed(List.of(Path.of("repo")), tmp));
        assertEquals(expected.stream().map(p -> "../repo/" + p).toList(), displayed(List.of(Path.of("../repo")), tmp.resolve("elsewhere")));
        assertEquals(List.of("policies/team/c.json"), displayed(List.of(Path.of("policies/./team/")), repo));
        for (PolicySources.Source s : PolicySources.find(List.of(Path.of("repo")), tmp).sources()) {
            assertEquals(PolicySources.display(s.path(), tmp), s.displayPath());
        }
    }

    /**
     * A directory under the process's own is walked, and its files read, by paths relative to it
     * (fewer path elements for the kernel to resolve); what the run shows and reads is the same as
     * from the absolute path.
     */
    @Test
    void aDirectoryUnderTheProcessDirectoryIsWalkedByRelativePaths() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        Files.createDirectories(cwd.resolve("target"));
        Path repo = Files.createTempDirectory(cwd.resolve("target"), "walk");
        try {
            Files.createDirectories(repo.resolve("policies/team"));
            Files.writeString(repo.resolve("policies/team/a.json"), "{\"Version\": \"2012-10-17\"}");
            Files.writeString(repo.resolve("b.json"), "{}");
            Path rel = cwd.relativize(repo);
            assertEquals(rel, PolicySources.forSystemCalls(repo));
            assertEquals(Path.of("."), PolicySources.forSystemCalls(cwd));
            Path outside = tmp.toAbsolutePath();
            assertEquals(outside, PolicySources.forSystemCalls(outside));

            List<PolicySources.Source> fromRepo = PolicySources.find(List.of(Path.of(".")), repo).sources();
            List<PolicySources.Source> fromCwd = PolicySources.find(List.of(rel), cwd).sources();
            assertEquals(2, fromCwd.size());
            for (PolicySources.Source s : fromCwd) {
                assertTrue(!s.path().isAbsolute() && s.path().startsWith(rel), s.path().toString());
                assertEquals(PolicySources.display(s.path(), cwd), s.displayPath());
                assertEquals(Files.readString(repo.resolve(s.fileName().equals("a.json") ? "policies/team/a.json" : "b.json")),
                        Files.readString(s.path()));
            }
            assertEquals(fromRepo.stream().map(s -> rel.toString().replace('\\', '/') + "/" + s.displayPath()).sorted().toList(),
                    fromCwd.stream().map(PolicySources.Source::displayPath).sorted().toList());
        } finally {
            try (var walk = Files.walk(repo)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    private static List<String> displayed(List<Path> roots, Path workingDir) {
        // Sorted here: the sources come in the file system's listing order.
        return PolicySources.find(roots, workingDir).sources().stream().map(PolicySources.Source::displayPath).sorted().toList();
    }

    @Test
    void fileNamesAreJudgedAsLowerCasingThemWould() {
        // Every name of up to five characters over letters of ".json" and ".md" in both cases and
        // their look-alikes: 'ſ' (U+017F) upper-cases to 'S', the Kelvin sign lower-cases to 'k',
        // 'İ' lower-cases to two chars.
        long checked = dev.bucketscope.EveryString.upTo(".jJsSoOnNmMdD\u017f\u212a\u0130x", 5, s -> {
            String lower = s.toLowerCase(Locale.ROOT);
            assertEquals(lower.endsWith(".md"), PolicySources.isMarkdown(s), s);
            assertEquals(lower.endsWith(".json") || lower.endsWith(".md"), PolicySources.isPolicyFileName(s), s);
        });
        assertTrue(checked > 1_000_000, "names checked: " + checked);
    }

    @Test
    void aFileGivenByNameAndFoundAgainInADirectoryIsListedOnceAsFirstFound() throws Exception {
        for (String f : List.of("b.json", "a.JSON", "c.Md")) Files.writeString(tmp.resolve(f), "{}");
        List<PolicySources.Source> byNameFirst = PolicySources.find(List.of(Path.of("b.json"), Path.of(".")), tmp).sources();
        assertEquals(List.of("a.JSON", "b.json", "c.Md"), byNameFirst.stream().map(PolicySources.Source::displayPath).sorted().toList());
        assertTrue(byNameFirst.get(0).explicit() && byNameFirst.get(0).displayPath().equals("b.json"), "b.json was given by name first");
        List<PolicySources.Source> walkFirst = PolicySources.find(List.of(Path.of("."), Path.of("b.json")), tmp).sources();
        assertEquals(List.of("a.JSON", "b.json", "c.Md"), walkFirst.stream().map(PolicySources.Source::displayPath).sorted().toList());
        assertTrue(walkFirst.stream().noneMatch(PolicySources.Source::explicit), "b.json was found by the walk first");
    }
}
