package dev.bulwark.engine.scan;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.distro.DistroDetector;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.LayerInfo;
import dev.bulwark.engine.layer.LayerFacts;
import dev.bulwark.engine.layer.LayerReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.FilterInputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * {@code bulwark fs PATH}: an unpacked root filesystem or a project directory, read as one layer. Links are recorded,
 * never followed, and only regular files are opened, so a FIFO or a device cannot block the scan and nothing outside
 * PATH is read. With a secret scanner in the options, every regular file is also scanned for secrets.
 */
public final class DirectoryScanner {
    private final List<Cataloger> catalogers;
    private final LayerReader reader;
    private final boolean secrets;

    public DirectoryScanner(List<Cataloger> catalogers) {
        this(catalogers, ScanOptions.defaults());
    }

    public DirectoryScanner(List<Cataloger> catalogers, ScanOptions options) {
        this.catalogers = List.copyOf(catalogers);
        this.reader = new LayerReader(DistroDetector.FILES, options.spoolDirectory(), options.secrets());
        this.secrets = options.secrets() != null;
    }

    public Inventory scan(Path root) {
        return index(root).inventory();
    }

    /** The inventory and, when the options enable it, the secrets of the directory. */
    public ScanResult index(Path root) {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(root)) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, root + ": no such directory");
        }
        Path base;
        try {
            base = root.toRealPath(); // the root itself may be a link (the user named it); nothing below is followed
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, root + ": " + e.getMessage(), e);
        }
        LayerReader.Collector collector = reader.collector(root.toString(), catalogers);
        walk(base, collector);
        LayerFacts facts = collector.build();
        Inventory.Target target = new Inventory.Target("filesystem", root.toString(), null, null, List.of(), null,
                null);
        List<LayerInfo> layers = List.of(new LayerInfo(0, null, null, 0, null));
        if (!secrets) {
            return new ScanResult(InventoryAssembler.assemble(target, layers, List.of(facts), catalogers), List.of());
        }
        List<SecretFinding> found = new ArrayList<>();
        Inventory inventory = InventoryAssembler.assembleWithSecrets(target, layers, List.of(facts), catalogers,
                found);
        return new ScanResult(inventory, found);
    }

    /**
     * Walks on another thread while the files found are read and parsed here: on 2 cores the stats of a large tree
     * and the parsing of what it holds overlap. The collector is only ever called from this thread.
     */
    private static void walk(Path base, LayerReader.Collector collector) {
        BlockingQueue<Found> queue = new ArrayBlockingQueue<>(QUEUE);
        DirectoryWalk walk = new DirectoryWalk(base, collector::wanted, new DirectoryWalk.Visitor() {
            @Override
            public void symlink(String path, Path file) throws IOException {
                put(queue, new Found(path, file, -1, Files.readSymbolicLink(file).toString(), null));
            }

            @Override
            public void file(String path, Path file, long size) {
                put(queue, new Found(path, file, size, null, null));
            }

            @Override
            public void failed(String path, IOException e) {
                put(queue, new Found(path, null, -1, null, e));
            }
        });
        Thread walker = Thread.ofPlatform().daemon().name("bulwark-fs-walk").start(() -> {
            try {
                walk.run();
            } catch (IOException e) {
                put(queue, new Found("", null, -1, null, e));
            } catch (Cancelled e) {
                return;
            } catch (RuntimeException | Error e) {
                put(queue, new Found(null, null, -1, null, new IOException(e)));
            }
            put(queue, END);
        });
        try {
            for (Found f = take(queue); f != END; f = take(queue)) {
                if (f.failure != null) {
                    if (f.path == null) {
                        throw new BulwarkException(ErrorKind.INTERNAL, base + ": walking failed: "
                                + f.failure.getCause(), f.failure.getCause());
                    }
                    collector.warn("fs.unreadable", (f.path.isEmpty() ? base.toString() : f.path) + ": "
                            + f.failure.getMessage());
                } else if (f.linkTarget != null) {
                    collector.symlink(f.path, f.linkTarget, 0777);
                } else {
                    try (InputStream in = new BoundedReads(Files.newInputStream(f.file, LinkOption.NOFOLLOW_LINKS))) {
                        collector.file(f.path, f.size, 0644, in);
                    } catch (IOException e) {
                        collector.warn("fs.unreadable", f.path + ": " + e.getMessage());
                    }
                }
            }
        } finally {
            walker.interrupt(); // a walk still going (the scan failed here) stops at its next hand-over
        }
    }

    private static final int QUEUE = 4096;
    private static final Found END = new Found(null, null, -1, null, null);

    /** One thing the walk found: a wanted regular file, a symlink (with its target) or a failure. */
    private record Found(String path, Path file, long size, String linkTarget, IOException failure) {
    }

    /** The walk was interrupted because the scan stopped. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super(null, null, false, false);
        }
    }

    private static void put(BlockingQueue<Found> queue, Found f) {
        try {
            queue.put(f);
        } catch (InterruptedException e) {
            throw new Cancelled();
        }
    }

    private static Found take(BlockingQueue<Found> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BulwarkException(ErrorKind.INTERNAL, "interrupted");
        }
    }

    /**
     * A file's stream that reads at most 128 KB a call: the JDK reads a file through a native buffer of the size
     * asked for, so a catalog reading a nested jar's 10 MB at once allocated (and first touched) that much native
     * memory again and again.
     */
    private static final class BoundedReads extends FilterInputStream {
        private static final int MAX_READ = 128 << 10;

        BoundedReads(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, MAX_READ));
        }
    }
}
