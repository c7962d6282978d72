package dev.bucketscope.rules;

import dev.bucketscope.core.ComponentRule;
import dev.bucketscope.core.InventoryContext;
import dev.bucketscope.dialect.Capability;
import dev.bucketscope.inventory.Component;
import java.util.List;

/**
 * Reports delete (s3:DeleteObject) granted on a component's declared bucket that does not declare
 * it, on the statement that grants it (see {@link UndeclaredAccess}).
 */
public final class UndeclaredDeleteRule implements ComponentRule<Void> {
    private static final List<Capability> CAPS = List.of(Capability.DELETE);

    @Override
    public void check(InventoryContext ctx, Component c, Void unused) {
        UndeclaredAccess.component(ctx, c, CAPS, false);
    }
}
