package dev.bucketscope.cli;

import dev.bucketscope.core.Workspace;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.inventory.PolicyGenerator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code generate}: the least-privilege policy a component's declaration calls for. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Print the least-privilege policy for a component (or for each) under the inventory's dialect.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOptions workspace;

    @Option(names = "--component", paramLabel = "NAME", description = "Only this component (default: every component, each under a heading).")
    String component;

    @Override
    public Integer call() throws UsageException {
        Workspace ws = workspace.load();
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
        Output.write(rendered, workspace.output, spec.commandLine().getOut());
        return ExitCode.OK.code();
    }
}
