package dev.bucketscope.bench;

import dev.bucketscope.core.LintRun;
import dev.bucketscope.core.RuleCatalog;
import dev.bucketscope.core.Severity;
import dev.bucketscope.rules.BuiltinRules;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Time of single rules over a repository in a warm JVM: a lint run with only that rule on, minus
 * a run with every rule off (reading and parsing), taken in alternation so that both see the same
 * JIT state. {@code RuleTimes DIR RULE…}; after 5 warm-up rounds of every variant, the median of
 * 7 paired differences, in milliseconds.
 */
public final class RuleTimes {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        RuleCatalog catalog = new RuleCatalog(BuiltinRules.all());
        for (int round = 0; round < 5; round++) {
            time(dir, catalog, null);
            for (int i = 1; i < args.length; i++) time(dir, catalog, args[i]);
        }
        List<Double> base = new ArrayList<>();
        List<List<Double>> diffs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) diffs.add(new ArrayList<>());
        for (int round = 0; round < 7; round++) {
            for (int i = 1; i < args.length; i++) {
                double none = time(dir, catalog, null);
                base.add(none);
                diffs.get(i - 1).add(time(dir, catalog, args[i]) - none);
            }
        }
        System.out.printf(Locale.ROOT, "| rule | ms (median of 7 paired differences, warm) | findings |%n|---|---|---|%n");
        System.out.printf(Locale.ROOT, "| (all rules off: discovery, parsing, inventory) | %.1f | 0 |%n", median(base));
        for (int i = 1; i < args.length; i++) {
            double d = median(diffs.get(i - 1));
            // A rule cheaper than the run-to-run noise of the base run can come out negative.
            String ms = d > 0 ? String.format(Locale.ROOT, "%.1f", d) : "below noise (" + String.format(Locale.ROOT, "%+.1f", d) + ")";
            System.out.printf(Locale.ROOT, "| %s | %s | %d |%n", args[i], ms, findings(dir, catalog, args[i]));
        }
    }

    private static double time(Path dir, RuleCatalog catalog, String only) throws Exception {
        long t0 = System.nanoTime();
        LintRun.run(options(dir, catalog, only), catalog);
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> t = new ArrayList<>(values);
        t.sort(null);
        return t.get(t.size() / 2);
    }

    private static LintRun.Options options(Path dir, RuleCatalog catalog, String only) {
        Map<String, Severity> sev = new HashMap<>();
        for (String id : catalog.ids()) sev.put(id, id.equals(only) ? Severity.WARNING : Severity.OFF);
        return new LintRun.Options(List.of(dir), dir, Optional.empty(), Optional.empty(), sev, LocalDate.of(2026, 6, 1),
                Set.of(), "");
    }

    private static int findings(Path dir, RuleCatalog catalog, String only) throws Exception {
        return LintRun.run(options(dir, catalog, only), catalog).findings().size();
    }
}
