package dev.bucketscope.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import dev.bucketscope.SchemaCheck;
import dev.bucketscope.core.Finding;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * sections in place, and the Bad and Good examples behaving as the doc says when linted.
 */
class RuleDocsTest {
    private static final Pattern BLOCK = Pattern.compile("```json([^\\n]*)\\n(.*?)\\n```", Pattern.DOTALL);

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
}
