package dev.bulwark.engine.hardening;

/**
 * Why a file is notable for hardening. The first three come from the mode bits, the rest from the file's name in a
 * {@code bin} or {@code sbin} directory. A file can be notable for several reasons (a setuid debug tool).
 */
public enum NotableKind {
    SETUID, SETGID, WORLD_WRITABLE, SHELL, PACKAGE_MANAGER, COMPILER, DEBUG_TOOL;

    private static final NotableKind[] VALUES = values();

    /** This kind's bit in a {@link NotableFile#kinds()} mask. */
    public int bit() {
        return 1 << ordinal();
    }

    /** Whether {@code mask} holds this kind. */
    public boolean in(int mask) {
        return (mask & bit()) != 0;
    }

    /** Whether this kind is decided by the file's name (a tool) rather than its mode bits. */
    public boolean isTool() {
        return ordinal() >= SHELL.ordinal();
    }

    /** The mask with every known kind set: anything else in a stored mask is corruption. */
    static int allBits() {
        return (1 << VALUES.length) - 1;
    }
}
