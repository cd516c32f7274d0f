package dev.bulwark.engine.layer;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.catalog.FailureWatchingStream;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.Warning;
import dev.bulwark.engine.secret.SecretScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one uncompressed layer tar in a single pass: records whiteouts, opaque markers and links, captures the small
 * well-known files, and hands each file a cataloger wants to that cataloger while it streams by. Nothing is written
 * to disk. A cataloger failing on one file becomes a warning; a broken archive becomes an exception. When a secret
 * scanner is given, every regular file up to its size limit is also scanned for secrets as it streams by, so files a
 * later layer deletes are scanned too. An {@link EntryListener} sees every entry of the pass, deletions included.
 */
public final class LayerReader {
    /** Captured files (os-release and friends) larger than this are not real release files. */
    static final int MAX_CAPTURED = 64 << 10;
    /** When several catalogers want one file, what the first ones read of it is kept in memory up to this size, else
     * spooled to a file. */
    static final int MAX_SHARED_IN_MEMORY = 4 << 20;
    private static final int MAX_STRUCTURAL = 2_000_000;
    private static final int MAX_OWNED = 2_000_000;

    private final Set<String> capturePaths;
    /** Bit n set when some capture path is n characters long (n < 64): most paths are turned away without hashing. */
    private final long captureLengths;
    private final Path spoolDirectory;
    private final SecretScanner secrets;

    /**
     * @param spoolDirectory where a large file that several catalogers want is kept while they read it (the cache's
     *     temporary directory, so nothing is written anywhere else)
     */
    public LayerReader(Set<String> capturePaths, Path spoolDirectory) {
        this(capturePaths, spoolDirectory, null);
    }

    /** @param secrets the secret scanner, or null to scan no file for secrets */
    public LayerReader(Set<String> capturePaths, Path spoolDirectory, SecretScanner secrets) {
        this.capturePaths = Set.copyOf(capturePaths);
        long lengths = 0;
        for (String p : this.capturePaths) {
            lengths |= p.length() < 64 ? 1L << p.length() : 1L << 63;
        }
        this.captureLengths = lengths;
        this.spoolDirectory = spoolDirectory;
        this.secrets = secrets;
    }

    /**
     * Reads the tar.
     *
     * @param what names the layer in messages ({@code "image app:1 layer 3 (sha256:...)"})
     * @param catalogers the catalogers to run on this layer (those whose cached result is missing)
     */
    public LayerFacts read(InputStream tar, String what, List<Cataloger> catalogers) throws IOException {
        return read(tar, what, catalogers, secrets != null);
    }

    /** Whether the path is one of the files captured whole (the release files). */
    private boolean captured(String path) {
        int n = path.length();
        return (captureLengths & (n < 64 ? 1L << n : 1L << 63)) != 0 && capturePaths.contains(path);
    }

    /**
     * Reads the tar.
     *
     * @param scanSecrets whether to scan the files for secrets (false when the layer's secrets are cached)
     */
    public LayerFacts read(InputStream tar, String what, List<Cataloger> catalogers, boolean scanSecrets)
            throws IOException {
        return read(tar, what, catalogers, scanSecrets, null);
    }

    /**
     * Reads the tar.
     *
     * @param entries told about every entry (the hardening collector of this layer), or null
     */
    public LayerFacts read(InputStream tar, String what, List<Cataloger> catalogers, boolean scanSecrets,
            EntryListener entries) throws IOException {
        TarReader reader = new TarReader(tar);
        Collector collector = collector(what, catalogers, scanSecrets);
        // Tar writes a hardlink after the file it links to; a link to a path not yet seen points nowhere.
        java.util.Set<String> seenFiles = new java.util.HashSet<>();
        TarEntry entry;
        while ((entry = reader.next()) != null) {
            String path;
            try {
                path = LayerPaths.normalize(entry.name());
            } catch (IllegalArgumentException e) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, what + ": " + e.getMessage()
                        + " (hostile archive?)");
            }
            if (path.isEmpty()) {
                continue;
            }
            String base = LayerPaths.baseName(path);
            if (base.startsWith(".wh.")) {
                FileEntry marker = whiteout(path, base);
                if (marker != null) {
                    collector.add(marker);
                    if (entries != null) {
                        entries.entry(marker.path(), marker.type(), 0, 0, null);
                    }
                } else if (entries != null) {
                    // AUFS bookkeeping deletes nothing, but its bytes ship in the layer like any other entry's.
                    entries.entry(path, plainType(entry), entry.isRegularFile() ? entry.size() : 0, entry.mode(),
                            entry.isSymlink() ? entry.linkName() : null);
                }
            } else if (entry.isSymlink()) {
                collector.symlink(path, entry.linkName(), entry.mode());
                if (entries != null) {
                    entries.entry(path, EntryType.SYMLINK, 0, entry.mode(), entry.linkName());
                }
            } else if (entry.isHardlink()) {
                String target;
                try {
                    target = LayerPaths.normalize(entry.linkName());
                } catch (IllegalArgumentException e) {
                    throw new BulwarkException(ErrorKind.INVALID_INPUT, what + ": hardlink " + path + " has "
                            + e.getMessage() + " as target (hostile archive?)");
                }
                if (!seenFiles.contains(target)) {
                    collector.warn("layer.hardlink-missing-target", "hardlink " + path + " points to " + target
                            + ", which is not an earlier file of this layer");
                }
                collector.add(new FileEntry(path, EntryType.HARDLINK, 0, entry.mode(), target));
                if (entries != null) {
                    entries.entry(path, EntryType.HARDLINK, 0, entry.mode(), target);
                }
            } else if (entry.isRegularFile()) {
                seenFiles.add(path);
                if (entries != null) {
                    entries.entry(path, EntryType.FILE, entry.size(), entry.mode(), null);
                }
                collector.file(path, entry.size(), entry.mode(), reader.content());
            } else if (entries != null) {
                entries.entry(path, plainType(entry), 0, entry.mode(), null);
            }
        }
        return collector.build();
    }

    /** A collector for sources that are not tar streams (a directory on disk), with the same rules. */
    public Collector collector(String what, List<Cataloger> catalogers) {
        return new Collector(what, catalogers, secrets != null);
    }

    /** A collector that scans files for secrets only if {@code scanSecrets} (and a scanner was given). */
    public Collector collector(String what, List<Cataloger> catalogers, boolean scanSecrets) {
        return new Collector(what, catalogers, scanSecrets);
    }

    /** Gathers the facts of one layer, entry by entry. */
    public final class Collector {
        private final String what;
        private final List<Cataloger> catalogers;
        private final List<FileEntry> structural = new ArrayList<>();
        private final Map<String, byte[]> captured = new HashMap<>();
        private final List<Warning> warnings = new ArrayList<>();
        private final Map<String, Accumulator> results = new LinkedHashMap<>();
        private final List<Cataloger> wanting = new ArrayList<>(2);
        private final SecretCollector secretCollector;

        Collector(String what, List<Cataloger> catalogers, boolean scanSecrets) {
            this.what = what;
            this.catalogers = catalogers;
            this.secretCollector = scanSecrets && secrets != null ? new SecretCollector(secrets, what) : null;
            for (Cataloger c : catalogers) {
                results.put(c.name(), new Accumulator());
            }
        }

        public void symlink(String path, String target, int mode) {
            add(new FileEntry(path, EntryType.SYMLINK, 0, mode, target));
        }

        /** A regular file; {@code content} is read only if something wants it. */
        public void file(String path, long size, int mode, InputStream content) throws IOException {
            if (secretCollector != null) {
                content = secretCollector.scan(path, size, content);
            }
            if (captured(path)) {
                add(new FileEntry(path, EntryType.FILE, size, mode, null));
                if (size <= MAX_CAPTURED) {
                    captured.put(path, content.readNBytes(MAX_CAPTURED));
                } else {
                    warnings.add(new Warning("layer.oversized-release-file", what + ": " + path + " is " + size
                            + " bytes; not read as a release file"));
                }
                return;
            }
            wanting.clear();
            for (Cataloger c : catalogers) {
                if (c.wants(path)) {
                    wanting.add(c);
                }
            }
            if (!wanting.isEmpty()) {
                catalog(path, size, content, wanting, results, what);
            }
        }

        /** Whether any cataloger, the release-file capture or the secret scan wants this path. */
        public boolean wanted(String path) {
            if (secretCollector != null || captured(path)) {
                return true;
            }
            for (Cataloger c : catalogers) {
                if (c.wants(path)) {
                    return true;
                }
            }
            return false;
        }

        public void warn(String code, String message) {
            warnings.add(new Warning(code, what + ": " + message));
        }

        void add(FileEntry e) {
            if (structural.size() >= MAX_STRUCTURAL) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, what + ": more than " + MAX_STRUCTURAL
                        + " links and whiteouts in one layer (hostile archive?)");
            }
            structural.add(e);
        }

        public LayerFacts build() {
            Map<String, CatalogerResult> byName = new LinkedHashMap<>();
            results.forEach((name, acc) -> byName.put(name, acc.result()));
            return new LayerFacts(new LayerIndex(structural, captured, warnings), byName,
                    secretCollector == null ? null : secretCollector.result());
        }
    }

    private static EntryType plainType(TarEntry e) {
        if (e.isRegularFile()) {
            return EntryType.FILE;
        }
        if (e.isDirectory()) {
            return EntryType.DIRECTORY;
        }
        if (e.isSymlink()) {
            return EntryType.SYMLINK;
        }
        return e.isHardlink() ? EntryType.HARDLINK : EntryType.OTHER;
    }

    private static FileEntry whiteout(String path, String base) {
        String dir = LayerPaths.parent(path);
        if (base.equals(".wh..wh..opq")) {
            return new FileEntry(dir, EntryType.OPAQUE, 0, 0, null);
        }
        if (base.startsWith(".wh..wh.")) {
            return null; // AUFS bookkeeping (.wh..wh.plnk and the like), not a deletion
        }
        String deleted = base.substring(4);
        if (deleted.isEmpty()) {
            return null;
        }
        return new FileEntry(dir.isEmpty() ? deleted : dir + "/" + deleted, EntryType.WHITEOUT, 0, 0, null);
    }

    private void catalog(String path, long size, InputStream content, List<Cataloger> wanting,
            Map<String, Accumulator> results, String what) throws IOException {
        if (wanting.size() == 1) {
            parseOne(wanting.get(0), path, size, content, results, what);
            return;
        }
        // Each cataloger reads only as far as it needs (a binary sniff stops after a few KB of a file that is not
        // its kind); what it read is kept for the next one, and only that.
        try (SharedContent shared = new SharedContent(content, spoolDirectory, MAX_SHARED_IN_MEMORY)) {
            for (int i = 0; i < wanting.size(); i++) {
                parseOne(wanting.get(i), path, size, shared.reader(i < wanting.size() - 1), results, what);
            }
        }
    }

    private static void parseOne(Cataloger c, String path, long size, InputStream content,
            Map<String, Accumulator> results, String what) throws IOException {
        Accumulator acc = results.get(c.name());
        acc.parsed.add(path);
        FailureWatchingStream guarded = new FailureWatchingStream(content);
        try {
            for (Package p : c.parse(new CatalogFile(path, size, guarded), acc.sink(what))) {
                acc.packages.add(p.location() == null ? p.withLocation(path) : p);
            }
        } catch (IOException | RuntimeException e) {
            if (guarded.failure() != null) {
                throw guarded.failure(); // the layer itself is broken, not the file
            }
            acc.warn(c.name() + ".unreadable", what + ": " + path + ": " + oneLine(e));
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static final class Accumulator {
        final List<String> parsed = new ArrayList<>();
        final List<Package> packages = new ArrayList<>();
        final List<Warning> warnings = new ArrayList<>();
        final Map<String, String> owned = new HashMap<>();

        void warn(String code, String message) {
            warnings.add(new Warning(code, message));
        }

        WarningSink sink(String what) {
            return new WarningSink() {
                @Override
                public void warn(String code, String message) {
                    Accumulator.this.warn(code, what + ": " + message);
                }

                @Override
                public void owns(String path, String owner) {
                    if (owned.size() < MAX_OWNED) {
                        owned.put(path, owner);
                    }
                }
            };
        }

        CatalogerResult result() {
            return new CatalogerResult(parsed, packages, warnings, owned);
        }
    }
}
