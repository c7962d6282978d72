package dev.bucketscope.rules;

import dev.bucketscope.core.ProbeContext;
import dev.bucketscope.core.ProbeObservation;
import dev.bucketscope.core.ProbeRule;
import dev.bucketscope.inventory.Component;
import java.util.List;
import java.util.stream.Collectors;

/** The server refused the component's credentials (unknown key, bad signature, disabled user). */
public final class ProbeAuthFailedRule implements ProbeRule {
    @Override
    public void check(ProbeContext ctx) {
        for (Component c : ctx.inventory().components()) {
            List<ProbeObservation> refused = ctx.observations(c).stream().filter(ProbeObservation::authRefused).toList();
            if (refused.isEmpty()) continue;
            String codes = refused.stream().map(ProbeObservation::evidence).distinct().collect(Collectors.joining(", "));
            ctx.report(ctx.componentLocation(c), "the server refused the credentials of '" + c.id() + "' (" + codes
                    + "): its access was not probed; check the key pair the deployment uses", c, List.of());
        }
    }
}
