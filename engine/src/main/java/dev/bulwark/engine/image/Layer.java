package dev.bulwark.engine.image;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One layer of an image: the blob that carries it (compressed or not), its diffID (sha256 of the uncompressed tar,
 * from the config) and the history command that made it.
 */
public record Layer(int index, Descriptor blob, Digest diffId, String createdBy) {
    public Layer {
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(diffId, "diffId");
    }

    /** Pairs the manifest's layer blobs with the config's diffIDs; they must agree in number. */
    public static List<Layer> pair(String imageName, ImageManifest manifest, ImageConfig config) {
        List<Descriptor> blobs = manifest.layers();
        List<Digest> diffIds = config.diffIds();
        if (blobs.size() != diffIds.size()) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, imageName + ": manifest lists " + blobs.size()
                    + " layers but the config lists " + diffIds.size() + " diff_ids");
        }
        List<Layer> layers = new ArrayList<>(blobs.size());
        for (int i = 0; i < blobs.size(); i++) {
            Descriptor d = blobs.get(i);
            if (!d.mediaType().isEmpty() && !MediaTypes.LAYERS.contains(d.mediaType())) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, imageName + ": layer " + i + " (" + d.digest()
                        + ") has unknown media type \"" + d.mediaType() + "\"");
            }
            layers.add(new Layer(i, d, diffIds.get(i), config.createdBy(i)));
        }
        return layers;
    }
}
