package dev.bucketscope.core;

import dev.bucketscope.inventory.Component;

/**
 * An inventory rule that judges one component at a time and reports only about that component
 * (declared versus granted access, the component's own names). The engine runs these component
 * by component rather than rule by rule: each thread takes a share of the components and runs
 * every such rule on each, so a component's access map and bucket patterns are made once, on
 * one thread, and die with the component, instead of once per thread that runs a rule asking
 * for them (see {@link Linter#lintInventory}).
 *
 * <p>{@link #check(InventoryContext, Component, Object)} is called from several threads, each
 * with its own context; what {@link #prepare} returns is shared by them and must not change
 * after it is made. Findings about a component come out in the same order either way: the
 * engine gathers each rule's reports in inventory order.
 *
 * <p>A method per component also keeps the work compiled: a loop over the components run once
 * per rule ran in the interpreter (C1 compiles a loop in place only after 30,000 turns with the
 * launcher's flags), while a method is compiled after its first hundred calls. Other one-shot
 * passes over many items (files, findings, other components) are split the same way.
 *
 * @param <T> what the rule needs of the whole inventory (an index of every component's buckets,
 *            say); {@code Void} when it needs nothing
 */
public interface ComponentRule<T> extends InventoryRule {

    /** Made once per run, on one thread, before any component is checked; null when nothing is needed. */
    default T prepare(InventoryContext ctx) {
        return null;
    }

    /** Reports what is wrong with {@code c} alone; called only for components the run concerns. */
    void check(InventoryContext ctx, Component c, T prepared);

    /** Every component the run concerns, in inventory order, on this thread. */
    @Override
    default void check(InventoryContext ctx) {
        T prepared = prepare(ctx);
        for (Component c : ctx.inventory().components()) {
            if (ctx.concerns(c)) check(ctx, c, prepared);
        }
    }
}
