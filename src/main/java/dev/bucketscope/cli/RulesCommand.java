package dev.bucketscope.cli;

import dev.bucketscope.core.RuleCatalog;
import dev.bucketscope.rules.BuiltinRules;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rules}: the catalogue, one rule per line. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List every rule with its default severity and summary.")
final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RuleCatalog catalog = new RuleCatalog(BuiltinRules.all());
        int width = catalog.ids().stream().mapToInt(String::length).max().orElse(10);
        for (RuleCatalog.Entry e : catalog.entries()) {
            out.printf("%-" + width + "s  %-7s  %s%n", e.meta().id(), e.meta().severity().word(), e.meta().summary());
        }
        return ExitCode.OK.code();
    }
}
