package dev.bucketscope.rules;

import dev.bucketscope.core.ComponentRule;
import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.dialect.Capability;
import dev.bucketscope.inventory.Component;
import java.util.List;

/**
 * Reports write (s3:PutObject) granted on a component's declared bucket that does not declare it,
 * and management actions granted there that are not listed under the component's {@code actions:},
 * on the statement that grants them (see {@link UndeclaredAccess}).
 */
public final class UndeclaredWriteRule implements ComponentRule<Void> {
    private static final List<Capability> CAPS = List.of(Capability.WRITE);

    @Override
    public void check(InventoryContext ctx, Component c, Void unused) {
        UndeclaredAccess.component(ctx, c, CAPS, true);
    }
}
