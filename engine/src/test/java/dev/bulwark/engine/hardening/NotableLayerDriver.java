package dev.bulwark.engine.hardening;

import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.Layer;
import dev.bulwark.engine.layer.EntryType;
import dev.bulwark.engine.layer.LayerPaths;
import dev.bulwark.engine.layer.LayerStreams;
import dev.bulwark.engine.layer.TarEntry;
import dev.bulwark.engine.layer.TarReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only stand-in for the layer reader's side of the wiring: streams each layer of an image through
 * {@link TarReader} and calls {@link NotableFiles#accept} for every entry, as the real reader will.
 */
final class NotableLayerDriver {
    private NotableLayerDriver() {
    }

    static List<LayerNotables> read(Image image) throws IOException {
        List<LayerNotables> out = new ArrayList<>();
        for (Layer layer : image.layers()) {
            try (InputStream blob = image.openLayer(layer);
                    InputStream tar = LayerStreams.uncompressed(blob, Long.MAX_VALUE)) {
                out.add(read(tar));
            }
        }
        return out;
    }

    static LayerNotables read(InputStream tar) throws IOException {
        NotableFiles notables = new NotableFiles();
        TarReader reader = new TarReader(tar);
        TarEntry e;
        while ((e = reader.next()) != null) {
            String path = LayerPaths.normalize(e.name());
            if (path.isEmpty()) {
                continue;
            }
            String base = LayerPaths.baseName(path);
            String dir = LayerPaths.parent(path);
            if (base.equals(".wh..wh..opq")) {
                notables.accept(dir, EntryType.OPAQUE, 0, 0, null);
            } else if (base.startsWith(".wh.") && !base.startsWith(".wh..wh.")) {
                String deleted = base.substring(4);
                notables.accept(dir.isEmpty() ? deleted : dir + "/" + deleted, EntryType.WHITEOUT, 0, 0, null);
            } else if (e.isSymlink()) {
                notables.accept(path, EntryType.SYMLINK, 0, e.mode(), e.linkName());
            } else if (e.isHardlink()) {
                notables.accept(path, EntryType.HARDLINK, 0, e.mode(), LayerPaths.normalize(e.linkName()));
            } else if (e.isRegularFile()) {
                notables.accept(path, EntryType.FILE, e.size(), e.mode(), null);
            } else if (e.isDirectory()) {
                notables.accept(path, EntryType.DIRECTORY, 0, e.mode(), null);
            } else {
                notables.accept(path, EntryType.OTHER, 0, e.mode(), null);
            }
        }
        return notables.build();
    }
}
