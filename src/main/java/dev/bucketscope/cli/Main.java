package dev.bucketscope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The bucketscope command line. {@link #run} is the whole program and returns the exit code, so
 * tests drive it in-process; only {@link #main} exits.
 */
@Command(name = "bucketscope",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Least-privilege linter for the IAM policies of S3-compatible object stores (RustFS, MinIO, AWS S3).",
        subcommands = {LintCommand.class, ProbeCommand.class, MatrixCommand.class, SimulateCommand.class, GenerateCommand.class, RulesCommand.class,
                ExplainCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @Option(names = "--debug", description = "Show stack traces for internal errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        PrintWriter out = new StdoutWriter(System.out);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line; returns the exit code. Never throws for bad input. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Optional<LintFastPath.Parsed> lint = LintFastPath.parse(args);
        if (lint.isEmpty()) return runWithPicocli(out, err, args);
        int code;
        try {
            code = lint.get().command().run(out, err);
        } catch (Exception e) {
            code = failed(e, lint.get().debug(), err);
        }
        out.flush();
        err.flush();
        return code;
    }

    /** Runs one command line through picocli, as {@link #run} does with all but plain {@code lint} lines. */
    static int runWithPicocli(PrintWriter out, PrintWriter err, String... args) {
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The picocli model of the whole command line, with bucketscope's exit codes and error handling. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Exit codes are listed from the enum, the one place they are defined.
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        for (ExitCode c : ExitCode.values()) codes.put(Integer.toString(c.code()), c.meaning());
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("bucketscope: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE.code();
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, parseResult.hasMatchedOption("--debug")
                || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug")), err));
        return cl;
    }

    /** A command that threw: a usage error is one line; anything else is an internal error, with its trace under --debug. */
    private static int failed(Exception ex, boolean debug, PrintWriter err) {
        if (ex instanceof UsageException) {
            err.println("bucketscope: " + ex.getMessage());
            return ExitCode.USAGE.code();
        }
        err.println("bucketscope: internal error: " + ex + " (rerun with --debug for details; please report it)");
        if (debug) ex.printStackTrace(err);
        return ExitCode.USAGE.code();
    }

    /** Reads the version Maven wrote into the jar at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"bucketscope " + version()};
        }

        static String version() {
            return build().getProperty("version", "unknown");
        }

        /** The project's home page (the POM's url). */
        static String url() {
            return build().getProperty("url", "https://github.com/bucketscope/bucketscope");
        }

        private static Properties build() {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/bucketscope-version.properties")) {
                if (in != null) p.load(in);
            } catch (IOException e) {
                // fall through to the defaults: a missing build file must not stop the tool
            }
            return p;
        }
    }
}
