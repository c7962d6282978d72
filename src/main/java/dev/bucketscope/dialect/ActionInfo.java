package dev.bucketscope.dialect;

/** One concrete action of a dialect's catalogue, spelled exactly as that dialect spells it. */
public record ActionInfo(String name, ActionFamily family, ActionLevel level, Capability capability) {}
