package dev.bucketscope.source;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The YAML files of the hostile corpus, read by {@link YamlReader} (the inventory's reader). */
class HostileYamlTest {

    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("billion-laughs.yaml", "aliases"),
                Arguments.of("custom-tag.yaml", "unsupported YAML tag"));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void refusedWithAClearProblem(String name, String expected) throws Exception {
        String text = Files.readString(Path.of(HostileYamlTest.class.getResource("/hostile/" + name).toURI()));
        Parsed parsed = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> YamlReader.parse(text));
        assertNull(parsed.root(), name);
        assertTrue(parsed.problems().stream().anyMatch(p -> p.message().contains(expected)), () -> name + ": " + parsed.problems());
        parsed.problems().forEach(p -> assertTrue(!p.message().contains("Exception") && !p.message().contains("java."), p.message()));
    }
}
