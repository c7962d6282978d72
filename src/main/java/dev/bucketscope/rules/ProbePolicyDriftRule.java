package dev.bucketscope.rules;

import dev.bucketscope.core.DeployedPolicy;
import dev.bucketscope.core.Finding;
import dev.bucketscope.core.ProbeContext;
import dev.bucketscope.core.ProbeObservation;
import dev.bucketscope.core.ProbeRule;
import dev.bucketscope.dialect.Capability;
import dev.bucketscope.eval.AccessMap;
import dev.bucketscope.inventory.BucketGrant;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.policy.Policy;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server's answers differ from what the repository's policy predicts under the inventory's
 * dialect, or the policy document deployed on the server (read through the admin API) differs
 * in meaning from the repository's: the deployed policy is not the one in git.
 */
public final class ProbePolicyDriftRule implements ProbeRule {
    @Override
    public void check(ProbeContext ctx) {
        for (Component c : ctx.inventory().components()) {
            if (ctx.authRefused(c)) continue;
            Optional<AccessMap> access = ctx.access(c);
            if (access.isEmpty()) continue;
            observed(ctx, c, access.get());
            ctx.deployed(c).ifPresent(d -> deployed(ctx, c, access.get(), d));
        }
    }

    /** Observations the repository's policy does not predict, one finding per bucket. */
    private static void observed(ProbeContext ctx, Component c, AccessMap access) {
        for (Map.Entry<String, List<ProbeObservation>> e : ProbeFacts.conclusiveByBucket(ctx, c).entrySet()) {
            String bucket = e.getKey();
            List<ProbeObservation> unexpectedAllow = new ArrayList<>();
            List<ProbeObservation> unexpectedDeny = new ArrayList<>();
            for (ProbeObservation o : e.getValue()) {
                boolean predicted = ProbeFacts.predicted(access, bucket, o.capability());
                boolean allowed = o.outcome() == ProbeObservation.Outcome.ALLOWED;
                if (allowed && !predicted) unexpectedAllow.add(o);
                if (!allowed && predicted) unexpectedDeny.add(o);
            }
            if (unexpectedAllow.isEmpty() && unexpectedDeny.isEmpty()) continue;
            List<String> parts = new ArrayList<>();
            if (!unexpectedAllow.isEmpty()) {
                parts.add("allowed " + ProbeFacts.capabilities(unexpectedAllow) + ", which the repository's policy does not grant");
            }
            if (!unexpectedDeny.isEmpty()) {
                parts.add("denied " + ProbeFacts.capabilities(unexpectedDeny) + ", which the repository's policy grants");
            }
            List<ProbeObservation> all = new ArrayList<>(unexpectedAllow);
            all.addAll(unexpectedDeny);
            ctx.report(ctx.policyLocation(c), "on bucket '" + bucket + "' the server " + String.join(" and ", parts)
                            + " to '" + c.id() + "' (observed: " + ProbeFacts.evidence(all) + "): the deployed policy is not the one in git",
                    c, ProbeFacts.statements(ctx, c, unexpectedDeny, "the repository's statement the server does not apply"));
        }
    }

    /** The deployed documents against the repository's, compared by what they grant on every known bucket. */
    private static void deployed(ProbeContext ctx, Component c, AccessMap repo, DeployedPolicy d) {
        if (d.problem().isPresent()) return;
        List<Policy> docs = d.documents().stream().map(PolicyFile::policy).flatMap(Optional::stream).toList();
        AccessMap server = new AccessMap(ctx.evaluator(), docs);
        Set<String> buckets = new LinkedHashSet<>();
        for (Component other : ctx.inventory().components()) {
            for (BucketGrant b : other.buckets()) buckets.add(b.name());
        }
        for (ProbeObservation o : ctx.observations(c)) buckets.add(o.bucket());
        List<String> broader = new ArrayList<>();
        List<String> narrower = new ArrayList<>();
        Set<String> serverStatements = new LinkedHashSet<>();
        Set<Statement> repoStatements = new LinkedHashSet<>();
        for (String bucket : buckets) {
            for (Capability cap : ProbeObservation.PROBED) {
                Optional<AccessMap.Grant> s = server.granted(bucket, cap);
                Optional<AccessMap.Grant> r = repo.granted(bucket, cap);
                if (s.isPresent() && r.isEmpty()) {
                    broader.add(ProbeObservation.name(cap) + " on '" + bucket + "'");
                    s.get().outcome().statement().ifPresent(st -> serverStatements.add(
                            s.get().outcome().policy().map(p -> p.file() + ":").orElse("") + st.label()));
                } else if (s.isEmpty() && r.isPresent()) {
                    narrower.add(ProbeObservation.name(cap) + " on '" + bucket + "'");
                    r.get().outcome().statement().ifPresent(repoStatements::add);
                }
            }
        }
        if (broader.isEmpty() && narrower.isEmpty()) return;
        String names = d.names().isEmpty() ? "no policy" : "'" + String.join(", ", d.names()) + "'";
        List<String> parts = new ArrayList<>();
        if (!broader.isEmpty()) {
            parts.add("it grants " + String.join(", ", broader) + " that the repository's does not (deployed statements: "
                    + String.join(", ", serverStatements) + ")");
        }
        if (!narrower.isEmpty()) {
            List<String> labels = repoStatements.stream().map(Statement::label).toList();
            parts.add("it lacks " + String.join(", ", narrower) + " that the repository's grants (repository statements: "
                    + String.join(", ", labels) + ")");
        }
        String file = ctx.policy(c).map(PolicyFile::file).orElse("");
        List<Finding.Related> related = new ArrayList<>();
        for (Statement st : repoStatements) {
            related.add(ctx.related(file, st.span(), st.pointer(), "the repository's statement missing on the server (" + st.label() + ")"));
        }
        ctx.report(ctx.policyLocation(c), "the policy deployed for '" + c.id() + "' (" + names + ") differs from the repository's: "
                + String.join("; ", parts), c, related);
    }
}
