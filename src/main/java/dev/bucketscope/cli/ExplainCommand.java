package dev.bucketscope.cli;

import dev.bucketscope.core.RuleCatalog;
import dev.bucketscope.rules.BuiltinRules;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code explain RULE-ID}: the rule's documentation. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Print a rule's documentation: why, bad, good, how to fix.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RULE-ID", description = "A rule id, as listed by 'bucketscope rules'.")
    String id;

    @Override
    public Integer call() throws UsageException {
        PrintWriter out = spec.commandLine().getOut();
        RuleCatalog catalog = new RuleCatalog(BuiltinRules.all());
        RuleCatalog.Entry e = catalog.find(id).orElseThrow(() -> new UsageException("unknown rule '" + id + "'"
                + nearest(catalog).map(n -> "; did you mean '" + n + "'?").orElse("") + " ('bucketscope rules' lists them)"));
        out.println(e.meta().id() + " (" + e.meta().severity().word() + "): " + e.meta().summary());
        out.println();
        out.print(e.meta().body());
        return ExitCode.OK.code();
    }

    private java.util.Optional<String> nearest(RuleCatalog catalog) {
        return catalog.ids().stream().filter(i -> i.contains(id) || id.contains(i)).findFirst();
    }
}
