package dev.bucketscope.rules;

import dev.bucketscope.core.Finding;
import dev.bucketscope.core.ProbeContext;
import dev.bucketscope.core.ProbeObservation;
import dev.bucketscope.dialect.Capability;
import dev.bucketscope.eval.AccessMap;
import dev.bucketscope.inventory.Component;
import dev.bucketscope.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Shared by the probe rules: observations grouped by bucket, evidence text, the granting statement. */
final class ProbeFacts {
    private ProbeFacts() {}

    /** The component's conclusive observations (allowed or denied), grouped by bucket in order. */
    static Map<String, List<ProbeObservation>> conclusiveByBucket(ProbeContext ctx, Component c) {
        Map<String, List<ProbeObservation>> out = new LinkedHashMap<>();
        for (ProbeObservation o : ctx.observations(c)) {
            if (o.outcome() == ProbeObservation.Outcome.INCONCLUSIVE) continue;
            out.computeIfAbsent(o.bucket(), k -> new ArrayList<>()).add(o);
        }
        return out;
    }

    /** "list, write" */
    static String capabilities(List<ProbeObservation> obs) {
        return obs.stream().map(o -> ProbeObservation.name(o.capability())).collect(Collectors.joining(", "));
    }

    /** "list 200, write 400 BadDigest (put-bad-content-md5)" */
    static String evidence(List<ProbeObservation> obs) {
        return obs.stream().map(o -> ProbeObservation.name(o.capability()) + " " + o.evidence()
                + (o.technique().isEmpty() ? "" : " (" + o.technique() + ")")).collect(Collectors.joining(", "));
    }

    /** The repository statement that grants the capability on the bucket, when the policy grants it. */
    static Optional<Statement> grantingStatement(ProbeContext ctx, Component c, String bucket, Capability cap) {
        return ctx.access(c).flatMap(a -> a.granted(bucket, cap)).flatMap(g -> g.outcome().statement());
    }

    static boolean predicted(AccessMap access, String bucket, Capability cap) {
        return access.granted(bucket, cap).isPresent();
    }

    /** Related locations: each distinct repository statement that grants one of the observations' capabilities. */
    static List<Finding.Related> statements(ProbeContext ctx, Component c, List<ProbeObservation> obs, String note) {
        List<Finding.Related> out = new ArrayList<>();
        List<Statement> seen = new ArrayList<>();
        for (ProbeObservation o : obs) {
            Optional<Statement> st = grantingStatement(ctx, c, o.bucket(), o.capability());
            if (st.isEmpty() || seen.contains(st.get())) continue;
            seen.add(st.get());
            String file = ctx.policy(c).map(p -> p.file()).orElse("");
            out.add(ctx.related(file, st.get().span(), st.get().pointer(), note + " (" + st.get().label() + ")"));
        }
        return out;
    }
}
