package dev.bulwark.engine.layer;

/**
 * Sees every entry of a layer tar as {@link LayerReader} meets it: files, directories, links, devices, and
 * deletions (whiteouts as {@link EntryType#WHITEOUT} with the path deleted, opaque markers as
 * {@link EntryType#OPAQUE} with their directory). It lets a package that itself depends on this one (hardening)
 * observe the single pass without this package depending on it; called once per entry, so implementations should
 * allocate nothing for entries they do not keep.
 */
@FunctionalInterface
public interface EntryListener {
    /**
     * @param path the normalised path ({@link LayerPaths#normalize}), never empty
     * @param size the content size of regular files, else 0
     * @param mode the tar header's mode bits (0 for whiteouts and opaque markers)
     * @param linkTarget the symlink target as written, or the normalised hardlink target; else null
     */
    void entry(String path, EntryType type, long size, int mode, String linkTarget);
}
