package dev.bulwark.engine.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.cache.LayerCache;
import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.ecosystem.dpkg.DpkgCataloger;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.Layer;
import dev.bulwark.engine.image.Platform;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.source.archive.ArchiveImageSource;
import dev.bulwark.engine.testing.CountingImage;
import dev.bulwark.engine.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layer cache on a real image: a rescan reads no blob; a bumped cataloger re-runs alone. */
class LayerCacheScanTest {
    @TempDir
    Path cacheDir;

    /** dpkg under another version number, counting the files it parses. */
    record CountingDpkg(int version, AtomicInteger parsed) implements Cataloger {
        @Override public String name() { return "dpkg"; }
        @Override public boolean wants(String path) { return new DpkgCataloger().wants(path); }

        @Override
        public List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException {
            parsed.incrementAndGet();
            return new DpkgCataloger().parse(file, warnings);
        }

        @Override
        public List<Package> assemble(List<Package> found) {
            return new DpkgCataloger().assemble(found);
        }
    }

    /** A second cataloger that only counts, to see it is not re-run when dpkg alone is bumped. */
    record Counter(AtomicInteger parsed) implements Cataloger {
        @Override public String name() { return "counter"; }
        @Override public int version() { return 1; }
        @Override public boolean wants(String path) { return path.startsWith("usr/bin/"); }

        @Override
        public List<Package> parse(CatalogFile file, WarningSink warnings) {
            parsed.incrementAndGet();
            return List.of();
        }
    }

    private Inventory scan(CountingImage image, List<Cataloger> catalogers) {
        return new ImageScanner(catalogers, new LayerCache(cacheDir), ScanOptions.defaults(), ScanListener.NONE)
                .scan(image);
    }

    @Test
    void rescanReadsNoBlobAndBumpedCatalogerRerunsAlone() throws IOException {
        Path archive = Fixtures.debian().finalDockerArchive();
        AtomicInteger dpkgParsed = new AtomicInteger();
        AtomicInteger counted = new AtomicInteger();
        List<Cataloger> v1 = List.of(new CountingDpkg(1, dpkgParsed), new Counter(counted));

        Inventory cold;
        Inventory warm;
        try (CountingImage image = new CountingImage(new ArchiveImageSource(archive, Platform.current()).open())) {
            cold = scan(image, v1);
            assertEquals(image.layers().size(), image.opens(), "a cold scan reads every layer once");
        }
        int dpkgCold = dpkgParsed.get();
        int counterCold = counted.get();
        assertTrue(dpkgCold > 0 && counterCold > 0);

        try (CountingImage image = new CountingImage(new ArchiveImageSource(archive, Platform.current()).open())) {
            warm = scan(image, v1);
            assertEquals(0, image.opens(), "a warm rescan reads no layer blob");
        }
        assertEquals(cold, warm, "the cached answer is the same answer");
        assertEquals(dpkgCold, dpkgParsed.get());

        List<Cataloger> v2 = List.of(new CountingDpkg(2, dpkgParsed), new Counter(counted));
        try (CountingImage image = new CountingImage(new ArchiveImageSource(archive, Platform.current()).open())) {
            Inventory bumped = scan(image, v2);
            assertEquals(cold.packages(), bumped.packages());
            assertTrue(image.opens() > 0, "layers with dpkg files are read again for the bumped cataloger");
        }
        assertEquals(counterCold, counted.get(), "the unchanged cataloger is answered from the cache");
        assertEquals(2 * dpkgCold, dpkgParsed.get(), "the bumped cataloger parsed every file once more");
    }

    @Test
    void aCachedResultIsNotTrustedForABlobNeverVerifiedAgainstIt() throws IOException {
        Path archive = Fixtures.debian().finalDockerArchive();
        LayerCache cache = new LayerCache(cacheDir);
        try (Image image = new ArchiveImageSource(archive, Platform.current()).open()) {
            new ImageScanner(Catalogers.all(), cache, ScanOptions.defaults(), ScanListener.NONE).scan(image);
            Layer first = image.layers().get(0);
            assertTrue(cache.isVerified(first.diffId(), first.blob().digest()));
            Digest forged = Digest.sha256(new byte[] {1, 2, 3});
            assertTrue(!cache.isVerified(first.diffId(), forged),
                    "another blob claiming the same diffID must be read and checked, not served from the cache");
        }
    }
}
