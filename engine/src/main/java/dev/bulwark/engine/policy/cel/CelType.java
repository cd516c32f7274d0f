package dev.bulwark.engine.policy.cel;

/** A CEL type value ({@code int}, {@code string}, {@code map}...), as {@code type(x)} returns it. */
public record CelType(String name) {
}
