package dev.bucketscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class PathCleanTest {
    private static final Gen<String> PATHS = lists().of(Generate.pick(List.of('a', '/', '.'))).ofSizeBetween(0, 9)
            .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));

    @Test
    void theShortcutForCleanPathsChangesNoAnswer() {
        qt().withFixedSeed(5).withExamples(20_000).forAll(PATHS).checkAssert(p -> {
            assertEquals(PathClean.lexicalClean(p), PathClean.clean(p), () -> "'" + p + "'");
            String once = PathClean.clean(p);
            assertEquals(once, PathClean.clean(once), () -> "clean is idempotent on '" + p + "'");
        });
    }

    @Test
    void goPathCleanExamples() {
        // From Go's path.Clean documentation and tests.
        String[][] cases = {{"", "."}, {"/", "/"}, {"a/c", "a/c"}, {"a//c", "a/c"}, {"a/c/.", "a/c"}, {"a/c/b/..", "a/c"},
            {"/../a/c", "/a/c"}, {"/../a/b/../././/c", "/a/c"}, {"..", ".."}, {"../..", "../.."}, {"a/", "a"}, {".a", ".a"},
            {"a/..b", "a/..b"}, {"bucket/", "bucket"}, {"./a", "a"}};
        for (String[] c : cases) assertEquals(c[1], PathClean.clean(c[0]), () -> "'" + c[0] + "'");
    }
}
