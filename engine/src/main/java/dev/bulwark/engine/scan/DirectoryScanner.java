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
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

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
        // Every visited file is below base, so its relative path is a suffix of its string: cheaper than
        // Path.relativize, which showed in profiles of 50,000-file node_modules trees.
        String prefix = base.toString().endsWith("/") ? base.toString() : base + "/";
        try {
            Files.walkFileTree(base, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                            String path = relative(prefix, file);
                            if (attrs.isSymbolicLink()) {
                                collector.symlink(path, Files.readSymbolicLink(file).toString(), 0777);
                            } else if (attrs.isRegularFile() && collector.wanted(path)) {
                                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                                    collector.file(path, attrs.size(), 0644, in);
                                }
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException exc) {
                            collector.warn("fs.unreadable", relative(prefix, file) + ": " + exc.getMessage());
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, root + ": " + e.getMessage(), e);
        }
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

    private static String relative(String prefix, Path file) {
        String s = file.toString();
        return (s.startsWith(prefix) ? s.substring(prefix.length()) : s).replace('\\', '/');
    }
}
