package dev.bucketscope.cli;

import dev.bucketscope.core.AccessMatrix;
import dev.bucketscope.core.LintRun;
import dev.bucketscope.core.Workspace;
import dev.bucketscope.report.MatrixFormat;
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

/** {@code matrix}: components × buckets, declared versus granted. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = {"Show who can do what on which bucket: declared versus granted capabilities per component.",
                "L list, R read, W write, D delete, M management; +X granted but not declared, -X declared but not granted."})
final class MatrixCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Directory holding bucketscope.yaml (default: .).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--inventory", paramLabel = "FILE", description = "The inventory (default: bucketscope.yaml under PATH).")
    Path inventory;

    @Option(names = "--dialect", paramLabel = "D", description = "Override the inventory's server.dialect.")
    String dialectName;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, markdown, html or mermaid. Default: ${DEFAULT-VALUE}.")
    String format;

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
        AccessMatrix m = AccessMatrix.of(ws);
        String rendered = switch (format) {
            case "text" -> MatrixFormat.text(m);
            case "markdown" -> MatrixFormat.markdown(m);
            case "html" -> MatrixFormat.html(m);
            case "mermaid" -> MatrixFormat.mermaid(m);
            default -> throw new UsageException("--format takes text, markdown, html or mermaid, not '" + format + "'");
        };
        Output.write(rendered, output, spec.commandLine().getOut());
        return ExitCode.OK.code();
    }
}
