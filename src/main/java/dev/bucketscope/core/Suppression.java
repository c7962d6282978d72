package dev.bucketscope.core;

/**
 * Why a finding does not count: an accepted exception from the inventory (with its reason), or
 * an entry of the baseline the repository adopted. Suppressed findings stay in JSON and SARIF.
 */
public record Suppression(Kind kind, String reason) {
    public enum Kind { EXCEPTION, BASELINE }
}
