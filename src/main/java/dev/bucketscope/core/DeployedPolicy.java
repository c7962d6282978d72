package dev.bucketscope.core;

import dev.bucketscope.policy.PolicyFile;
import java.util.List;
import java.util.Optional;

/**
 * The policies the server has attached to a component's user, as its admin API reported them.
 *
 * @param names the attached policy names, in the server's order
 * @param documents each named policy's document (same order; a document the server did not return is absent)
 * @param problem why the deployed policy could not be read, when it could not
 */
public record DeployedPolicy(String component, List<String> names, List<PolicyFile> documents, Optional<String> problem) {
    public DeployedPolicy {
        names = List.copyOf(names);
        documents = List.copyOf(documents);
    }
}
