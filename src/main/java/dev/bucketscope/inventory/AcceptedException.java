package dev.bucketscope.inventory;

import dev.bucketscope.policy.Value;
import dev.bucketscope.source.Span;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A finding the team has accepted, with a reason and an expiry. Narrowed to one statement, it is
 * bound to a hash of that statement's content, so it stops applying when the statement changes.
 */
public record AcceptedException(Value rule, Value component, Value reason, Value expires, LocalDate expiryDate,
                                Optional<Value> statement, Optional<Value> statementHash, Span span, String pointer) {}
