package dev.bucketscope.bench.jmh;

import dev.bucketscope.core.Finding;
import dev.bucketscope.core.Linter;
import dev.bucketscope.core.RuleCatalog;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.eval.Evaluator;
import dev.bucketscope.eval.Outcome;
import dev.bucketscope.eval.Request;
import dev.bucketscope.glob.Glob;
import dev.bucketscope.glob.PatternAlgebra;
import dev.bucketscope.policy.Policy;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.rules.BuiltinRules;
import dev.bucketscope.source.JsonReader;
import dev.bucketscope.source.Parsed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Micro-benchmarks of the hot paths of a lint run, in a warm JVM: reading one policy, deciding
 * one request, the pattern algebra's two questions, and one policy through every policy rule.
 * Run with {@code bench/jmh.sh}; never part of {@code mvn verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HotPaths {
    /** The Langfuse policy of the setup pattern, with a management statement and a Deny added. */
    static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "ReadWrite",
                  "Effect": "Allow",
                  "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"],
                  "Resource": ["arn:aws:s3:::langfuse-*", "arn:aws:s3:::langfuse-*/*"]
                },
                {
                  "Sid": "Lifecycle",
                  "Effect": "Allow",
                  "Action": ["s3:PutBucketLifecycle", "s3:GetBucketLifecycle"],
                  "Resource": ["arn:aws:s3:::langfuse-events"]
                },
                {
                  "Sid": "KeepMedia",
                  "Effect": "Deny",
                  "Action": ["s3:DeleteObject"],
                  "Resource": ["arn:aws:s3:::langfuse-media/*"]
                }
              ]
            }
            """;

    Dialect dialect;
    Evaluator evaluator;
    List<Policy> policies;
    Request request;
    PolicyFile file;
    Linter linter;
    Glob scope;
    Glob resource;
    Glob otherScope;

    @Setup
    public void setUp() throws Exception {
        dialect = Dialect.parse("rustfs@1.0.0-alpha.78");
        evaluator = new Evaluator(dialect);
        file = PolicyFile.fromText(POLICY, "langfuse-storage.json", dialect, List.of());
        policies = List.of(file.policy().orElseThrow());
        request = Request.of(dialect, "s3:DeleteObject", "arn:aws:s3:::langfuse-media/trace/2026/11/30.json");
        linter = new Linter(new RuleCatalog(BuiltinRules.all()), Map.of());
        scope = Glob.of("langfuse-*");
        resource = Glob.of("lang*");
        otherScope = Glob.of("lang*-cache");
    }

    @Benchmark
    public Parsed parsePolicy() {
        return JsonReader.parse(POLICY);
    }

    @Benchmark
    public Outcome evaluateRequest() {
        return evaluator.evaluate(policies, request);
    }

    @Benchmark
    public Optional<String> inclusionCounterexample() {
        return PatternAlgebra.counterexample(scope, resource);
    }

    @Benchmark
    public Optional<String> intersectionWitness() {
        return PatternAlgebra.witnessIn(scope, otherScope);
    }

    @Benchmark
    public List<Finding> lintPolicyAllRules() {
        return linter.lint(file, dialect, evaluator);
    }

    /** One policy rule at a time: which rules a lint run's time goes to. */
    @State(Scope.Benchmark)
    public static class OneRule {
        @org.openjdk.jmh.annotations.Param({"invalid-json", "invalid-policy", "unknown-action", "unsupported-wildcard",
                "invalid-resource", "unsupported-condition", "mixed-action-families", "wildcard-action", "wildcard-resource",
                "admin-action", "bucket-management", "list-all-buckets", "allow-not-action", "allow-not-resource",
                "object-wildcard-grants-bucket", "ineffective-grant", "redundant-grant"})
        public String rule;

        Linter linter;

        @Setup
        public void setUp() {
            linter = new Linter(new RuleCatalog(BuiltinRules.all().stream().filter(r -> r.id().equals(rule)).toList()), Map.of());
        }
    }

    @Benchmark
    public List<Finding> lintPolicyOneRule(OneRule one) {
        return one.linter.lint(file, dialect, evaluator);
    }
}
