package dev.bulwark.engine.scan;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Walks a directory tree without following links, telling a {@link Visitor} of every symlink and of every regular
 * file it wants. Linux gives no file type with a directory entry that Java can see, so a plain walk stats every entry,
 * and on a 50,000-file {@code node_modules} those stats cost more than everything else. Where the file system keeps
 * the classic link count of directories (two plus one per subdirectory: ext2/3/4, XFS, tmpfs), a directory's entries
 * need a stat only until all its subdirectories are found; the names a visitor wants are always stat'ed, and so are
 * names without a dot (where directories and most links hide), so only files like {@code index.js} go unexamined,
 * never a directory. On other file systems, or a directory whose count says nothing (below 2), every entry is stat'ed.
 */
final class DirectoryWalk {
    /** File systems whose directory link counts are two plus the number of subdirectories. */
    private static final Set<String> COUNTED_LINKS = Set.of("ext2", "ext3", "ext4", "xfs", "tmpfs");
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;

    /** What the walk reports, in the walking thread. */
    interface Visitor {
        void symlink(String path, Path file) throws IOException;

        void file(String path, Path file, long size) throws IOException;

        void failed(String path, IOException e);
    }

    /**
     * A directory whose own size is over this many bytes (ext4: about 100,000 entries) is listed entry by entry: a
     * name array of millions of entries could exhaust the heap.
     */
    static final long LARGE_DIRECTORY = 4L << 20;

    private final long largeDirectory;
    private final Path base;
    private final Predicate<String> wanted;
    private final Visitor visitor;
    private final boolean unix = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    /** The root's device when its file system keeps classic link counts (set by {@link #run}), else null. */
    private Long countedDevice;
    private int stats;

    /**
     * @param base the real path of the root
     * @param wanted whether a relative path is wanted if it is a regular file
     */
    DirectoryWalk(Path base, Predicate<String> wanted, Visitor visitor) {
        this(base, wanted, visitor, LARGE_DIRECTORY);
    }

    /** @param largeDirectory directories larger than this (bytes of the directory itself) are listed as a stream */
    DirectoryWalk(Path base, Predicate<String> wanted, Visitor visitor, long largeDirectory) {
        this.largeDirectory = largeDirectory;
        this.base = base;
        this.wanted = wanted;
        this.visitor = visitor;
    }

    /** The entries stat'ed by the last {@link #run}. */
    int stats() {
        return stats;
    }

    void run() throws IOException {
        Deque<Dir> pending = new ArrayDeque<>();
        if (unix) {
            UnixStat root = stat(base);
            countedDevice = countsLinks() ? root.dev() : null;
            pending.push(new Dir(base.toString(), "", subdirectories(root), root.size()));
        } else {
            pending.push(new Dir(base.toString(), "", -1, 0));
        }
        while (!pending.isEmpty()) {
            Dir dir = pending.pop();
            List<Dir> found = list(dir);
            for (int i = found.size() - 1; i >= 0; i--) {
                pending.push(found.get(i)); // depth first, in listing order
            }
        }
    }

    /**
     * A directory to list: its absolute path, its path relative to the root ("" for the root), the subdirectories
     * its link count promises (-1: unknown), its own size in bytes.
     */
    private record Dir(String path, String relative, int subdirectories, long size) {
        /** What its entries' relative paths start with. */
        String prefix() {
            return relative.isEmpty() ? "" : relative + "/";
        }
    }

    private List<Dir> list(Dir dir) {
        List<Dir> subdirs = new ArrayList<>();
        if (dir.size > largeDirectory) {
            return listLarge(dir, subdirs);
        }
        // java.io lists a directory's names in one native call; a DirectoryStream makes one, and a Path, per entry.
        String[] names = new File(dir.path).list();
        if (names == null) {
            visitor.failed(dir.relative, whyUnlistable(dir.path));
            return subdirs;
        }
        String prefix = dir.prefix();
        List<String> later = new ArrayList<>();
        for (String name : names) {
            String path = prefix + name;
            boolean want = wanted.test(path);
            if (!want && dir.subdirectories >= 0 && name.lastIndexOf('.') > 0) {
                later.add(name); // a dotted name (not a dotfile): a file, nearly always
            } else {
                visit(dir, name, path, want, subdirs);
            }
        }
        for (String name : later) {
            if (subdirs.size() >= dir.subdirectories) {
                break; // the rest are files and links the visitor does not want
            }
            visit(dir, name, prefix + name, false, subdirs);
        }
        return subdirs;
    }

    /** A huge directory, one entry at a time, every entry stat'ed: no list of its names is held. */
    private List<Dir> listLarge(Dir dir, List<Dir> subdirs) {
        String prefix = dir.prefix();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of(dir.path))) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                String path = prefix + name;
                visit(dir, name, path, wanted.test(path), subdirs);
            }
        } catch (IOException e) {
            visitor.failed(dir.relative, e);
        } catch (DirectoryIteratorException e) {
            visitor.failed(dir.relative, e.getCause());
        }
        return subdirs;
    }

    /** Why a directory could not be listed, as NIO tells it (java.io only says that it could not). */
    private static IOException whyUnlistable(String dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of(dir))) {
            entries.iterator().hasNext();
            return new IOException("cannot be listed");
        } catch (IOException e) {
            return e;
        } catch (DirectoryIteratorException e) {
            return e.getCause();
        }
    }

    private void visit(Dir dir, String name, String path, boolean want, List<Dir> subdirs) {
        Path p = Path.of(dir.path, name);
        try {
            if (unix) {
                UnixStat a = stat(p);
                int type = a.mode() & S_IFMT;
                if (type == S_IFDIR) {
                    subdirs.add(new Dir(p.toString(), path, subdirectories(a), a.size()));
                } else if (type == S_IFLNK) {
                    visitor.symlink(path, p);
                } else if (type == S_IFREG && want) {
                    visitor.file(path, p, a.size());
                }
            } else {
                stats++;
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isDirectory()) {
                    subdirs.add(new Dir(p.toString(), path, -1, 0));
                } else if (a.isSymbolicLink()) {
                    visitor.symlink(path, p);
                } else if (a.isRegularFile() && want) {
                    visitor.file(path, p, a.size());
                }
            }
        } catch (IOException e) {
            visitor.failed(path, e);
        }
    }

    private UnixStat stat(Path p) throws IOException {
        stats++;
        return UnixStat.of(p);
    }

    /**
     * The number of subdirectories the link count promises, or -1 when it cannot be trusted: below 2, or on another
     * device than the root (a mount met on the way, whose file system is not known).
     */
    private int subdirectories(UnixStat attributes) {
        int nlink = attributes.nlink();
        if (nlink < 2 || countedDevice == null || countedDevice != attributes.dev()) {
            return -1;
        }
        return nlink - 2;
    }

    private boolean countsLinks() {
        try {
            return COUNTED_LINKS.contains(Files.getFileStore(base).type());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
