package dev.bucketscope.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockYamlReader} must give exactly snakeyaml's tree (spans included) whenever it answers:
 * on the repository's YAML, and on generated block YAML in the shapes inventories and credentials
 * files take, whole and mutated.
 */
class BlockYamlReaderTest {

    private static Parsed fast(String text) {
        return BlockYamlReader.read(text, new LineMap(text));
    }

    private static Parsed snakeyaml(String text) {
        return YamlReader.withSnakeyaml(text, new LineMap(text));
    }

    @Test
    void readsTheExampleAndEveryRepositoryYamlFileAsSnakeyamlDoes() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Stream.of("examples", "fixtures", "src/test/resources").map(Path::of).flatMap(BlockYamlReaderTest::walk)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        assertTrue(files.size() > 50, "found " + files.size());
        int answered = 0;
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Parsed fast = fast(text);
            if (fast == null) continue;
            answered++;
            assertEquals(snakeyaml(text), fast, f.toString());
        }
        // The example's inventory and its SOPS credentials file (a literal block scalar) are plain.
        for (String f : List.of("examples/homelab/bucketscope.yaml", "examples/homelab/cluster.yaml")) {
            assertNotNull(fast(Files.readString(Path.of(f))), f);
        }
        assertTrue(answered > files.size() / 2, answered + " of " + files.size());
    }

    private static Stream<Path> walk(Path p) {
        try {
            return Files.walk(p).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void declinesWhatItDoesNotRead() {
        for (String t : List.of("", "# only a comment\n", "a: [1, 2]\n", "a: {b: 1}\n", "a: &x 1\nb: *x\n", "a: !!str 1\n",
                "a:\n", "a:\nb: 1\n", "a: b\n  c\n", "a: >\n  folded\n", "a: \"esc\\n\"\n", "---\na: 1\n", "a: 1\n---\nb: 2\n",
                "a: 1\na: 2\n", "a:\tb\n", "a: 1\r\nb: 2\r\n", "- - a\n", "? a\n: b\n", "<<: 1\n", "a: <<\n", "a: b: c\n",
                "key : v\n", "a: 'x\n  y'\n", "a: |\n\n  x\n", "a: |2\n  x\n", "a: |+\n  x\n", "a: @x\n", "a: %x\n",
                "\uFEFFa: 1\n", "a: x\u2028y\n", "a: 1\n b: 2\n", "-\n", "a: -\n")) {
            Parsed fast = fast(t);
            assertNull(fast, () -> "answered " + fast + " for: " + t);
        }
    }

    @Test
    void readsInventoryShapes() {
        String t = String.join("\n",
                "# comment",
                "version: 1",
                "server:",
                "  dialect: rustfs@1.0.0-alpha.78   # trailing comment",
                "components:",
                "- name: litellm",
                "  scope: \"litellm-*\"",
                "  buckets:",
                "    litellm-cache: read-write",
                "  tags:",
                "  - 'it''s'",
                "  - ENC[AES256_GCM,data:Zm9v,iv:aXZp==,type:str]",
                "sops:",
                "  age:",
                "    - recipient: age1xyz",
                "      enc: |",
                "        -----BEGIN-----",
                "",
                "        ZXhh  ",
                "        -----END-----",
                "  version: 3.9.4",
                "  on: true",
                "  n: ~",
                "  f: 1.5e3",
                "# the end",
                "");
        Parsed fast = fast(t);
        assertNotNull(fast);
        assertEquals(snakeyaml(t), fast);
    }

    /** Block YAML from a small grammar: the constructs the reader answers for, and some it declines. */
    static final class Docs {
        private static final String[] KEYS = {"name", "policy", "scope", "buckets", "a b", "true", "1", "x:y", "'q''s'", "\"dq\"",
            "null", "~", "é", "k#", "litellm-cache", "-x", "<<", "a.b"};
        /** Scalars the reader answers for, and (ODD) some it declines or that are not YAML. */
        private static final String[] SCALARS = {"litellm", "\"litellm-*\"", "'read-write'", "ENC[AES256_GCM,data:Zm9v,iv:aXZp==,type:str]",
            "3.9.4", "2026-01-14", "true", "False", "TRUE", "0x1F", "0o17", "+3", ".5", "1e3", ".inf", ".nan", "~", "null",
            "Null", "\"\"", "''", "a #b", "a:b", "ü x", "x]", "x,y", "a  b  ", "'it''s'", "\"a'b\"", "'a\"b'", "http://x:9000",
            "^(.*_s3_(access|secret)_key)$", "=", "x#y", "a - b"};
        private static final String[] ODD = {"-1", "-.Inf", "a: b", "{a}", "[a]", "*x", "&a x", "!t x", "|", ">", "@x", "%x", "`x",
            "\"a\\\"b\"", "<<", "?x", ":x", "a:", "'open", "\"x\" y"};
        private static final String MUTATIONS = " \n-:#'\"|>&*!{}[],?\t\r~%@`\u00e9\u3000";

        static String doc(Random r) {
            StringBuilder sb = new StringBuilder();
            if (r.nextInt(4) == 0) sb.append("# header\n");
            mapping(sb, r, 0, 0, false);
            if (r.nextInt(4) == 0) sb.append(r.nextBoolean() ? "# trailing\n" : "\n\n");
            String s = sb.toString();
            if (r.nextInt(8) == 0 && s.endsWith("\n")) s = s.substring(0, s.length() - 1);
            return s;
        }

        static String mutate(String s, Random r) {
            StringBuilder sb = new StringBuilder(s);
            for (int m = 1 + r.nextInt(3); m > 0 && sb.length() > 0; m--) {
                int at = r.nextInt(sb.length());
                switch (r.nextInt(4)) {
                    case 0 -> sb.insert(at, MUTATIONS.charAt(r.nextInt(MUTATIONS.length())));
                    case 1 -> sb.deleteCharAt(at);
                    case 2 -> sb.insert(at, "  ");
                    default -> sb.setCharAt(at, MUTATIONS.charAt(r.nextInt(MUTATIONS.length())));
                }
            }
            return sb.toString();
        }

        /** Keys at {@code indent}; the first written in place when {@code inline} (after "- "). */
        private static void mapping(StringBuilder sb, Random r, int indent, int depth, boolean inline) {
            int n = 1 + r.nextInt(depth == 0 ? 5 : 3);
            // Mostly distinct keys: a duplicate key is declined (snakeyaml's reader words it).
            List<String> keys = new java.util.ArrayList<>(List.of(KEYS));
            java.util.Collections.shuffle(keys, r);
            for (int i = 0; i < n; i++) {
                if (i > 0 || !inline) sb.append(" ".repeat(indent));
                sb.append(r.nextInt(20) == 0 ? "name" : keys.get(i)).append(':');
                value(sb, r, indent, depth);
                if (r.nextInt(10) == 0) sb.append(" ".repeat(r.nextInt(indent + 3))).append("# note\n");
                if (r.nextInt(12) == 0) sb.append('\n');
            }
        }

        private static void value(StringBuilder sb, Random r, int indent, int depth) {
            int kind = depth >= 4 ? 0 : r.nextInt(6);
            switch (kind) {
                case 1 -> {
                    sb.append(comment(r)).append('\n');
                    mapping(sb, r, indent + 2 + (r.nextInt(4) == 0 ? 2 : 0), depth + 1, false);
                }
                case 2 -> {
                    sb.append(comment(r)).append('\n');
                    sequence(sb, r, indent + (r.nextBoolean() ? 0 : 2), depth + 1);
                }
                case 3 -> literal(sb, r, indent);
                default -> sb.append(' ').append(scalar(r)).append(comment(r)).append('\n');
            }
        }

        private static void sequence(StringBuilder sb, Random r, int indent, int depth) {
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                sb.append(" ".repeat(indent)).append('-');
                switch (depth >= 4 ? 0 : r.nextInt(4)) {
                    case 1 -> {
                        sb.append(' ');
                        mapping(sb, r, indent + 2, depth + 1, true);
                    }
                    case 2 -> {
                        sb.append('\n');
                        mapping(sb, r, indent + 2 + r.nextInt(2), depth + 1, false);
                    }
                    case 3 -> literal(sb, r, indent);
                    default -> sb.append(' ').append(scalar(r)).append(comment(r)).append('\n');
                }
            }
        }

        private static void literal(StringBuilder sb, Random r, int indent) {
            sb.append(" |").append(r.nextBoolean() ? "-" : "").append(comment(r)).append('\n');
            int k = indent + 2 + r.nextInt(3);
            for (int i = 1 + r.nextInt(3); i > 0; i--) {
                sb.append(" ".repeat(k + (r.nextInt(5) == 0 ? 1 : 0))).append(r.nextBoolean() ? "-----BEGIN-----" : "a # b").append('\n');
                if (r.nextInt(6) == 0) sb.append('\n');
            }
        }

        private static String scalar(Random r) {
            return r.nextInt(12) == 0 ? ODD[r.nextInt(ODD.length)] : SCALARS[r.nextInt(SCALARS.length)];
        }

        private static String comment(Random r) {
            return r.nextInt(5) == 0 ? "   # c" : "";
        }
    }

    @Test
    void answersExactlyAsSnakeyamlOnGeneratedAndMutatedYaml() {
        AtomicInteger whole = new AtomicInteger();
        AtomicInteger wholeAnswered = new AtomicInteger();
        AtomicInteger mutatedAnswered = new AtomicInteger();
        qt().withFixedSeed(11).withExamples(100_000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            String doc = Docs.doc(r);
            boolean mutated = r.nextBoolean();
            String text = mutated ? Docs.mutate(doc, r) : doc;
            Parsed fast = fast(text);
            if (!mutated) whole.incrementAndGet();
            if (fast == null) return;
            if (mutated) mutatedAnswered.incrementAndGet();
            else wholeAnswered.incrementAndGet();
            assertEquals(snakeyaml(text), fast, () -> "text:\n" + text);
        });
        // Not vacuous: the grammar mostly writes what the reader answers for, mutations often too.
        assertTrue(wholeAnswered.get() > whole.get() / 3, wholeAnswered + " of " + whole);
        assertTrue(mutatedAnswered.get() > 5000, "mutated answered " + mutatedAnswered);
    }
}
