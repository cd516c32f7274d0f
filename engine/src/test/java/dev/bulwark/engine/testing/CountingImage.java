package dev.bulwark.engine.testing;

import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.ImageConfig;
import dev.bulwark.engine.image.ImageManifest;
import dev.bulwark.engine.image.Layer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A real image that counts its layer-blob opens (to prove a cached rescan reads none); all else passes through. */
public final class CountingImage implements Image {
    private final Image inner;
    private final AtomicInteger opens = new AtomicInteger();

    public CountingImage(Image inner) {
        this.inner = inner;
    }

    /** How many times a layer blob was opened. */
    public int opens() {
        return opens.get();
    }

    @Override public String name() { return inner.name(); }
    @Override public Digest manifestDigest() { return inner.manifestDigest(); }
    @Override public List<String> repoTags() { return inner.repoTags(); }
    @Override public ImageManifest manifest() { return inner.manifest(); }
    @Override public Digest configDigest() { return inner.configDigest(); }
    @Override public ImageConfig config() { return inner.config(); }
    @Override public List<Layer> layers() { return inner.layers(); }
    @Override public boolean verifiesBlobs() { return inner.verifiesBlobs(); }
    @Override public dev.bulwark.engine.ErrorKind readFailureKind() { return inner.readFailureKind(); }

    @Override
    public InputStream openLayer(Layer layer) throws IOException {
        opens.incrementAndGet();
        return inner.openLayer(layer);
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
