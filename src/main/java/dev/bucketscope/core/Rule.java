package dev.bucketscope.core;

/**
 * A check. Implementations are small, pure and stateless: they read the model through their
 * context and report spans and messages; they never print, read files or know their own severity
 * (that lives in {@code rules/<id>.md}). {@link PolicyRule} looks at one policy document,
 * {@link InventoryRule} at the inventory and every component's policy together, and
 * {@link ComponentRule} (an inventory rule) at one component and its policy at a time;
 * {@link ProbeRule} reads what {@code probe} observed on a live server.
 *
 * <p>The rule id is derived from the class name: {@code UnknownActionRule} is {@code unknown-action}.
 */
public interface Rule {

    /** kebab-case id from the class name, the join key with rules/<id>.md and fixtures/<id>/. */
    default String id() {
        return RuleIds.fromClassName(getClass().getSimpleName());
    }
}
