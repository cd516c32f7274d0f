package dev.bulwark.engine.testing;

import dev.bulwark.engine.image.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an OCI image layout (oci-layout, index.json, blobs) from layer blobs, with correct digests by default and
 * hooks to break them, for hostile-input tests. The JSON follows the OCI image spec field by field.
 */
public final class OciLayoutBuilder {
    private final List<byte[]> blobs = new ArrayList<>();
    private final List<Digest> diffIds = new ArrayList<>();
    private final List<String> layerMediaTypes = new ArrayList<>();
    private String configOverride;
    private String manifestOverride;

    /** Adds a layer: {@code tar} is the uncompressed tar, {@code blob} what is stored (tar, gzip or zstd of it). */
    public OciLayoutBuilder layer(byte[] tar, byte[] blob, String mediaType) {
        blobs.add(blob);
        diffIds.add(Digest.sha256(tar));
        layerMediaTypes.add(mediaType);
        return this;
    }

    public OciLayoutBuilder gzipLayer(byte[] tar) {
        return layer(tar, TarBuilder.gzip(tar), "application/vnd.oci.image.layer.v1.tar+gzip");
    }

    /** Replaces the config JSON (digests are then computed for the replacement). */
    public OciLayoutBuilder config(String json) {
        this.configOverride = json;
        return this;
    }

    /** Replaces the manifest JSON. */
    public OciLayoutBuilder manifest(String json) {
        this.manifestOverride = json;
        return this;
    }

    public String defaultConfig() {
        StringBuilder ids = new StringBuilder();
        for (Digest d : diffIds) {
            ids.append(ids.length() == 0 ? "" : ",").append('"').append(d).append('"');
        }
        return "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"User\":\"1000\"},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + ids + "]}}";
    }

    public Path write(Path dir) throws IOException {
        Path blobDir = Files.createDirectories(dir.resolve("blobs/sha256"));
        byte[] config = (configOverride != null ? configOverride : defaultConfig()).getBytes(StandardCharsets.UTF_8);
        StringBuilder layers = new StringBuilder();
        for (int i = 0; i < blobs.size(); i++) {
            byte[] b = blobs.get(i);
            Files.write(blobDir.resolve(Digest.sha256(b).hex()), b);
            layers.append(i == 0 ? "" : ",").append("{\"mediaType\":\"").append(layerMediaTypes.get(i))
                    .append("\",\"digest\":\"").append(Digest.sha256(b)).append("\",\"size\":").append(b.length)
                    .append('}');
        }
        Files.write(blobDir.resolve(Digest.sha256(config).hex()), config);
        String manifestJson = manifestOverride != null ? manifestOverride
                : "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{"
                        + "\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                        + Digest.sha256(config) + "\",\"size\":" + config.length + "},\"layers\":[" + layers + "]}";
        byte[] manifest = manifestJson.getBytes(StandardCharsets.UTF_8);
        Files.write(blobDir.resolve(Digest.sha256(manifest).hex()), manifest);
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + Digest.sha256(manifest)
                + "\",\"size\":" + manifest.length + ",\"annotations\":{\"org.opencontainers.image.ref.name\":"
                + "\"test\"}}]}");
        return dir;
    }

    /** The path of the blob of layer {@code i} once written, for tampering. */
    public Path layerBlob(Path dir, int i) {
        return dir.resolve("blobs/sha256").resolve(Digest.sha256(blobs.get(i)).hex());
    }
}
