package dev.bulwark.engine.source.registry;

import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.ImageConfig;
import dev.bulwark.engine.image.ImageManifest;
import dev.bulwark.engine.image.Layer;
import dev.bulwark.engine.image.VerifyingInputStream;
import java.io.InputStream;
import java.util.List;

/** An image opened from a registry; layer blobs are streamed on demand and verified as they are read. */
final class RegistryImage implements Image {
    private final RegistryClient client;
    private final ImageReference ref;
    private final Digest manifestDigest;
    private final ImageManifest manifest;
    private final Digest configDigest;
    private final ImageConfig config;
    private final List<Layer> layers;

    RegistryImage(RegistryClient client, ImageReference ref, Digest manifestDigest, ImageManifest manifest,
            ImageConfig config, List<Layer> layers) {
        this.client = client;
        this.ref = ref;
        this.manifestDigest = manifestDigest;
        this.manifest = manifest;
        this.configDigest = manifest.config().digest();
        this.config = config;
        this.layers = List.copyOf(layers);
    }

    @Override
    public String name() {
        return ref.toString();
    }

    @Override
    public Digest manifestDigest() {
        return manifestDigest;
    }

    /** The reference as pulled and its repository digest, as {@code docker inspect} lists RepoTags/RepoDigests. */
    @Override
    public List<String> repoTags() {
        String byDigest = ref.name() + "@" + manifestDigest;
        return ref.tag() == null ? List.of(byDigest) : List.of(ref.name() + ":" + ref.tag(), byDigest);
    }

    /** A stream that breaks off mid-layer is the network's fault, not the image's. */
    @Override
    public dev.bulwark.engine.ErrorKind readFailureKind() {
        return dev.bulwark.engine.ErrorKind.REMOTE;
    }

    @Override
    public ImageManifest manifest() {
        return manifest;
    }

    @Override
    public Digest configDigest() {
        return configDigest;
    }

    @Override
    public ImageConfig config() {
        return config;
    }

    @Override
    public List<Layer> layers() {
        return layers;
    }

    @Override
    public InputStream openLayer(Layer layer) {
        String what = "image " + ref + " layer " + layer.index() + " (" + layer.blob().digest() + ")";
        return new VerifyingInputStream(client.openBlob(layer.blob(), what), layer.blob().digest(),
                layer.blob().size(), what);
    }

    @Override
    public void close() {
        client.close();
    }
}
