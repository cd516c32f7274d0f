package dev.bulwark.engine.source.registry;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Descriptor;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.ImageConfig;
import dev.bulwark.engine.image.ImageIndex;
import dev.bulwark.engine.image.ImageManifest;
import dev.bulwark.engine.image.ImageSource;
import dev.bulwark.engine.image.Layer;
import dev.bulwark.engine.image.ManifestDocument;
import dev.bulwark.engine.image.MediaTypes;
import dev.bulwark.engine.image.json.ImageJson;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Pulls an image from an OCI/Docker registry. {@link #open} fetches and verifies the manifest (against the pinned
 * digest, else the registry's {@code Docker-Content-Digest}), picks the wanted platform from an index, and fetches
 * and verifies the config; layer blobs are streamed later by {@link Image#openLayer}, verified as they are read.
 */
public final class RegistryImageSource implements ImageSource {
    private static final Set<String> CONFIG_TYPES = Set.of(MediaTypes.OCI_CONFIG, MediaTypes.DOCKER_CONFIG, "");

    private final RegistryOptions options;

    public RegistryImageSource(RegistryOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String describe() {
        return "registry " + options.reference();
    }

    @Override
    public Image open() {
        ImageReference ref = options.reference();
        RegistryClient client = new RegistryClient(options);
        try {
            String what = "manifest of " + ref;
            RegistryClient.Fetched top = client.manifest(ref.manifestReference(), ImageJson.MAX_MANIFEST_BYTES, what);
            Digest topDigest = verifyTop(ref, top, what);
            ManifestDocument document = ImageJson.manifest(top.body(), top.contentType(), what);
            ImageManifest manifest = switch (document) {
                case ImageManifest m -> m;
                case ImageIndex index -> platformManifest(client, ref, index);
            };
            Descriptor configBlob = manifest.config();
            String configWhat = "config of " + ref + " (" + configBlob.digest() + ")";
            if (!CONFIG_TYPES.contains(configBlob.mediaType())) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, ref + " is not a container image: its config has"
                        + " media type \"" + shorten(configBlob.mediaType()) + "\"");
            }
            if (configBlob.size() > ImageJson.MAX_CONFIG_BYTES) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, configWhat + " is larger than "
                        + ImageJson.MAX_CONFIG_BYTES + " bytes");
            }
            byte[] configBytes = client.blob(configBlob, configWhat);
            verify(configBlob, configBytes, configWhat);
            ImageConfig config = ImageJson.config(configBytes, configWhat);
            List<Layer> layers = Layer.pair(ref.toString(), manifest, config);
            return new RegistryImage(client, ref, topDigest, manifest, config, layers);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Opens the image and reads every layer blob to the end, verified, {@code parallelism} at a time. */
    public ParallelPull.Result pullAllLayers(int parallelism) {
        try (Image image = open()) {
            return ParallelPull.readAllLayers(image, parallelism);
        } catch (java.io.IOException e) {
            throw new BulwarkException(ErrorKind.REMOTE, "closing " + options.reference() + ": " + e.getMessage(), e);
        }
    }

    /** Checks a fetched top-level manifest against the pinned digest, else the registry's claim; returns its digest. */
    static Digest verifyTop(ImageReference ref, RegistryClient.Fetched top, String what) {
        Digest expected = ref.digest();
        if (expected == null && top.dockerContentDigest() != null) {
            try {
                expected = Digest.parse(top.dockerContentDigest().trim());
            } catch (IllegalArgumentException e) {
                // An unparseable claim proves nothing either way; the computed digest below is what we report.
                expected = null;
            }
        }
        if (expected == null) {
            return Digest.sha256(top.body());
        }
        MessageDigest md = expected.newMessageDigest();
        if (!expected.matches(md.digest(top.body()))) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, what + " does not match digest " + expected
                    + (ref.digest() != null ? " (pinned in the reference)" : " (sent as Docker-Content-Digest)"));
        }
        return expected;
    }

    private ImageManifest platformManifest(RegistryClient client, ImageReference ref, ImageIndex index) {
        Descriptor chosen = index.select(options.platform()).orElseThrow(() -> new BulwarkException(
                ErrorKind.NOT_FOUND, "image " + ref + " has no manifest for platform " + options.platform()
                        + "; available: " + index.platforms() + " (choose one with --platform)"));
        String what = "manifest of " + ref + " for " + options.platform() + " (" + chosen.digest() + ")";
        if (chosen.size() > ImageJson.MAX_MANIFEST_BYTES) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, what + " is larger than "
                    + ImageJson.MAX_MANIFEST_BYTES + " bytes");
        }
        RegistryClient.Fetched fetched = client.manifest(chosen.digest().toString(), chosen.size(), what);
        verify(chosen, fetched.body(), what);
        ManifestDocument document = ImageJson.manifest(fetched.body(), chosen.mediaType().isEmpty()
                ? fetched.contentType() : chosen.mediaType(), what);
        if (document instanceof ImageManifest manifest) {
            return manifest;
        }
        throw new BulwarkException(ErrorKind.INVALID_INPUT, what + " is another index; nested indexes are not"
                + " supported");
    }

    private static void verify(Descriptor descriptor, byte[] bytes, String what) {
        if (bytes.length != descriptor.size()) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, what + " is " + bytes.length + " bytes but "
                    + descriptor.size() + " were declared");
        }
        if (!descriptor.digest().matches(descriptor.digest().newMessageDigest().digest(bytes))) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, what + " does not match digest "
                    + descriptor.digest());
        }
    }

    private static String shorten(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
