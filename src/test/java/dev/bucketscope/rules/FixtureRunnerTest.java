package dev.bucketscope.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.InputFormat;
import dev.bucketscope.SchemaCheck;
import dev.bucketscope.core.Finding;
import dev.bucketscope.core.LintRun;
import dev.bucketscope.core.Linter;
import dev.bucketscope.core.Rule;
import dev.bucketscope.core.RuleCatalog;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.eval.Evaluator;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.scan.PolicyLoader;
import dev.bucketscope.scan.PolicySources;
import dev.bucketscope.source.JsonReader;
import dev.bucketscope.source.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under fixtures/&lt;rule-id&gt;/ with only that rule, both ways: each
 * bad-&lt;case&gt; must produce exactly the findings of its sidecar (position, pointer, message
 * substring) and nothing more; each good-&lt;case&gt; must produce none. Malformed fixture folders
 * fail too: a bad case without sidecar, a good case with one, an orphan sidecar, a folder that is
 * not a rule id, a sidecar the fixture schema rejects. On mismatch the actual findings are printed
 * as a sidecar ready to paste.
 */
class FixtureRunnerTest {
    private static final Path FIXTURES = Path.of("fixtures");
    private static final Map<String, Rule> RULES = BuiltinRules.all().stream()
            .collect(Collectors.toMap(Rule::id, r -> r));

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            for (Path dir : dirs.sorted().toList()) {
                String id = dir.getFileName().toString();
                if (!Files.isDirectory(dir) || id.equals("examples")) continue;
                tests.add(DynamicTest.dynamicTest(id + ": folder is well formed", () -> checkFolder(id, dir)));
                if (!RULES.containsKey(id)) continue;
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.sorted().toList()) {
                        String name = f.getFileName().toString();
                        if (Files.isDirectory(f) && (name.startsWith("bad-") || name.startsWith("good-"))) {
                            tests.add(DynamicTest.dynamicTest(id + "/" + name + "/", () -> runDirectoryCase(id, f)));
                        } else if (isCase(name)) {
                            tests.add(DynamicTest.dynamicTest(id + "/" + name, () -> runCase(id, f)));
                        }
                    }
                }
            }
        }
        assertTrue(tests.size() > 10, "no fixtures found under " + FIXTURES.toAbsolutePath());
        return tests.stream();
    }

    private static boolean isCase(String name) {
        return (name.startsWith("bad-") || name.startsWith("good-"))
                && (name.endsWith(".md") || name.endsWith(".json") && !name.endsWith(".expected.json") && !name.endsWith(".options.json"));
    }

    private static void checkFolder(String id, Path dir) throws IOException {
        assertTrue(RULES.containsKey(id), "fixtures/" + id + " is not a rule id");
        int bad = 0;
        int good = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (Files.isDirectory(f)) {
                    // a directory case: a small repository with its own bucketscope.yaml
                    assertTrue(n.startsWith("bad-") || n.startsWith("good-"), "fixtures/" + id + "/" + n + "/ is neither bad-* nor good-*");
                    assertTrue(Files.exists(f.resolve("bucketscope.yaml")), "fixtures/" + id + "/" + n + "/ has no bucketscope.yaml");
                    if (n.startsWith("bad-")) {
                        bad++;
                        assertTrue(Files.exists(dir.resolve(n + ".expected.json")), "fixtures/" + id + "/" + n + "/ has no sidecar");
                    } else {
                        good++;
                        assertTrue(!Files.exists(dir.resolve(n + ".expected.json")), "fixtures/" + id + "/" + n + "/ is good but has a sidecar");
                    }
                } else if (n.endsWith(".expected.json")) {
                    String base = n.substring(0, n.length() - ".expected.json".length());
                    assertTrue(base.startsWith("bad-"), "fixtures/" + id + "/" + n + ": only bad cases have sidecars");
                    assertTrue(Files.exists(dir.resolve(base + ".json")) || Files.exists(dir.resolve(base + ".md"))
                                    || Files.isDirectory(dir.resolve(base)), "fixtures/" + id + "/" + n + " has no case");
                    assertEquals(List.of(), SchemaCheck.errors("fixture.schema.json", Files.readString(f), InputFormat.JSON),
                            "fixtures/" + id + "/" + n + " does not fit schemas/fixture.schema.json");
                } else if (n.endsWith(".options.json")) {
                    String base = n.substring(0, n.length() - ".options.json".length());
                    assertTrue(base.startsWith("good-"), "fixtures/" + id + "/" + n + ": bad cases set their dialect in the sidecar");
                    assertTrue(Files.exists(dir.resolve(base + ".json")) || Files.exists(dir.resolve(base + ".md"))
                            || Files.isDirectory(dir.resolve(base)), "fixtures/" + id + "/" + n + " has no case");
                    assertEquals(List.of(), SchemaCheck.errors("fixture.schema.json", Files.readString(f), InputFormat.JSON));
                    assertTrue(!Files.readString(f).contains("\"findings\""), "fixtures/" + id + "/" + n + ": options carry only a dialect");
                } else if (n.startsWith("bad-")) {
                    bad++;
                    String base = n.substring(0, n.lastIndexOf('.'));
                    assertTrue(Files.exists(dir.resolve(base + ".expected.json")), "fixtures/" + id + "/" + n + " has no sidecar");
                } else if (n.startsWith("good-")) {
                    good++;
                } else {
                    fail("fixtures/" + id + "/" + n + " is neither bad-*, good-* nor a sidecar");
                }
            }
        }
        assertTrue(bad >= 1 && good >= 1, "fixtures/" + id + " needs at least one bad and one good case");
    }

    private record Expected(String file, int line, int column, int endLine, int endColumn, String pointer, String message) {}

    private static void runCase(String id, Path file) throws IOException {
        String name = file.getFileName().toString();
        String base = name.substring(0, name.lastIndexOf('.'));
        Path sidecar = file.resolveSibling(base + (name.startsWith("bad-") ? ".expected.json" : ".options.json"));
        Node.ObjectNode side = Files.exists(sidecar) ? (Node.ObjectNode) JsonReader.parse(Files.readString(sidecar)).root() : null;
        String dialectId = side == null ? "rustfs" : side.get("dialect").map(n -> ((Node.StringNode) n).value()).orElse("rustfs");
        Dialect dialect;
        try {
            dialect = Dialect.parse(dialectId);
        } catch (Exception e) {
            throw new AssertionError(sidecar + ": " + e.getMessage());
        }
        List<Expected> expected = side == null ? List.of() : expected(side);
        if (name.startsWith("bad-")) assertTrue(!expected.isEmpty(), sidecar + " lists no finding: a bad case must fail");

        List<PolicyFile> docs = PolicyLoader.load(new PolicySources.Source(file, file.toString(), true), dialect);
        RuleCatalog one = new RuleCatalog(List.of(RULES.get(id)));
        Linter linter = new Linter(one, Map.of());
        Evaluator evaluator = new Evaluator(dialect);
        List<Finding> actual = new ArrayList<>();
        for (PolicyFile d : docs) actual.addAll(linter.lint(d, dialect, evaluator));

        compare(file + " (" + dialect.id() + ")", dialectId, expected, actual, false);
    }

    private static void compare(String what, String dialectId, List<Expected> expected, List<Finding> actual, boolean withFile) {
        List<Finding> unmatched = new ArrayList<>(actual);
        List<Expected> missing = new ArrayList<>();
        for (Expected e : expected) {
            Optional<Finding> hit = unmatched.stream().filter(f -> matches(e, f)).findFirst();
            if (hit.isPresent()) unmatched.remove(hit.get());
            else missing.add(e);
        }
        if (!missing.isEmpty() || !unmatched.isEmpty()) {
            fail(what + ": missing " + missing + ", unexpected " + unmatched.size()
                    + ". Actual findings as a sidecar:\n" + sidecarOf(dialectId, actual, withFile));
        }
    }

    /** A directory case: lint it as a repository (its bucketscope.yaml included), keeping only this rule's findings. */
    private static void runDirectoryCase(String id, Path dir) throws Exception {
        String name = dir.getFileName().toString();
        Path sidecar = dir.resolveSibling(name + (name.startsWith("bad-") ? ".expected.json" : ".options.json"));
        Node.ObjectNode side = Files.exists(sidecar) ? (Node.ObjectNode) JsonReader.parse(Files.readString(sidecar)).root() : null;
        Optional<String> dialect = side == null ? Optional.empty() : side.get("dialect").map(n -> ((Node.StringNode) n).value());
        String today = side == null ? "2026-06-01" : side.get("today").map(n -> ((Node.StringNode) n).value()).orElse("2026-06-01");
        List<Expected> expected = side == null ? List.of() : expected(side);
        if (name.startsWith("bad-")) assertTrue(!expected.isEmpty(), sidecar + " lists no finding: a bad case must fail");
        for (Expected e : expected) assertTrue(!e.file().isEmpty(), sidecar + ": directory cases name the file of each finding");
        if (RULES.get(id) instanceof dev.bucketscope.core.ProbeRule) {
            runProbeCase(dir, dialect, expected, new RuleCatalog(List.of(RULES.get(id))));
            return;
        }
        // The whole catalogue runs, so that exceptions are used (or not) as in a real run and rule ids
        // are known; only this rule's findings count.
        LintRun.Result result = LintRun.run(new LintRun.Options(List.of(Path.of(".")), dir.toAbsolutePath(), Optional.empty(),
                dialect, Map.of(), LocalDate.parse(today), Set.of(), ""), new RuleCatalog(BuiltinRules.all()));
        List<Finding> actual = result.findings().stream().filter(f -> !f.suppressed() && f.ruleId().equals(id)).toList();
        compare(dir + "/ (" + result.dialect().id() + ")", dialect.orElse(""), expected, actual, true);
    }

    /** A probe case: the repository plus the observations recorded in its probe-observations.json, replayed offline. */
    private static void runProbeCase(Path dir, Optional<String> dialect, List<Expected> expected, RuleCatalog one) throws Exception {
        Path recorded = dir.resolve("probe-observations.json");
        assertTrue(Files.exists(recorded), dir + "/ has no probe-observations.json");
        var ws = dev.bucketscope.core.Workspace.load(List.of(Path.of(".")), dir.toAbsolutePath(), Optional.empty(), dialect);
        var rec = dev.bucketscope.core.ProbeObservations.parse(Files.readString(recorded), recorded.toString(), ws.dialect());
        List<Finding> actual = dev.bucketscope.core.ProbeRun.findings(ws, rec.observations(), rec.deployed(), one, Map.of());
        compare(dir + "/ (" + ws.dialect().id() + ")", dialect.orElse(""), expected, actual, true);
    }

    private static boolean matches(Expected e, Finding f) {
        var s = f.location().span();
        return (e.file().isEmpty() || e.file().equals(f.location().file()))
                && s.line() == e.line() && s.column() == e.column() && s.endLine() == e.endLine()
                && s.endColumn() == e.endColumn() && f.location().pointer().equals(e.pointer())
                && f.message().contains(e.message());
    }

    private static List<Expected> expected(Node.ObjectNode side) {
        List<Expected> out = new ArrayList<>();
        Optional<Node> findings = side.get("findings");
        if (findings.isEmpty()) return out;
        for (Node n : ((Node.ArrayNode) findings.get()).items()) {
            Node.ObjectNode o = (Node.ObjectNode) n;
            String file = o.get("file").map(n2 -> ((Node.StringNode) n2).value()).orElse("");
            out.add(new Expected(file, num(o, "line"), num(o, "column"), num(o, "endLine"), num(o, "endColumn"),
                    str(o, "pointer"), str(o, "message")));
        }
        return out;
    }

    private static int num(Node.ObjectNode o, String key) {
        return Integer.parseInt(((Node.NumberNode) o.get(key).orElseThrow()).text());
    }

    private static String str(Node.ObjectNode o, String key) {
        return ((Node.StringNode) o.get(key).orElseThrow()).value();
    }

    private static String sidecarOf(String dialect, List<Finding> actual, boolean withFile) {
        StringBuilder sb = new StringBuilder("{\n" + (dialect.isEmpty() ? "" : "  \"dialect\": \"" + dialect + "\",\n") + "  \"findings\": [");
        for (int i = 0; i < actual.size(); i++) {
            Finding f = actual.get(i);
            var s = f.location().span();
            sb.append(i == 0 ? "\n" : ",\n").append(String.format(
                    "    {%s\"line\": %d, \"column\": %d, \"endLine\": %d, \"endColumn\": %d, \"pointer\": \"%s\", \"message\": \"%s\"}",
                    withFile ? "\"file\": \"" + f.location().file() + "\", " : "",
                    s.line(), s.column(), s.endLine(), s.endColumn(), f.location().pointer(),
                    f.message().replace("\\", "\\\\").replace("\"", "\\\"")));
        }
        return sb.append("\n  ]\n}").toString();
    }

    /** The fixture folders and the catalogue are the same set of ids. */
    @org.junit.jupiter.api.Test
    void everyRuleHasFixtures() throws IOException {
        Set<String> folders;
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            folders = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("examples")).collect(Collectors.toSet());
        }
        assertEquals(RULES.keySet(), folders);
    }
}
