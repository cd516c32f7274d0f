package dev.bulwark.engine.source.daemon;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.image.Descriptor;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.ImageConfig;
import dev.bulwark.engine.image.ImageManifest;
import dev.bulwark.engine.image.Layer;
import dev.bulwark.engine.image.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An engine image described from its inspection alone, exporting on the first {@link #openLayer}. Each layer's blob
 * is described by its diffID, so a layer cache keyed on (diffID, blob) answers for it without the export. That is
 * safe because the diffIDs come from the engine, which computed them itself when it pulled, loaded or built the
 * layers, and because a layer that is read is still checked against its diffID by the scanner.
 */
final class DeferredEngineImage implements Image {
    private final EngineInspection inspection;
    private final Supplier<Image> export;
    private final ImageManifest manifest;
    private final List<Layer> layers;
    private Image exported;
    private BulwarkException exportFailure;
    private boolean closed;

    DeferredEngineImage(EngineInspection inspection, Supplier<Image> export) {
        this.inspection = inspection;
        this.export = export;
        List<Descriptor> blobs = new ArrayList<>();
        for (Digest diffId : inspection.diffIds()) {
            blobs.add(new Descriptor(MediaTypes.DOCKER_LAYER_TAR, diffId, 0));
        }
        this.manifest = new ImageManifest(MediaTypes.DOCKER_MANIFEST,
                new Descriptor(MediaTypes.DOCKER_CONFIG, inspection.id(), 0), blobs);
        this.layers = Layer.pair(inspection.reference(), manifest, inspection.config());
    }

    @Override
    public String name() {
        return inspection.reference();
    }

    @Override
    public Digest manifestDigest() {
        return null;
    }

    @Override
    public List<String> repoTags() {
        return inspection.repoTags();
    }

    @Override
    public ImageManifest manifest() {
        return manifest;
    }

    @Override
    public Digest configDigest() {
        return inspection.id();
    }

    @Override
    public ImageConfig config() {
        return inspection.config();
    }

    @Override
    public List<Layer> layers() {
        return layers;
    }

    @Override
    public InputStream openLayer(Layer layer) throws IOException {
        Image image = exported();
        return image.openLayer(image.layers().get(layer.index()));
    }

    /** Whether the export has happened (for tests and progress output). */
    synchronized boolean isExported() {
        return exported != null;
    }

    private synchronized Image exported() {
        if (closed) {
            throw new IllegalStateException(inspection.reference() + " is closed");
        }
        if (exportFailure != null) {
            throw exportFailure; // layers are opened in parallel: export and fail once, not once per layer
        }
        if (exported == null) {
            try {
                exported = export.get();
            } catch (BulwarkException e) {
                exportFailure = e;
                throw e;
            }
        }
        return exported;
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (exported != null) {
            exported.close();
            exported = null;
        }
    }
}
