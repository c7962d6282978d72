package dev.bucketscope.cli;

import dev.bucketscope.core.LintRun;
import dev.bucketscope.core.Workspace;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.inventory.PolicyGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code generate}: the least-privilege policy a component's declaration calls for. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Print the least-privilege policy for a component (or for each) under the inventory's dialect.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Directory holding bucketscope.yaml (default: .).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--inventory", paramLabel = "FILE", description = "The inventory (default: bucketscope.yaml under PATH).")
    Path inventory;

    @Option(names = "--dialect", paramLabel = "D", description = "Override the inventory's server.dialect.")
    String dialectName;

    @Option(names = "--component", paramLabel = "NAME", description = "Only this component (default: every component, each under a heading).")
    String component;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws UsageException {
        Workspace ws;
        try {
            ws = Workspace.load(paths, Path.of("").toAbsolutePath(), Optional.ofNullable(inventory), Optional.ofNullable(dialectName));
        } catch (LintRun.ConfigException e) {
            throw new UsageException(e.getMessage());
        }
        String rendered;
        if (component != null) {
            Component c = ws.inventory().component(component).orElseThrow(() -> new UsageException("no component '" + component
                    + "' in " + ws.inventory().file() + "; it has: "
                    + String.join(", ", ws.inventory().components().stream().map(Component::id).toList())));
            rendered = PolicyGenerator.generate(c, ws.dialect());
        } else {
            StringBuilder sb = new StringBuilder();
            for (Component c : ws.inventory().components()) {
                sb.append("# ").append(c.id()).append(c.policy().map(p -> " -> " + p.text()).orElse("")).append('\n');
                sb.append(PolicyGenerator.generate(c, ws.dialect())).append('\n');
            }
            rendered = sb.toString();
        }
        Output.write(rendered, output, spec.commandLine().getOut());
        return ExitCode.OK.code();
    }
}
