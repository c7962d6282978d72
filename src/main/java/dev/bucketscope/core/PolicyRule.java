package dev.bucketscope.core;

/**
 * A rule over one policy document (whether the server accepts it, what it grants on its own).
 *
 * <p>Code that runs per document, per statement or per component (rules, the validator, the
 * evaluator's helpers) makes no capturing lambda or bound method reference
 * ({@code x -> use(y)}, {@code out::add}): the launcher runs C1 alone, which creates each one
 * through a method handle and {@code Unsafe.allocateInstance}, not as a plain allocation. On
 * 10,000 policies that was 2 % of the CPU, spread over a dozen call sites. A lambda that
 * captures nothing is a constant and costs nothing; {@code Optional.isPresent()} and a loop
 * do what the others did.
 */
public interface PolicyRule extends Rule {
    void check(PolicyContext context);
}
