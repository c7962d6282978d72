package dev.bucketscope.policy;

import java.util.List;

/**
 * One operator/key pair of a Condition block, e.g. {@code "StringEquals": {"aws:username": ["a", "b"]}}.
 * Values inside one clause OR together; clauses AND together (except IpAddress, see eval).
 */
public record ConditionClause(Value operator, Value key, List<Value> values) {
    public ConditionClause {
        values = List.copyOf(values);
    }
}
