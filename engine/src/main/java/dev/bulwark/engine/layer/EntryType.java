package dev.bulwark.engine.layer;

/** The kinds of tar entry a layer can hold, with the OCI whiteout markers as kinds of their own. */
public enum EntryType {
    FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER,
    /** {@code .wh.NAME}: NAME and everything below it from lower layers is deleted. */
    WHITEOUT,
    /** {@code .wh..wh..opq}: the directory's contents from lower layers are hidden. */
    OPAQUE;

    private static final EntryType[] VALUES = values();

    static EntryType ofOrdinal(int ordinal) {
        if (ordinal < 0 || ordinal >= VALUES.length) {
            throw new IllegalArgumentException("bad entry type " + ordinal);
        }
        return VALUES[ordinal];
    }
}
