package dev.bucketscope.cli;

import dev.bucketscope.core.AccessMatrix;
import dev.bucketscope.core.Workspace;
import dev.bucketscope.report.MatrixFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code matrix}: components × buckets, declared versus granted. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = {"Show who can do what on which bucket: declared versus granted capabilities per component.",
                "L list, R read, W write, D delete, M management; +X granted but not declared, -X declared but not granted."})
final class MatrixCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOptions workspace;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, markdown, html or mermaid. Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() throws UsageException {
        Workspace ws = workspace.load();
        AccessMatrix m = AccessMatrix.of(ws);
        String rendered = switch (format) {
            case "text" -> MatrixFormat.text(m);
            case "markdown" -> MatrixFormat.markdown(m);
            case "html" -> MatrixFormat.html(m);
            case "mermaid" -> MatrixFormat.mermaid(m);
            default -> throw new UsageException("--format takes text, markdown, html or mermaid, not '" + format + "'");
        };
        Output.write(rendered, workspace.output, spec.commandLine().getOut());
        return ExitCode.OK.code();
    }
}
