package dev.bucketscope.rules;

import dev.bucketscope.core.PolicyContext;
import dev.bucketscope.core.PolicyRule;
import dev.bucketscope.dialect.ActionCheck;
import dev.bucketscope.dialect.ActionFamily;
import dev.bucketscope.dialect.ActionInfo;
import dev.bucketscope.dialect.Capability;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.dialect.Quirk;
import dev.bucketscope.policy.Statement;
import dev.bucketscope.policy.Value;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reports Allow Action values that are wildcards the dialect accepts, listing what they expand to:
 * the dangerous members of a family star, every member of a partial wildcard such as {@code s3:Get*}.
 */
public final class WildcardActionRule implements PolicyRule {
    private static final int SHOWN = 8;

    @Override
    public void check(PolicyContext ctx) {
        Dialect d = ctx.dialect();
        for (Statement st : AllowedActions.statements(ctx)) {
            for (Value v : st.actions()) {
                if (d.checkAction(v.text()).status() != ActionCheck.Status.WILDCARD) continue;
                List<ActionInfo> granted = d.expand(v.text());
                String on = AllowedActions.resources(st);
                String message = AllowedActions.isFamilyStar(v.text())
                        ? familyStar(v.text(), granted, on, d)
                        : "Action '" + v.text() + "' grants " + granted.size() + " " + d.displayName() + " actions on " + on
                                + ": " + flagged(granted);
                ctx.report(v.span(), v.pointer(), message);
            }
        }
    }

    private static String familyStar(String value, List<ActionInfo> granted, String on, Dialect d) {
        String what;
        if (value.equals("*") && d.has(Quirk.STAR_ACTION_IS_S3_ONLY)) {
            what = "means s3:* on " + d.displayName() + ": it grants all " + granted.size() + " S3 actions (no admin:, kms: or sts:)";
        } else if (value.equals("*")) {
            what = "grants all " + granted.size() + " " + d.displayName() + " actions, admin:, kms: and sts: included,";
        } else {
            Optional<ActionFamily> f = ActionFamily.of(value); // no lambda: see InventoryContext.Linted#of
            String family = f.isEmpty() ? value : f.get().name().equals("S3") ? "S3" : f.get().prefix();
            what = "grants all " + granted.size() + " " + family + " actions";
        }
        List<String> risky = AllowedActions.dangerousFirst(granted);
        String including = risky.isEmpty() ? "" : ", including " + AllowedActions.names(risky, SHOWN);
        return "Action '" + value + "' " + what + " on " + on + including;
    }

    /** The action's name, with its class when it does more than list or read. */
    private static String flagged(ActionInfo a) {
        boolean more = a.capability() == Capability.WRITE || a.capability() == Capability.DELETE
                || a.capability() == Capability.MANAGEMENT || a.capability() == Capability.ADMIN;
        return more ? a.name() + " (" + a.capability().name().toLowerCase(Locale.ROOT) + ")" : a.name();
    }

    private static String flagged(List<ActionInfo> granted) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < granted.size(); i++) sb.append(i == 0 ? "" : ", ").append(flagged(granted.get(i)));
        return sb.toString();
    }
}
