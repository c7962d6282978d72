package dev.bucketscope.rules;

import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.core.InventoryRule;
import dev.bucketscope.dialect.Capability;
import java.util.List;

/**
 * Reports write (s3:PutObject) granted on a component's declared bucket that does not declare it,
 * and management actions granted there that are not listed under the component's {@code actions:},
 * on the statement that grants them (see {@link UndeclaredAccess}).
 */
public final class UndeclaredWriteRule implements InventoryRule {

    @Override
    public void check(InventoryContext ctx) {
        UndeclaredAccess.report(ctx, List.of(Capability.WRITE), true);
    }
}
