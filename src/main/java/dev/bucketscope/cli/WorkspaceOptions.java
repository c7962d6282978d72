package dev.bucketscope.cli;

import dev.bucketscope.core.LintRun;
import dev.bucketscope.core.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of commands that work on an inventory rather than lint it ({@code matrix}, {@code generate}). */
final class WorkspaceOptions {
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Directory holding bucketscope.yaml (default: .).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--inventory", paramLabel = "FILE", description = "The inventory (default: bucketscope.yaml under PATH).")
    Path inventory;

    @Option(names = "--dialect", paramLabel = "D", description = "Override the inventory's server.dialect.")
    String dialectName;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    Workspace load() throws UsageException {
        try {
            return Workspace.load(paths, Path.of("").toAbsolutePath(), Optional.ofNullable(inventory), Optional.ofNullable(dialectName));
        } catch (LintRun.ConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
