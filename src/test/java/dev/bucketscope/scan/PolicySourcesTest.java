package dev.bucketscope.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private static List<String> displayed(List<Path> roots, Path workingDir) {
        return PolicySources.find(roots, workingDir).sources().stream().map(PolicySources.Source::displayPath).toList();
    }
}
