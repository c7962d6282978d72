package dev.bucketscope.core;

/** A rule over the inventory and the components' policies together (declared versus granted access). */
public interface InventoryRule extends Rule {
    void check(InventoryContext context);

    /** True for rules that judge the inventory's exceptions: they run after exceptions are applied. */
    default boolean judgesExceptions() {
        return false;
    }
}
