package dev.bucketscope.policy;

import dev.bucketscope.source.FrozenList;
import dev.bucketscope.source.Node;
import java.util.List;
import java.util.Optional;

/**
 * A policy document as a dialect reads it, every part positioned in its source file.
 *
 * @param file the path to show in reports (repository-relative where possible)
 * @param bucketPolicy true when any statement has a Principal: bucket policies follow other grammar rules
 */
public record Policy(
        String file,
        Node.ObjectNode root,
        Optional<Value> version,
        List<Statement> statements,
        boolean bucketPolicy) {

    public Policy {
        statements = FrozenList.copyOf(statements);
    }
}
