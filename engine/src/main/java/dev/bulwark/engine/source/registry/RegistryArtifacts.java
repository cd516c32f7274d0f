package dev.bulwark.engine.source.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Descriptor;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.MediaTypes;
import dev.bulwark.engine.image.VerifyingInputStream;
import dev.bulwark.engine.image.json.ImageJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pushes and pulls single-blob OCI artifacts (an image manifest with {@code artifactType}, the empty config and one
 * layer) through any registry, with the same authentication, TLS and retry rules as image pulls. Pulls verify the
 * manifest and the blob against their digests before the caller can trust a byte.
 */
public final class RegistryArtifacts {
    /** The OCI 1.1 empty config: the two bytes {@code {}}. */
    public static final String EMPTY_CONFIG_TYPE = "application/vnd.oci.empty.v1+json";
    private static final byte[] EMPTY_CONFIG = "{}".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the verified blob stream of a pulled artifact. */
    @FunctionalInterface
    public interface LayerConsumer {
        /**
         * Consumes {@code layer}; the digest and size are checked as it is read and once more when this returns,
         * so a tampered blob fails with {@link ErrorKind#INVALID_INPUT} even if the consumer stopped early.
         */
        void accept(ArtifactManifest manifest, InputStream layer) throws IOException;
    }

    private RegistryArtifacts() {
    }

    /**
     * Uploads the blob and the empty config (skipping blobs the registry already has) and puts the manifest under
     * the reference's tag; returns the manifest digest.
     */
    public static Digest push(RegistryOptions options, ArtifactUpload upload) {
        ImageReference ref = options.reference();
        if (ref.digest() != null) {
            throw new BulwarkException(ErrorKind.USAGE, "cannot push to " + ref + ": give a tag, not a digest");
        }
        if (!Files.isRegularFile(upload.layerFile())) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, upload.layerFile() + ": no such file");
        }
        try (RegistryClient client = new RegistryClient(options, true)) {
            Digest layerDigest;
            long layerSize;
            try {
                layerDigest = digestOf(upload);
                layerSize = Files.size(upload.layerFile());
            } catch (IOException e) {
                throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot read " + upload.layerFile() + ": "
                        + e.getMessage(), e);
            }
            BlobUploader blobs = new BlobUploader(client);
            Digest configDigest = Digest.sha256(EMPTY_CONFIG);
            blobs.upload(configDigest, EMPTY_CONFIG, "the empty config of " + ref);
            blobs.upload(layerDigest, upload.layerFile(), "the artifact blob of " + ref + " (" + layerDigest + ")");
            byte[] manifest = manifest(upload, configDigest, layerDigest, layerSize);
            Digest manifestDigest = Digest.sha256(manifest);
            String what = "putting the manifest of " + ref;
            HttpResponse<InputStream> response = client.send("PUT", client.repositoryUri("manifests/" + ref.tag()),
                    Map.of("Content-Type", MediaTypes.OCI_MANIFEST),
                    () -> HttpRequest.BodyPublishers.ofByteArray(manifest), what);
            if (response.statusCode() == 400) {
                String code = RegistryClient.errorCode(response);
                throw new BulwarkException(ErrorKind.REMOTE, "registry " + ref.registry() + " rejected the artifact"
                        + " manifest for " + ref + (code.isEmpty() ? "" : " (" + code + ")")
                        + ": it may not accept OCI artifacts");
            }
            client.expectStatus(response, 201, what);
            RegistryTransport.closeQuietly(response);
            String claimed = response.headers().firstValue("Docker-Content-Digest").orElse("").trim();
            if (!claimed.isEmpty() && !claimed.equals(manifestDigest.toString())) {
                throw new BulwarkException(ErrorKind.REMOTE, "registry " + ref.registry() + " stored the manifest of "
                        + ref + " as " + claimed + " instead of " + manifestDigest);
            }
            return manifestDigest;
        }
    }

    /**
     * Fetches the manifest {@code options} names, checks it is a single-blob artifact of {@code artifactType} whose
     * blob is at most {@code maxLayerBytes}, and hands the verified blob stream to {@code consumer}.
     */
    public static ArtifactManifest pull(RegistryOptions options, String artifactType, long maxLayerBytes,
            LayerConsumer consumer) {
        ImageReference ref = options.reference();
        try (RegistryClient client = new RegistryClient(options)) {
            String what = "manifest of " + ref;
            RegistryClient.Fetched top = client.manifest(ref.manifestReference(), ImageJson.MAX_MANIFEST_BYTES, what);
            Digest digest = RegistryImageSource.verifyTop(ref, top, what);
            ArtifactManifest manifest = parse(ref, digest, top, artifactType, what);
            Descriptor layer = manifest.layer();
            String blobWhat = "blob " + layer.digest() + " of " + ref;
            if (layer.size() > maxLayerBytes) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, blobWhat + " is " + layer.size()
                        + " bytes, more than the limit of " + maxLayerBytes);
            }
            try (VerifyingInputStream in = new VerifyingInputStream(client.openBlob(layer, blobWhat), layer.digest(),
                    layer.size(), blobWhat)) {
                consumer.accept(manifest, in);
                in.drainAndVerify();
            } catch (IOException e) {
                if (e.getCause() instanceof BulwarkException b) {
                    throw b;
                }
                throw new BulwarkException(ErrorKind.REMOTE, "registry " + ref.registry() + ": reading " + blobWhat
                        + " failed (" + e.getMessage() + ")", e);
            }
            return manifest;
        }
    }

    private static ArtifactManifest parse(ImageReference ref, Digest digest, RegistryClient.Fetched top,
            String artifactType, String what) {
        JsonNode root = ImageJson.tree(top.body(), what);
        String mediaType = ImageJson.text(root, "mediaType");
        if (mediaType == null) {
            mediaType = top.contentType() == null ? "" : top.contentType().trim();
        }
        if (!mediaType.equals(MediaTypes.OCI_MANIFEST)) {
            throw notArtifact(ref, artifactType, "it is a " + (MediaTypes.INDEXES.contains(mediaType) ? "multi-platform"
                    + " index" : "manifest of type \"" + shorten(mediaType) + "\""));
        }
        Descriptor config = ImageJson.descriptor(root.get("config"), what + " config");
        // OCI 1.1: artifactType names the type; artifacts written before it carry the type as the config media type.
        String type = ImageJson.text(root, "artifactType");
        if (type == null || type.isEmpty()) {
            type = config.mediaType();
        }
        if (!type.equals(artifactType)) {
            throw notArtifact(ref, artifactType, "its type is \"" + shorten(type) + "\"");
        }
        JsonNode layers = root.get("layers");
        if (layers == null || !layers.isArray() || layers.size() != 1) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, what + " must list exactly one blob, not "
                    + (layers == null || !layers.isArray() ? "none" : layers.size()));
        }
        Descriptor layer = ImageJson.descriptor(layers.get(0), what + " blob");
        return new ArtifactManifest(digest, type, layer, ImageJson.stringMap(root.get("annotations")));
    }

    private static byte[] manifest(ArtifactUpload upload, Digest configDigest, Digest layerDigest, long layerSize) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", MediaTypes.OCI_MANIFEST);
        root.put("artifactType", upload.artifactType());
        root.putObject("config").put("mediaType", EMPTY_CONFIG_TYPE).put("digest", configDigest.toString())
                .put("size", EMPTY_CONFIG.length).put("data", "e30=");
        ObjectNode layer = root.putArray("layers").addObject().put("mediaType", upload.layerMediaType())
                .put("digest", layerDigest.toString()).put("size", layerSize);
        if (!upload.layerAnnotations().isEmpty()) {
            new TreeMap<>(upload.layerAnnotations()).forEach(layer.putObject("annotations")::put);
        }
        if (!upload.annotations().isEmpty()) {
            new TreeMap<>(upload.annotations()).forEach(root.putObject("annotations")::put);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.INTERNAL, "cannot write an artifact manifest: " + e.getMessage(), e);
        }
    }

    private static Digest digestOf(ArtifactUpload upload) throws IOException {
        MessageDigest md = Digest.newSha256();
        try (InputStream in = Files.newInputStream(upload.layerFile())) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) >= 0; ) {
                md.update(buf, 0, n);
            }
        }
        return Digest.ofSha256(md);
    }

    private static BulwarkException notArtifact(ImageReference ref, String artifactType, String why) {
        return new BulwarkException(ErrorKind.INVALID_INPUT, ref + " is not an artifact of type " + artifactType
                + ": " + why);
    }

    private static String shorten(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
