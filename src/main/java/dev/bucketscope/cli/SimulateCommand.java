package dev.bucketscope.cli;

import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.dialect.UnknownDialectException;
import dev.bucketscope.eval.ConditionContext;
import dev.bucketscope.eval.Decision;
import dev.bucketscope.eval.Evaluator;
import dev.bucketscope.eval.Outcome;
import dev.bucketscope.eval.Request;
import dev.bucketscope.policy.Policy;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.policy.Statement;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code simulate}: would the server allow this request under these policies, and which statement decides. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Evaluate one request against a user's policies as the server would.",
                "Prints ALLOW or DENY (explicit/implicit) and the deciding statement as file:line:col Sid.",
                "Exit 0 allowed, 1 denied, 2 usage error or a policy the dialect rejects."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "FILE",
            description = "A policy attached to the user; repeat for several (they are merged as the server merges them).")
    List<Path> policies;

    @Option(names = "--action", required = true, paramLabel = "ACTION", description = "The requested action, e.g. s3:GetObject.")
    String action;

    @Option(names = "--resource", paramLabel = "ARN",
            description = "arn:aws:s3:::BUCKET for bucket-level actions, arn:aws:s3:::BUCKET/KEY for object-level ones; omit for ListAllMyBuckets and admin actions.")
    String resource;

    @Option(names = "--dialect", paramLabel = "D", defaultValue = "rustfs",
            description = "rustfs (newest known), rustfs@VERSION (e.g. rustfs@1.0.0-alpha.78), minio or aws. Default: ${DEFAULT-VALUE}.")
    String dialectName;

    @Option(names = "--context", paramLabel = "KEY=VALUE",
            description = "A condition value of the request, e.g. aws:SourceIp=10.0.0.1; repeat a key for several values.")
    List<String> context = new ArrayList<>();

    @Override
    public Integer call() throws UsageException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dialect dialect = DialectOption.parse(dialectName);
        dialect.warning().ifPresent(w -> err.println("bucketscope: warning: " + w));
        Request request;
        try {
            request = Request.of(dialect, action, resource);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<Policy> loaded = new ArrayList<>();
        for (Path p : policies) {
            PolicyFile file = PolicyFile.load(p, p.toString(), dialect);
            Optional<String> rejection = file.rejection();
            if (rejection.isPresent()) {
                throw new UsageException(rejection.get() + " (" + dialect.displayName() + " rejects this policy)");
            }
            loaded.add(file.policy().orElseThrow());
        }
        Outcome outcome = new Evaluator(dialect).evaluate(loaded, request, context());
        out.println(describe(outcome, request));
        return outcome.allowed() ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
    }

    private ConditionContext context() throws UsageException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String kv : context) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new UsageException("--context takes KEY=VALUE, not '" + kv + "'");
            values.computeIfAbsent(kv.substring(0, eq), k -> new ArrayList<>()).add(kv.substring(eq + 1));
        }
        return new ConditionContext(values);
    }

    private String describe(Outcome outcome, Request request) {
        String what = request.action().name() + (resource == null ? "" : " on " + resource);
        if (outcome.decision() == Decision.IMPLICIT_DENY) {
            return "DENY implicit: no statement allows " + what;
        }
        Statement st = outcome.statement().orElseThrow();
        String where = outcome.policy().orElseThrow().file() + ":" + st.span().line() + ":" + st.span().column()
                + " " + st.label();
        return outcome.decision() == Decision.ALLOW
                ? "ALLOW " + what + " by " + where
                : "DENY explicit: " + what + " denied by " + where;
    }
}
