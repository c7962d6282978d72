package dev.bucketscope.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import dev.bucketscope.SchemaCheck;
import dev.bucketscope.core.Finding;
import dev.bucketscope.core.InventoryRule;
import dev.bucketscope.core.LintRun;
import dev.bucketscope.core.Linter;
import dev.bucketscope.core.Rule;
import dev.bucketscope.core.RuleCatalog;
import dev.bucketscope.core.RuleDocs;
import dev.bucketscope.core.RuleIds;
import dev.bucketscope.core.RuleMeta;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.eval.Evaluator;
import dev.bucketscope.policy.PolicyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule's documentation: present, front matter valid against schemas/rule.schema.json, the
 * sections in place, and the Bad and Good examples behaving as the doc says when linted: a policy
 * rule's ```json blocks as single policies, an inventory rule's blocks as a small repository (an
 * inventory and its policies, see {@link #lintRepositoryExample}).
 */
class RuleDocsTest {
    private static final Pattern BLOCK = Pattern.compile("```json([^\\n]*)\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern FENCE = Pattern.compile("```(yaml|json)([^\\n]*)\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern POLICY = Pattern.compile("(?m)^\\s*(?:-\\s+)?policy:\\s*\"?([^\"#\\s]+)");

    @Test
    void classesDocsAndIdsAreTheSameSet() throws IOException {
        Set<String> fromClasses = BuiltinRules.all().stream().map(Rule::id).collect(Collectors.toSet());
        Set<String> fromDocs;
        try (Stream<Path> docs = Files.list(Path.of("rules"))) {
            fromDocs = docs.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).collect(Collectors.toSet());
        }
        assertEquals(fromClasses, fromDocs);
        for (Rule r : BuiltinRules.all()) {
            assertEquals(RuleIds.toClassName(r.id()), r.getClass().getSimpleName());
        }
    }

    @TestFactory
    Stream<DynamicTest> docs() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : BuiltinRules.all()) {
            tests.add(DynamicTest.dynamicTest(rule.id(), () -> checkDoc(rule)));
        }
        return tests.stream();
    }

    private static void checkDoc(Rule rule) throws Exception {
        String text = Files.readString(Path.of("rules", rule.id() + ".md"));
        String frontMatter = text.substring(4, text.indexOf("\n---", 3));
        assertEquals(List.of(), SchemaCheck.errors("rule.schema.json", frontMatter, InputFormat.YAML),
                "rules/" + rule.id() + ".md front matter");
        RuleMeta meta = RuleDocs.parse(rule.id(), text);
        assertEquals(RuleIds.toClassName(rule.id()).replace("Rule", ""), meta.name(), "name is PascalCase(id)");
        for (String section : List.of("## Why", "## Bad", "## Good", "## How to fix")) {
            assertTrue(meta.body().contains(section + "\n"), "rules/" + rule.id() + ".md lacks " + section);
        }
        if (meta.tags().contains("security")) {
            assertTrue(meta.securitySeverity().isPresent(), rule.id() + " is tagged security but has no security-severity");
        }
        // A probe rule's examples are recorded observations, not policies: fixtures/<id>/ replays them.
        if (rule instanceof dev.bucketscope.core.ProbeRule) return;
        String bad = section(meta.body(), "## Bad", "## Good");
        String good = section(meta.body(), "## Good", "## How to fix");
        List<Finding> badFindings = lintExample(rule, bad);
        assertFalse(badFindings.isEmpty(), "the Bad example of " + rule.id() + " produces no finding");
        List<Finding> goodFindings = lintExample(rule, good);
        assertEquals(List.of(), goodFindings, "the Good example of " + rule.id() + " produces findings");
    }

    private static String section(String body, String from, String to) {
        int a = body.indexOf(from);
        int b = body.indexOf(to, a);
        return body.substring(a, b < 0 ? body.length() : b);
    }

    /** Lints each ```json block of a section with only this rule, in the dialect its info string names. */
    private static List<Finding> lintExample(Rule rule, String section) throws Exception {
        if (rule instanceof InventoryRule) return lintRepositoryExample(rule, section);
        Matcher m = BLOCK.matcher(section);
        List<Finding> out = new ArrayList<>();
        int blocks = 0;
        while (m.find()) {
            blocks++;
            String info = m.group(1).trim();
            String dialectId = info.startsWith("dialect=") ? info.substring("dialect=".length()) : "rustfs";
            Dialect dialect = Dialect.parse(dialectId);
            PolicyFile f = PolicyFile.fromText(m.group(2), rule.id() + ".md", dialect, List.of());
            Linter linter = new Linter(new RuleCatalog(List.of(rule)), Map.of());
            out.addAll(linter.lint(f, dialect, new Evaluator(dialect)));
        }
        assertTrue(blocks > 0, "no ```json example in: " + section.lines().findFirst().orElse(""));
        return out;
    }

    /**
     * An inventory rule's example is a small repository, linted with only this rule: each ```yaml
     * block starts one and is its bucketscope.yaml; each ```json block after it is written to the
     * next {@code policy:} path that inventory names; a block whose info string says
     * {@code path=<file>} (a credentials file, a second policy) is written there instead.
     */
    private static List<Finding> lintRepositoryExample(Rule rule, String section) throws Exception {
        Matcher m = FENCE.matcher(section);
        List<Finding> out = new ArrayList<>();
        Path repo = null;
        List<String> policyPaths = new ArrayList<>();
        while (m.find()) {
            String lang = m.group(1);
            String info = m.group(2).trim();
            String body = m.group(3) + "\n";
            Optional<String> path = Optional.of(info).filter(i -> i.startsWith("path=")).map(i -> i.substring("path=".length()));
            if (lang.equals("yaml") && path.isEmpty()) {
                if (repo != null) out.addAll(lintRepository(rule, repo));
                repo = Files.createTempDirectory("bucketscope-doc-");
                policyPaths.clear();
                Matcher p = POLICY.matcher(body);
                while (p.find()) policyPaths.add(p.group(1));
                path = Optional.of("bucketscope.yaml");
            } else if (path.isEmpty()) {
                assertFalse(repo == null, "a ```" + lang + " block before the inventory (```yaml) in: " + firstLine(section));
                assertFalse(policyPaths.isEmpty(), "a ```json block with no policy: left in the inventory for it in: " + firstLine(section));
                path = Optional.of(policyPaths.remove(0));
            }
            assertFalse(repo == null, "a block before the inventory (```yaml) in: " + firstLine(section));
            Path target = repo.resolve(path.get()).normalize();
            assertTrue(target.startsWith(repo), path.get() + " points outside the example repository");
            Files.createDirectories(target.getParent());
            Files.writeString(target, body);
        }
        assertFalse(repo == null, "no ```yaml inventory example in: " + firstLine(section));
        out.addAll(lintRepository(rule, repo));
        return out;
    }

    private static List<Finding> lintRepository(Rule rule, Path repo) throws Exception {
        try {
            // The whole catalogue runs (exceptions name other rules), and only this rule's findings count.
            LintRun.Result r = LintRun.run(new LintRun.Options(List.of(Path.of(".")), repo, Optional.empty(), Optional.empty(),
                    Map.of(), LocalDate.parse("2026-06-01"), Set.of(), ""), new RuleCatalog(BuiltinRules.all()));
            return r.findings().stream().filter(f -> f.ruleId().equals(rule.id()) && !f.suppressed()).toList();
        } finally {
            try (Stream<Path> files = Files.walk(repo)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    private static String firstLine(String section) {
        return section.lines().findFirst().orElse("");
    }
}
