package dev.bucketscope.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketscope.inventory.Component;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.rules.BuiltinRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine runs component rules component by component, on two threads, each with a share of
 * the components; its findings must be those of every rule run alone over the whole inventory
 * ({@link ComponentRule}'s own {@code check(ctx)}, one thread), in the same order.
 */
class InventoryRulesEngineTest {
    private static final RuleCatalog CATALOG = new RuleCatalog(BuiltinRules.all());
    private static final String ARN = "arn:aws:s3:::";

    @TempDir
    Path dir;

    /** 150 components (above the engine's two-thread threshold), each policy wrong in a few seeded ways. */
    private Workspace workspace(long seed) throws Exception {
        Random r = new Random(seed);
        Files.createDirectories(dir.resolve("policies"));
        StringBuilder inv = new StringBuilder("version: 1\ncomponents:\n");
        String[] caps = {"read-only", "read-write", "write-only", "[list, read]", "[write, delete]"};
        for (int i = 0; i < 150; i++) {
            String id = "c" + i;
            String file = r.nextInt(10) == 0 ? id + "-policy.json" : id + "-storage.json"; // naming-convention
            inv.append("  - name: ").append(id).append("\n    policy: policies/").append(file).append("\n    buckets:\n")
                    .append("      ").append(id).append("-data: ").append(caps[r.nextInt(caps.length)]).append('\n');
            if (r.nextBoolean()) inv.append("      ").append(id).append("-logs: read-only\n");
            List<String> actions = new ArrayList<>(List.of("s3:ListBucket", "s3:GetObject"));
            if (r.nextBoolean()) actions.add("s3:PutObject");
            if (r.nextInt(3) == 0) actions.add("s3:DeleteObject");
            if (r.nextInt(4) == 0) actions.add("s3:PutBucketPolicy");
            if (r.nextInt(8) == 0) actions = List.of("s3:*");
            List<String> resources = new ArrayList<>(List.of(ARN + id + "-data", ARN + id + "-data/*"));
            if (r.nextInt(5) == 0) resources.add(ARN + "c" + ((i + 1) % 150) + "-*"); // another component's scope
            if (r.nextInt(6) == 0) resources.add(ARN + "c" + i + "*"); // drifts to c1 → c10..c19
            if (r.nextInt(7) == 0) resources.add(ARN + id + "-*"); // undeclared buckets in scope
            if (r.nextInt(25) == 0) resources.add(ARN + "*");
            StringBuilder policy = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[");
            for (int k = 0; k < actions.size(); k++) policy.append(k == 0 ? "" : ",").append('"').append(actions.get(k)).append('"');
            policy.append("],\"Resource\":[");
            for (int k = 0; k < resources.size(); k++) policy.append(k == 0 ? "" : ",").append('"').append(resources.get(k)).append('"');
            policy.append("]}");
            if (r.nextInt(6) == 0) {
                policy.append(",{\"Effect\":\"Deny\",\"Action\":[\"s3:GetObject\"],\"Resource\":[\"").append(ARN).append(id).append("-data/*\"]}");
            }
            policy.append("]}");
            Files.writeString(dir.resolve("policies/" + file), policy.toString());
        }
        Files.writeString(dir.resolve("bucketscope.yaml"), inv.toString());
        return Workspace.load(List.of(Path.of(".")), dir, Optional.empty(), Optional.of("rustfs"));
    }

    private static InventoryContext context(Workspace ws, Set<String> concerned) {
        List<InventoryContext.Linted> files = new ArrayList<>();
        Map<String, String> names = new java.util.HashMap<>();
        for (Map.Entry<String, PolicyFile> e : ws.policies().entrySet()) {
            files.add(InventoryContext.Linted.of(e.getValue()));
            names.put(e.getKey(), e.getValue().file());
        }
        files.add(new InventoryContext.Linted("policies/stray.json", dev.bucketscope.source.Span.point(1, 1))); // no component owns it
        InventoryContext ctx = new InventoryContext(ws.inventory(), ws.policies(), names, files, Optional.empty(), ws.fileProblems(),
                ws.dialect(), new dev.bucketscope.eval.Evaluator(ws.dialect()), LocalDate.of(2026, 6, 1));
        if (concerned != null) ctx.concernOnly(concerned);
        return ctx;
    }

    /** Each rule alone, on its own context and this thread, in catalogue order. */
    private static List<String> oneRuleAtATime(Workspace ws, Set<String> concerned) {
        List<String> out = new ArrayList<>();
        for (RuleCatalog.Entry e : CATALOG.entries()) {
            if (!(e.rule() instanceof InventoryRule rule) || rule.judgesExceptions()) continue;
            InventoryContext ctx = context(ws, concerned);
            rule.check(ctx);
            for (InventoryContext.Report r : ctx.reports()) {
                out.add(e.meta().id() + " " + r.location() + " " + r.component().map(Component::id).orElse("-") + " " + r.message());
            }
        }
        return out;
    }

    private static List<String> engine(Workspace ws, Set<String> concerned) {
        List<String> out = new ArrayList<>();
        for (Finding f : new Linter(CATALOG, Map.of(), false).lintInventory(context(ws, concerned), false, Map.of())) {
            out.add(f.ruleId() + " " + f.location() + " " + (f.component().isEmpty() ? "-" : f.component()) + " " + f.message());
        }
        return out;
    }

    @Test
    void componentByComponentOnTwoThreadsFindsWhatEachRuleAloneFindsInTheSameOrder() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            Workspace ws = workspace(seed);
            List<String> expected = oneRuleAtATime(ws, null);
            assertEquals(expected, engine(ws, null), "seed " + seed);
            Set<String> rules = new HashSet<>();
            for (String line : expected) rules.add(line.substring(0, line.indexOf(' ')));
            // The seeded mistakes reach most component rules, not a trivial few.
            assertTrue(rules.containsAll(Set.of("scope-drift", "cross-component-access", "undeclared-write", "undeclared-delete",
                    "missing-permission", "undeclared-bucket", "naming-convention", "unowned-policy")), rules.toString());
            assertTrue(expected.size() > 200, "findings: " + expected.size());
        }
    }

    @Test
    void onlyTheConcernedComponentsAreChecked() throws Exception {
        Workspace ws = workspace(4);
        Set<String> concerned = Set.of("c3", "c17", "c149");
        List<String> expected = oneRuleAtATime(ws, concerned);
        assertEquals(expected, engine(ws, concerned));
        for (String line : expected) {
            String id = line.substring(0, line.indexOf(' '));
            if (!(CATALOG.find(id).orElseThrow().rule() instanceof ComponentRule)) continue;
            assertTrue(line.contains(" c3 ") || line.contains(" c17 ") || line.contains(" c149 "), line);
        }
    }
}
