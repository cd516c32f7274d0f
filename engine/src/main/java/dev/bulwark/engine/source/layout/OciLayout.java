package dev.bulwark.engine.source.layout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Descriptor;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.ImageConfig;
import dev.bulwark.engine.image.ImageIndex;
import dev.bulwark.engine.image.ImageManifest;
import dev.bulwark.engine.image.Layer;
import dev.bulwark.engine.image.ManifestDocument;
import dev.bulwark.engine.image.Platform;
import dev.bulwark.engine.image.json.ImageJson;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens an image from an OCI image layout ({@code oci-layout}, {@code index.json}, {@code blobs/ALG/HEX}) held by
 * any {@link BlobStore}: a directory or an oci-archive tar. Every manifest and config is checked against its digest.
 */
public final class OciLayout {
    /** The annotation that names a manifest in an index (a tag, for {@code oci:DIR:TAG}). */
    public static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final int MAX_INDEX_DEPTH = 4;

    private OciLayout() {
    }

    /** Whether the store looks like an OCI layout. */
    public static boolean isLayout(BlobStore store) throws IOException {
        return store.size("oci-layout") >= 0 && store.size("index.json") >= 0;
    }

    /**
     * Opens the image.
     *
     * @param tag the {@code ref.name} to pick, or null to take the only image in the index
     */
    public static StoredImage open(BlobStore store, String name, String tag, Platform platform, Closeable resource)
            throws IOException {
        byte[] indexJson = store.readSmall("index.json", ImageJson.MAX_MANIFEST_BYTES, "index.json")
                .orElseThrow(() -> new BulwarkException(ErrorKind.INVALID_INPUT, name + ": no index.json; not an OCI"
                        + " image layout"));
        ManifestDocument top = ImageJson.manifest(indexJson, "application/vnd.oci.image.index.v1+json",
                name + ": index.json");
        if (!(top instanceof ImageIndex index)) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, name + ": index.json is not an image index");
        }
        Descriptor chosen = pick(index, name, tag);
        ImageManifest manifest = null;
        Digest manifestDigest = null;
        for (int depth = 0; depth < MAX_INDEX_DEPTH && manifest == null; depth++) {
            ManifestDocument doc = ImageJson.manifest(readVerified(store, chosen, name, ImageJson.MAX_MANIFEST_BYTES,
                    "manifest"), chosen.mediaType(), name + ": manifest " + chosen.digest());
            if (doc instanceof ImageManifest m) {
                manifest = m;
                manifestDigest = chosen.digest();
            } else if (doc instanceof ImageIndex nested) {
                chosen = nested.select(platform).orElseThrow(() -> new BulwarkException(ErrorKind.NOT_FOUND, name
                        + ": no image for platform " + platform + " (available: " + nested.platforms()
                        + "); choose one with --platform"));
            }
        }
        if (manifest == null) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, name + ": image indexes nested too deeply");
        }
        byte[] configJson = readVerified(store, manifest.config(), name, ImageJson.MAX_CONFIG_BYTES, "config");
        ImageConfig config = ImageJson.config(configJson, name + ": config " + manifest.config().digest());
        List<Layer> layers = Layer.pair(name, manifest, config);
        List<String> tags = new ArrayList<>();
        if (tag != null) {
            tags.add(tag);
        }
        return new StoredImage(name, manifestDigest, tags, manifest, manifest.config().digest(), config, layers,
                store, l -> blobPath(l.blob().digest()), true, resource);
    }

    /** {@code blobs/ALG/HEX}. */
    public static String blobPath(Digest d) {
        return "blobs/" + d.algorithm() + "/" + d.hex();
    }

    private static Descriptor pick(ImageIndex index, String name, String tag) {
        List<Descriptor> all = index.manifests();
        if (all.isEmpty()) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, name + ": index.json lists no images");
        }
        if (tag != null) {
            return all.stream().filter(d -> tag.equals(d.annotations().get(REF_NAME))).findFirst()
                    .orElseThrow(() -> new BulwarkException(ErrorKind.NOT_FOUND, name + ": no image tagged \"" + tag
                            + "\" (tags: " + tags(all) + ")"));
        }
        if (all.size() > 1) {
            throw new BulwarkException(ErrorKind.USAGE, name + ": holds " + all.size() + " images; name one as "
                    + "oci:DIR:TAG (tags: " + tags(all) + ")");
        }
        return all.get(0);
    }

    private static List<String> tags(List<Descriptor> all) {
        return all.stream().map(d -> d.annotations().getOrDefault(REF_NAME, d.digest().toString())).toList();
    }

    static byte[] readVerified(BlobStore store, Descriptor d, String name, int limit, String what)
            throws IOException {
        if (d.size() > limit) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, name + ": " + what + " " + d.digest() + " declares "
                    + d.size() + " bytes, over the limit of " + limit);
        }
        Optional<byte[]> data = store.readSmall(blobPath(d.digest()), limit, what + " " + d.digest());
        byte[] bytes = data.orElseThrow(() -> new BulwarkException(ErrorKind.INVALID_INPUT, name + ": " + what + " "
                + d.digest() + " is missing from " + store.describe()));
        if (bytes.length != d.size() || !d.digest().matches(d.digest().newMessageDigest().digest(bytes))) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, name + ": " + what + " " + d.digest()
                    + " does not match its digest or size");
        }
        return bytes;
    }

    /** Used by docker-archive reading: a JSON document from the store. */
    static JsonNode json(BlobStore store, String path, String name) throws IOException {
        byte[] bytes = store.readSmall(path, ImageJson.MAX_MANIFEST_BYTES, path).orElseThrow();
        return ImageJson.tree(bytes, name + ": " + path);
    }
}
