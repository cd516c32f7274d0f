package dev.bulwark.engine.policy.cel;

/** A CEL {@code uint}: 64 unsigned bits kept in a long. */
public record CelUint(long bits) {

    @Override
    public String toString() {
        return Long.toUnsignedString(bits);
    }
}
