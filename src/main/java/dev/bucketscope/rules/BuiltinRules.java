package dev.bucketscope.rules;

import dev.bucketscope.core.Rule;
import java.util.List;

/** Every rule bucketscope ships, in catalogue order (the order of the rule tables in the product page). */
public final class BuiltinRules {
    private BuiltinRules() {}

    public static List<Rule> all() {
        return List.of(
                // Will the server accept and read it as written?
                new InvalidJsonRule(),
                new InvalidPolicyRule(),
                new UnknownActionRule(),
                new UnsupportedWildcardRule(),
                new InvalidResourceRule(),
                new UnsupportedConditionRule(),
                new MixedActionFamiliesRule(),
                // Least privilege, policy alone
                new WildcardActionRule(),
                new WildcardResourceRule(),
                new AdminActionRule(),
                new BucketManagementRule(),
                new ListAllBucketsRule(),
                new AllowNotActionRule(),
                new AllowNotResourceRule(),
                new ObjectWildcardGrantsBucketRule(),
                new IneffectiveGrantRule(),
                new RedundantGrantRule(),
                // Against the inventory
                new ScopeDriftRule(),
                new CrossComponentAccessRule(),
                new OverlappingScopesRule(),
                new UndeclaredWriteRule(),
                new UndeclaredDeleteRule(),
                new UndeclaredReadRule(),
                new MissingPermissionRule(),
                new UndeclaredBucketRule(),
                new InventoryReferenceRule(),
                new UnownedPolicyRule(),
                new SharedCredentialsRule(),
                new PlaintextSecretRule(),
                new NamingConventionRule(),
                new ExpiredExceptionRule(),
                // Live probe (only from `probe`: these need the server's answers)
                new ProbeExcessAccessRule(),
                new ProbeMissingAccessRule(),
                new ProbePolicyDriftRule(),
                new ProbeAuthFailedRule());
    }
}
