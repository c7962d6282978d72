package dev.bucketscope.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketscope.core.Finding;
import dev.bucketscope.core.InventoryRule;
import dev.bucketscope.core.LintRun;
import dev.bucketscope.core.Rule;
import dev.bucketscope.core.RuleCatalog;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Bad and Good examples of the inventory rules, linted as a small repository: the first
 * {@code ```yaml} block is {@code bucketscope.yaml}, a {@code ```json} block is the policy the first
 * component names, and a block whose info string says {@code file=PATH} is written to PATH (the
 * credentials file, a policy no component owns).
 */
class InventoryRuleDocsTest {
    private static final Pattern BLOCK = Pattern.compile("```(yaml|json)([^\\n]*)\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern POLICY = Pattern.compile("(?m)^\\s+policy:\\s*(\\S+)\\s*$");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> examples() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : BuiltinRules.all()) {
            if (rule instanceof InventoryRule) tests.add(DynamicTest.dynamicTest(rule.id(), () -> check(rule)));
        }
        return tests.stream();
    }

    private void check(Rule rule) throws Exception {
        String body = Files.readString(Path.of("rules", rule.id() + ".md"));
        List<Finding> bad = lint(rule, section(body, "## Bad", "## Good"), tmp.resolve("bad"));
        assertFalse(bad.isEmpty(), "the Bad example of " + rule.id() + " produces no finding");
        assertEquals(List.of(), lint(rule, section(body, "## Good", "## How to fix"), tmp.resolve("good")),
                "the Good example of " + rule.id() + " produces findings");
    }

    private static String section(String body, String from, String to) {
        int a = body.indexOf(from);
        return body.substring(a, body.indexOf(to, a));
    }

    private static List<Finding> lint(Rule rule, String section, Path dir) throws Exception {
        Matcher m = BLOCK.matcher(section);
        String inventory = null;
        while (m.find()) {
            String info = m.group(2).trim();
            String text = m.group(3) + "\n";
            Path target;
            if (info.startsWith("file=")) {
                target = dir.resolve(info.substring("file=".length()));
            } else if (m.group(1).equals("yaml")) {
                assertTrue(inventory == null, rule.id() + ": a second ```yaml block needs file=NAME");
                inventory = text;
                target = dir.resolve("bucketscope.yaml");
            } else {
                assertTrue(inventory != null, rule.id() + ": the ```yaml inventory comes before the ```json policy");
                Matcher p = POLICY.matcher(inventory);
                assertTrue(p.find(), rule.id() + ": the inventory names no policy for the ```json block");
                target = dir.resolve(p.group(1));
            }
            assertTrue(target.normalize().startsWith(dir), rule.id() + ": example file " + target + " leaves the example's directory");
            Files.createDirectories(target.getParent());
            Files.writeString(target, text);
        }
        assertTrue(inventory != null, rule.id() + ": no ```yaml inventory in " + section.lines().findFirst().orElse(""));
        LintRun.Result r = LintRun.run(new LintRun.Options(List.of(Path.of(".")), dir, Optional.empty(), Optional.empty(),
                Map.of(), LocalDate.parse("2026-06-01"), Set.of(), ""), new RuleCatalog(BuiltinRules.all()));
        return r.findings().stream().filter(f -> f.ruleId().equals(rule.id()) && !f.suppressed()).toList();
    }
}
