package dev.bulwark.engine.source.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Descriptor;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.ImageConfig;
import dev.bulwark.engine.image.ImageManifest;
import dev.bulwark.engine.image.ImageSource;
import dev.bulwark.engine.image.Layer;
import dev.bulwark.engine.image.MediaTypes;
import dev.bulwark.engine.image.Platform;
import dev.bulwark.engine.image.json.ImageJson;
import dev.bulwark.engine.source.layout.OciLayout;
import dev.bulwark.engine.source.layout.StoredImage;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --input FILE}: an image archive, either an oci-archive (a tar of an OCI layout) or a docker-archive (as
 * {@code docker save}, {@code podman save} and {@code skopeo copy ... docker-archive:} write it). The kind is told
 * from the content, not the file name.
 */
public final class ArchiveImageSource implements ImageSource {
    private static final Pattern BLOB_NAME = Pattern.compile("(?:.*/)?blobs/(sha256|sha512)/([a-f0-9]+)");
    private static final Pattern HEX_JSON = Pattern.compile("(?:.*/)?([a-f0-9]{64})\\.json");

    private final Path file;
    private final Platform platform;
    private final Closeable resource;
    private final String displayName;

    public ArchiveImageSource(Path file, Platform platform) {
        this(file, platform, null, file.toString());
    }

    /**
     * @param resource closed with the image (for a spooled temporary archive)
     * @param displayName what to call the image in reports and messages
     */
    public ArchiveImageSource(Path file, Platform platform, Closeable resource, String displayName) {
        this.file = file;
        this.platform = platform;
        this.resource = resource;
        this.displayName = displayName;
    }

    @Override
    public Image open() {
        if (!Files.isRegularFile(file)) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, file + ": no such file");
        }
        try {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] magic = in.readNBytes(4);
                if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                    throw new BulwarkException(ErrorKind.INVALID_INPUT, file + ": is gzip-compressed; decompress it"
                            + " first (gunzip) — image archives are read in place");
                }
            }
            TarFileIndex index;
            try {
                index = TarFileIndex.of(file);
            } catch (IOException e) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, file + ": not a readable image archive ("
                        + e.getMessage() + ")");
            }
            if (index.contains("manifest.json")) {
                return docker(index);
            }
            if (OciLayout.isLayout(index)) {
                return OciLayout.open(index, displayName, null, platform, resource);
            }
            throw new BulwarkException(ErrorKind.INVALID_INPUT, file + ": neither a docker-archive (manifest.json)"
                    + " nor an oci-archive (oci-layout, index.json)");
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "archive " + file;
    }

    private StoredImage docker(TarFileIndex index) throws IOException {
        JsonNode root;
        byte[] raw = index.readSmall("manifest.json", ImageJson.MAX_MANIFEST_BYTES, "manifest.json").orElseThrow();
        try {
            root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(raw);
        } catch (IOException e) {
            throw invalid("manifest.json is not valid JSON");
        }
        if (root == null || !root.isArray() || root.isEmpty() || !root.get(0).isObject()) {
            throw invalid("manifest.json is not a list of images");
        }
        JsonNode entry = root.get(0);
        String configPath = text(entry, "Config");
        if (configPath == null) {
            throw invalid("manifest.json has no Config");
        }
        byte[] configJson = index.readSmall(configPath, ImageJson.MAX_CONFIG_BYTES, "config")
                .orElseThrow(() -> invalid("config " + configPath + " is missing"));
        Digest configDigest = Digest.sha256(configJson);
        Digest named = nameDigest(configPath);
        if (named != null && !named.equals(configDigest)) {
            throw invalid("config " + configPath + " does not match its digest");
        }
        ImageConfig config = ImageJson.config(configJson, displayName + ": config " + configPath);
        JsonNode layerNames = entry.get("Layers");
        if (layerNames == null || !layerNames.isArray()) {
            throw invalid("manifest.json has no Layers list");
        }
        List<String> paths = new ArrayList<>();
        layerNames.forEach(n -> paths.add(n.asText()));
        if (paths.size() != config.diffIds().size()) {
            throw invalid("manifest.json lists " + paths.size() + " layers but the config lists "
                    + config.diffIds().size() + " diff_ids");
        }
        boolean named256 = paths.stream().allMatch(p -> nameDigest(p) != null);
        List<Descriptor> blobs = new ArrayList<>();
        Map<Digest, String> pathOf = new HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            String p = paths.get(i);
            long size = index.size(p);
            if (size < 0) {
                throw invalid("layer " + p + " is missing");
            }
            Digest d = named256 ? nameDigest(p) : config.diffIds().get(i);
            blobs.add(new Descriptor(MediaTypes.DOCKER_LAYER_TAR, d, size));
            pathOf.put(d, p);
        }
        ImageManifest manifest = new ImageManifest(MediaTypes.DOCKER_MANIFEST,
                new Descriptor(MediaTypes.DOCKER_CONFIG, configDigest, configJson.length), blobs);
        List<Layer> layers = Layer.pair(displayName, manifest, config);
        List<String> tags = new ArrayList<>();
        JsonNode repoTags = entry.get("RepoTags");
        if (repoTags != null && repoTags.isArray()) {
            repoTags.forEach(t -> tags.add(t.asText()));
        }
        return new StoredImage(displayName, null, tags, manifest, configDigest, config, layers, index,
                l -> pathOf.get(l.blob().digest()), named256, resource);
    }

    private static Digest nameDigest(String path) {
        Matcher m = BLOB_NAME.matcher(path);
        try {
            if (m.matches()) {
                return new Digest(m.group(1), m.group(2));
            }
            Matcher j = HEX_JSON.matcher(path);
            if (j.matches()) {
                return new Digest("sha256", j.group(1));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private BulwarkException invalid(String problem) {
        return new BulwarkException(ErrorKind.INVALID_INPUT, displayName + ": " + problem);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }
}
