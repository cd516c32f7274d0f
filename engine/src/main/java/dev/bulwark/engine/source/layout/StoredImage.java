package dev.bulwark.engine.source.layout;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.ImageConfig;
import dev.bulwark.engine.image.ImageManifest;
import dev.bulwark.engine.image.Layer;
import dev.bulwark.engine.image.VerifyingInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;

/**
 * An image whose blobs are files in a {@link BlobStore} (an OCI layout, an OCI archive or a docker-archive).
 *
 * @param layerPath where each layer's blob lives in the store
 * @param verifyBlobs whether layer blobs are named by a digest to check (docker-archive's legacy layout names them by
 *     an id instead; then only the diffID check of the scanner applies)
 * @param resource closed with the image (a temporary file, an open archive), or null
 */
public record StoredImage(String name, Digest manifestDigest, List<String> repoTags, ImageManifest manifest,
        Digest configDigest, ImageConfig config, List<Layer> layers, BlobStore store,
        Function<Layer, String> layerPath, boolean verifyBlobs, Closeable resource) implements Image {

    public StoredImage {
        repoTags = repoTags == null ? List.of() : List.copyOf(repoTags);
        layers = List.copyOf(layers);
    }

    @Override
    public InputStream openLayer(Layer layer) throws IOException {
        String path = layerPath.apply(layer);
        InputStream in = store.open(path).orElseThrow(() -> new BulwarkException(ErrorKind.INVALID_INPUT,
                name + ": layer " + layer.index() + " blob " + path + " is missing from " + store.describe()));
        if (!verifyBlobs) {
            return in;
        }
        return new VerifyingInputStream(in, layer.blob().digest(), layer.blob().size(),
                name + ": layer " + layer.index() + " (" + layer.blob().digest() + ")");
    }

    @Override
    public boolean verifiesBlobs() {
        return verifyBlobs;
    }

    @Override
    public void close() throws IOException {
        if (resource != null) {
            resource.close();
        }
    }
}
