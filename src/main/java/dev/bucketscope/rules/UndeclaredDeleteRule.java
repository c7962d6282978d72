package dev.bucketscope.rules;

import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.core.InventoryRule;
import dev.bucketscope.dialect.Capability;
import java.util.List;

/**
 * Reports delete (s3:DeleteObject) granted on a component's declared bucket that does not declare
 * it, on the statement that grants it (see {@link UndeclaredAccess}).
 */
public final class UndeclaredDeleteRule implements InventoryRule {

    @Override
    public void check(InventoryContext ctx) {
        UndeclaredAccess.report(ctx, List.of(Capability.DELETE), false);
    }
}
