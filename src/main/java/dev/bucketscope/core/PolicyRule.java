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
 *
 * <p>Code on every lint run's path (start-up, the phases, the rules) goes further and uses no
 * lambda, method reference or stream where an if, a loop or a small class does: each call site
 * is linked the first time it runs, by the JDK's lambda factory in the interpreter (0.3–2 ms a
 * site, profiled), and the linking machinery was then compiled too. A commit hook's run linked
 * 121 of them; with 24 left (the JDK's own, and a few callbacks), it took 0.911x the time and
 * 0.881x the CPU (30 pairs), 10,000 policies 0.978x (20 pairs).
 */
public interface PolicyRule extends Rule {
    void check(PolicyContext context);
}
