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
 * a run with every rule off (reading and parsing). {@code RuleTimes DIR RULE…}; median of 7 runs
 * after 3 warm-up runs, in milliseconds.
 */
public final class RuleTimes {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        RuleCatalog catalog = new RuleCatalog(BuiltinRules.all());
        double none = median(dir, catalog, null);
        System.out.printf(Locale.ROOT, "| rule | ms (median of 7, warm) | findings |%n|---|---|---|%n");
        System.out.printf(Locale.ROOT, "| (all rules off: discovery, parsing, inventory) | %.1f | 0 |%n", none);
        for (int i = 1; i < args.length; i++) {
            double t = median(dir, catalog, args[i]);
            // A rule cheaper than the run-to-run noise of the base run can come out negative.
            String ms = t - none > 0 ? String.format(Locale.ROOT, "%.1f", t - none) : "below noise (" + String.format(Locale.ROOT, "%+.1f", t - none) + ")";
            System.out.printf(Locale.ROOT, "| %s | %s | %d |%n", args[i], ms, findings(dir, catalog, args[i]));
        }
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

    private static double median(Path dir, RuleCatalog catalog, String only) throws Exception {
        for (int i = 0; i < 3; i++) LintRun.run(options(dir, catalog, only), catalog);
        List<Double> t = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long t0 = System.nanoTime();
            LintRun.run(options(dir, catalog, only), catalog);
            t.add((System.nanoTime() - t0) / 1e6);
        }
        t.sort(null);
        return t.get(t.size() / 2);
    }
}
