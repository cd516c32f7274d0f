package dev.bulwark.engine.image.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.JsonScanner;
import dev.bulwark.engine.JsonTrees;
import dev.bulwark.engine.image.Descriptor;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.ImageConfig;
import dev.bulwark.engine.image.ImageIndex;
import dev.bulwark.engine.image.ImageManifest;
import dev.bulwark.engine.image.ManifestDocument;
import dev.bulwark.engine.image.MediaTypes;
import dev.bulwark.engine.image.Platform;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates wire JSON (manifests, indexes, configs) into the domain records. Everything here reads untrusted
 * bytes: sizes are capped, nesting is bounded and every problem becomes one {@link ErrorKind#INVALID_INPUT} line
 * that names {@code what}.
 */
public final class ImageJson {
    /** The OCI distribution spec lets registries refuse manifests over 4 MiB; configs get more room. */
    public static final int MAX_MANIFEST_BYTES = 4 << 20;
    public static final int MAX_CONFIG_BYTES = 32 << 20;

    /** Nesting, string, name and number bounds of the wire JSON (nothing real nests past a handful of levels). */
    private static final JsonScanner.Limits LIMITS = new JsonScanner.Limits(64, MAX_CONFIG_BYTES, 50_000, 1000);

    private ImageJson() {
    }

    /**
     * Parses bytes as JSON (its first value; anything after it is not read); {@code what} names the document in the
     * error.
     */
    public static JsonNode tree(byte[] json, String what) {
        try {
            JsonScanner scanner = new JsonScanner(json, json.length, LIMITS);
            JsonNode node = scanner.next() == null ? null : JsonTrees.read(scanner);
            if (node == null || !node.isObject()) {
                throw invalid(what, "is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw invalid(what, "is not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
    }

    /**
     * Parses a manifest or an index. The media type comes from the document, else from {@code hint} (a
     * Content-Type or descriptor), else from its shape.
     */
    public static ManifestDocument manifest(byte[] json, String hint, String what) {
        if (json.length > MAX_MANIFEST_BYTES) {
            throw invalid(what, "is larger than " + MAX_MANIFEST_BYTES + " bytes");
        }
        JsonNode root = tree(json, what);
        String mediaType = text(root, "mediaType");
        if (mediaType == null || mediaType.isEmpty()) {
            mediaType = hint == null ? "" : hint;
        }
        if (mediaType.isEmpty()) {
            mediaType = root.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
        }
        if (MediaTypes.INDEXES.contains(mediaType)) {
            return new ImageIndex(mediaType, descriptors(root.get("manifests"), what + " manifests"));
        }
        if (MediaTypes.MANIFESTS.contains(mediaType)) {
            int schemaVersion = root.path("schemaVersion").asInt(-1);
            if (schemaVersion != 2) {
                throw invalid(what, "has schemaVersion " + root.path("schemaVersion")
                        + "; only schema 2 manifests are supported");
            }
            JsonNode config = root.get("config");
            if (config == null || !config.isObject()) {
                throw invalid(what, "has no config descriptor");
            }
            return new ImageManifest(mediaType, descriptor(config, what + " config"),
                    descriptors(root.get("layers"), what + " layers"));
        }
        if (mediaType.startsWith("application/vnd.docker.distribution.manifest.v1")) {
            throw invalid(what, "is a Docker schema 1 manifest, which is deprecated and not supported");
        }
        throw invalid(what, "has unknown media type " + quote(mediaType));
    }

    /** Parses an image configuration blob. */
    public static ImageConfig config(byte[] json, String what) {
        if (json.length > MAX_CONFIG_BYTES) {
            throw invalid(what, "is larger than " + MAX_CONFIG_BYTES + " bytes");
        }
        JsonNode root = tree(json, what);
        JsonNode rootfs = root.get("rootfs");
        if (rootfs == null || !rootfs.isObject()) {
            throw invalid(what, "has no rootfs section");
        }
        JsonNode ids = rootfs.get("diff_ids");
        if (ids == null || !ids.isArray()) {
            throw invalid(what, "has no rootfs.diff_ids list");
        }
        List<Digest> diffIds = new ArrayList<>();
        for (JsonNode id : ids) {
            diffIds.add(digest(id, what + " diff_id"));
        }
        JsonNode c = root.path("config");
        List<ImageConfig.History> history = new ArrayList<>();
        for (JsonNode h : root.path("history")) {
            history.add(new ImageConfig.History(text(h, "created"), text(h, "created_by"), text(h, "comment"),
                    h.path("empty_layer").asBoolean(false)));
        }
        List<String> ports = new ArrayList<>();
        c.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        return new ImageConfig(text(root, "os"), text(root, "architecture"), text(root, "variant"),
                text(root, "created"), text(c, "User"), strings(c.get("Env")), strings(c.get("Entrypoint")),
                strings(c.get("Cmd")), text(c, "WorkingDir"), stringMap(c.get("Labels")), ports,
                healthcheckEnabled(c.get("Healthcheck")), history, diffIds);
    }

    /** A Healthcheck object is there and does not disable the check ({@code "Test": ["NONE"]}). */
    static boolean healthcheckEnabled(JsonNode healthcheck) {
        if (healthcheck == null || !healthcheck.isObject()) {
            return false;
        }
        JsonNode test = healthcheck.get("Test");
        return !(test != null && test.isArray() && test.size() > 0 && "NONE".equals(test.get(0).asText()));
    }

    /** Parses one descriptor object. */
    public static Descriptor descriptor(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw invalid(what, "is not a descriptor object");
        }
        JsonNode size = node.get("size");
        if (size == null || !size.canConvertToLong() || size.asLong() < 0) {
            throw invalid(what, "has no valid size");
        }
        Platform platform = null;
        JsonNode p = node.get("platform");
        if (p != null && p.isObject()) {
            platform = new Platform(text(p, "os"), text(p, "architecture"), text(p, "variant"));
        }
        return new Descriptor(text(node, "mediaType"), digest(node.get("digest"), what), size.asLong(), platform,
                stringMap(node.get("annotations")));
    }

    private static List<Descriptor> descriptors(JsonNode array, String what) {
        if (array == null || !array.isArray()) {
            throw invalid(what, "is not a list");
        }
        List<Descriptor> out = new ArrayList<>(array.size());
        int i = 0;
        for (JsonNode n : array) {
            out.add(descriptor(n, what + "[" + i++ + "]"));
        }
        return out;
    }

    private static Digest digest(JsonNode node, String what) {
        if (node == null || !node.isTextual()) {
            throw invalid(what, "has no digest");
        }
        try {
            return Digest.parse(node.asText());
        } catch (IllegalArgumentException e) {
            throw invalid(what, e.getMessage());
        }
    }

    /** A field's value as text (objects and arrays as their JSON), or null when absent or null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    /** A JSON list of values as strings; a lone string is a list of one. */
    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> out.add(v.isValueNode() ? v.asText() : v.toString()));
        } else if (array != null && array.isTextual()) {
            out.add(array.asText());
        }
        return out;
    }

    /** A JSON object as an ordered string map (non-scalar values as their JSON). */
    public static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (object != null && object.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = object.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
        }
        return out;
    }

    private static BulwarkException invalid(String what, String problem) {
        return new BulwarkException(ErrorKind.INVALID_INPUT, what + " " + problem);
    }

    private static String quote(String s) {
        return "\"" + (s.length() > 100 ? s.substring(0, 100) + "..." : s) + "\"";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
