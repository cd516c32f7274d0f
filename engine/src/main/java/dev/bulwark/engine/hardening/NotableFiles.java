package dev.bulwark.engine.hardening;

import dev.bulwark.engine.layer.EntryType;
import dev.bulwark.engine.layer.FileEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the notable entries of one layer while it streams by. The layer reader calls {@link #accept} for every
 * tar entry (files, directories, links, whiteouts); the common, non-notable case costs a hash of the path, a few
 * mode-bit tests and a name lookup for entries of {@code bin} directories, and allocates nothing beyond the
 * amortised growth of one {@code long[]}. Not thread-safe: one collector per layer.
 */
public final class NotableFiles {
    /** Notable entries kept per layer; more are counted only (a hostile layer of a million setuid files). */
    public static final int MAX_FILES = 100_000;
    /** Paths remembered per layer (8 bytes each); past this, replacements by this layer may be missed. */
    public static final int MAX_PATHS = 4_000_000;
    /** Removals kept per layer: whiteouts are few in real layers. */
    static final int MAX_REMOVALS = 1_000_000;

    private static final int PERMISSIONS = 07777;
    private static final int SETUID = 04000;
    private static final int SETGID = 02000;
    private static final int STICKY = 01000;
    private static final int OTHERS_WRITE = 0002;

    private final List<NotableFile> files = new ArrayList<>();
    private final List<LayerNotables.Removal> removals = new ArrayList<>();
    private long[] hashes = new long[1024];
    private int hashCount;
    private boolean pathsComplete = true;
    private int dropped;

    /** Records one entry given as the squash's {@link FileEntry}. */
    public void accept(FileEntry entry) {
        accept(entry.path(), entry.type(), entry.size(), entry.mode(), entry.linkTarget());
    }

    /**
     * Records one entry.
     *
     * @param path normalised path (as {@code LayerPaths.normalize} gives); for whiteouts the path deleted, for
     *     opaque markers their directory
     * @param mode the tar header's mode bits
     * @param linkTarget symlink or hardlink target, else null
     */
    public void accept(String path, EntryType type, long size, int mode, String linkTarget) {
        if (type == EntryType.WHITEOUT || type == EntryType.OPAQUE) {
            if (removals.size() < MAX_REMOVALS) {
                removals.add(new LayerNotables.Removal(path, type == EntryType.OPAQUE));
            } else {
                pathsComplete = false;
            }
            return;
        }
        remember(path, type == EntryType.DIRECTORY);
        int kinds = kindsOf(path, type, mode);
        if (kinds == 0) {
            return;
        }
        if (files.size() >= MAX_FILES) {
            dropped++;
            return;
        }
        boolean content = type == EntryType.FILE;
        boolean link = type == EntryType.SYMLINK || type == EntryType.HARDLINK;
        files.add(new NotableFile(path, type, content ? Math.max(0, size) : 0, mode & PERMISSIONS,
                link ? linkTarget : null, kinds));
    }

    /**
     * The {@link NotableKind} bits of one entry, or 0: the predicate alone, for callers that only want to know.
     * Symlinks are never mode-notable (their mode is always 0777); directories only when world-writable without
     * the sticky bit ({@code /tmp} is sticky and fine); devices and fifos never.
     */
    public static int kindsOf(String path, EntryType type, int mode) {
        int kinds = 0;
        boolean regular = type == EntryType.FILE || type == EntryType.HARDLINK;
        if (regular) {
            if ((mode & SETUID) != 0) {
                kinds |= NotableKind.SETUID.bit();
            }
            if ((mode & SETGID) != 0) {
                kinds |= NotableKind.SETGID.bit();
            }
            if ((mode & OTHERS_WRITE) != 0) {
                kinds |= NotableKind.WORLD_WRITABLE.bit();
            }
        } else if (type == EntryType.DIRECTORY) {
            if ((mode & OTHERS_WRITE) != 0 && (mode & STICKY) == 0) {
                kinds |= NotableKind.WORLD_WRITABLE.bit();
            }
            return kinds;
        }
        if (regular || type == EntryType.SYMLINK) {
            NotableKind tool = toolKind(path);
            if (tool != null) {
                kinds |= tool.bit();
            }
        }
        return kinds;
    }

    /** The tool kind of a file in a {@code bin} or {@code sbin} directory, by its name; else null. */
    static NotableKind toolKind(String path) {
        int slash = path.lastIndexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            return null;
        }
        int parentStart = path.lastIndexOf('/', slash - 1) + 1;
        int parentLength = slash - parentStart;
        boolean binDirectory = (parentLength == 3 && path.startsWith("bin", parentStart))
                || (parentLength == 4 && path.startsWith("sbin", parentStart));
        return binDirectory ? ToolNames.kindOf(path, slash + 1, path.length()) : null;
    }

    private void remember(String path, boolean directory) {
        if (hashCount == hashes.length) {
            if (hashCount >= MAX_PATHS) {
                pathsComplete = false;
                return;
            }
            hashes = Arrays.copyOf(hashes, Math.min(MAX_PATHS, hashCount * 2));
        }
        hashes[hashCount++] = PathSet.hash(path, directory);
    }

    /** What this layer holds; the collector should not be used afterwards. */
    public LayerNotables build() {
        long[] sorted = Arrays.copyOf(hashes, hashCount);
        Arrays.sort(sorted);
        return new LayerNotables(files, removals, new PathSet(dedupe(sorted), pathsComplete), dropped);
    }

    private static long[] dedupe(long[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (n == 0 || sorted[i] != sorted[n - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }
}
