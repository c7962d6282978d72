package dev.bucketscope.rules;

import dev.bucketscope.core.PolicyContext;
import dev.bucketscope.core.PolicyRule;
import dev.bucketscope.dialect.ActionInfo;
import dev.bucketscope.policy.Statement;
import dev.bucketscope.policy.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reports Allow Action values that name actions changing a bucket's existence, access, protection or
 * configuration (see {@link AllowedActions#changesConfiguration}). Family stars are left to
 * wildcard-action; partial wildcards such as {@code s3:Put*} are reported with what they include.
 */
public final class BucketManagementRule implements PolicyRule {
    private static final int SHOWN = 6;

    @Override
    public void check(PolicyContext ctx) {
        List<Statement> statements = AllowedActions.statements(ctx);
        for (int i = 0; i < statements.size(); i++) {
            Statement st = statements.get(i);
            List<Value> actions = st.actions();
            for (int j = 0; j < actions.size(); j++) {
                Value v = actions.get(j);
                if (AllowedActions.isFamilyStar(v.text())) continue;
                List<ActionInfo> granted = ctx.dialect().expand(v.text());
                List<ActionInfo> changes = new java.util.ArrayList<>();
                for (int k = 0; k < granted.size(); k++) {
                    ActionInfo a = granted.get(k);
                    if (AllowedActions.changesConfiguration(a)) changes.add(a);
                }
                if (changes.isEmpty()) continue;
                String message = granted.size() == 1 && changes.get(0).name().equalsIgnoreCase(v.text())
                        ? "Action '" + v.text() + "' lets the application " + effect(changes.get(0).name())
                        : "Action '" + v.text() + "' grants " + changes.size() + " bucket-management actions: "
                                + AllowedActions.names(withEffects(changes), SHOWN);
                ctx.report(v.span(), v.pointer(), message);
            }
        }
    }

    /** What the action lets its holder do, in a few words; the first matching keyword decides. */
    static String effect(String action) {
        String n = action.substring(action.indexOf(':') + 1).toLowerCase(Locale.ROOT);
        if (n.equals("createbucket")) return "create buckets";
        if (n.equals("deletebucket")) return "delete buckets";
        if (n.equals("forcedeletebucket")) return "delete buckets together with every object in them";
        if (n.startsWith("bypassgovernance")) return "delete objects that governance retention protects";
        if (n.contains("policy")) return "change who may access the bucket through its policy";
        if (n.contains("acl") || n.contains("ownershipcontrols") || n.contains("owneroverride")) return "grant others access through ACLs and ownership";
        if (n.contains("lifecycle")) return "make the server expire and delete objects";
        if (n.contains("versioning")) return "suspend versioning, so overwritten and deleted objects are lost";
        if (n.contains("replicat")) return "copy the bucket's data to or from another server";
        if (n.contains("objectlock") || n.contains("retention") || n.contains("legalhold")) return "change the object-lock protection of data";
        if (n.contains("encryption")) return "change how the bucket's data is encrypted";
        if (n.contains("cors")) return "let scripts from other web sites reach the bucket";
        if (n.contains("publicaccessblock") || n.contains("website")) return "expose the bucket to anonymous access";
        if (n.contains("tagging") || n.contains("tagresource")) return "change the bucket's tags, which other policies may rely on";
        if (n.contains("notification")) return "send the bucket's events to other targets";
        if (n.startsWith("restore")) return "restore archived objects, changing their storage";
        return "change the bucket's configuration";
    }

    /** "s3:PutBucketPolicy (…)" for each action (a loop: no lambda on a lint run's path, see core.Parallel's Daemon). */
    private static List<String> withEffects(List<ActionInfo> actions) {
        List<String> out = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) out.add(actions.get(i).name() + " (" + effect(actions.get(i).name()) + ")");
        return out;
    }
}
