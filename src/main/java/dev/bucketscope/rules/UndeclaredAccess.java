package dev.bucketscope.rules;

import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.dialect.Capability;
import dev.bucketscope.eval.AccessMap;
import dev.bucketscope.inventory.BucketGrant;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.policy.Statement;
import dev.bucketscope.policy.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * What a component's policy grants on its declared buckets beyond what it declares, as the
 * undeclared-write, undeclared-delete and undeclared-read rules report it: on the granting
 * statement, naming the capability, the bucket, the action and the statement.
 */
final class UndeclaredAccess {
    private UndeclaredAccess() {}

    /**
     * Reports each capability of {@code caps} granted on {@code c}'s buckets but not declared, and
     * undeclared management actions if asked.
     */
    static void component(InventoryContext ctx, Component c, List<Capability> caps, boolean management) {
        Optional<PolicyFile> file = ctx.policy(c);
        Optional<AccessMap> access = ctx.access(c);
        if (file.isEmpty() || access.isEmpty()) return;
        for (BucketGrant b : c.buckets()) {
            for (Capability cap : caps) {
                if (b.capabilities().contains(cap)) continue;
                // Asked per bucket and capability: no capturing lambda (see dev.bucketscope.core.PolicyRule).
                Optional<AccessMap.Grant> g = access.get().granted(b.name(), cap);
                Optional<Statement> granting = g.isPresent() ? g.get().outcome().statement() : Optional.empty();
                if (granting.isEmpty()) continue;
                Statement st = granting.get();
                boolean whole = access.get().wholeBucket(b.name(), cap).allowed();
                String keys = whole || g.get().key().isEmpty() ? "" : " on keys like '" + g.get().key() + "'";
                ctx.report(file.get().file(), st.span(), st.pointer(), c.id() + " may " + word(cap) + " '" + b.name()
                        + "'" + keys + " (" + g.get().action() + ", allowed by " + named(st) + ") but declares "
                        + declared(b), c, List.of());
            }
            if (!management) continue;
            // One finding per granting statement, listing its undeclared management actions.
            Map<Statement, List<String>> byStatement = new LinkedHashMap<>();
            for (AccessMap.Grant g : access.get().management(b.name())) {
                if (declaredAction(ctx, c, g.action())) continue;
                Optional<Statement> st = g.outcome().statement();
                if (st.isEmpty()) continue;
                List<String> actions = byStatement.get(st.get());
                if (actions == null) byStatement.put(st.get(), actions = new ArrayList<>());
                actions.add(g.action());
            }
            for (Map.Entry<Statement, List<String>> e : byStatement.entrySet()) {
                Statement st = e.getKey();
                List<String> actions = e.getValue();
                ctx.report(file.get().file(), st.span(), st.pointer(),
                        "management action" + (actions.size() == 1 ? " " : "s ") + String.join(", ", actions) + " granted on '"
                                + b.name() + "' " + (actions.size() == 1 ? "is" : "are") + " not declared under actions: (allowed by "
                                + named(st) + ")", c, List.of());
            }
        }
    }

    private static boolean declaredAction(InventoryContext ctx, Component c, String action) {
        List<Value> actions = c.actions();
        for (int i = 0; i < actions.size(); i++) { // indexed: no iterator per call (C1 keeps them)
            if (ctx.dialect().actionMatches(actions.get(i).text(), action)) return true;
        }
        return false;
    }

    /** How messages name a statement: its Sid quoted, or "Statement[i]". */
    static String named(Statement st) {
        return st.sid().isPresent() && !st.sid().get().text().isEmpty() ? "'" + st.label() + "'" : st.label();
    }

    static String word(Capability cap) {
        return cap.name().toLowerCase(Locale.ROOT);
    }

    private static String declared(BucketGrant b) {
        if (b.capabilities().isEmpty()) return "no capability on it";
        List<Capability> caps = new ArrayList<>(b.capabilities());
        caps.sort(java.util.Comparator.naturalOrder()); // TimSort, as the run's other sorts (see PolicySources)
        StringBuilder sb = new StringBuilder("only ");
        for (int i = 0; i < caps.size(); i++) sb.append(i == 0 ? "" : " and ").append(word(caps.get(i)));
        return sb.toString();
    }
}
