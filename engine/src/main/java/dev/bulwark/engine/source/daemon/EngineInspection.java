package dev.bulwark.engine.source.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.ImageConfig;
import dev.bulwark.engine.image.Platform;
import dev.bulwark.engine.image.json.ImageJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine's {@code GET /images/{name}/json} says about an image, without exporting it: enough to decide
 * whether every layer is already cached ({@link #diffIds()}) and to describe the image.
 *
 * @param id the engine's image id: the config digest (Docker's classic store, Podman)
 * @param diffIds the layer diffIDs in order, lowest first ({@code RootFS.Layers})
 * @param config the image configuration as the engine reports it; its history is empty (inspect has none)
 */
public record EngineInspection(String reference, Digest id, List<String> repoTags, List<String> repoDigests,
        List<Digest> diffIds, ImageConfig config) {
    public EngineInspection {
        repoTags = List.copyOf(repoTags);
        repoDigests = List.copyOf(repoDigests);
        diffIds = List.copyOf(diffIds);
    }

    /** The platform the engine reports, used to pick the image from a multi-platform export. */
    public Platform platform() {
        return new Platform(config.os(), config.architecture(), config.variant());
    }

    /** Parses an inspect answer; every problem is one INVALID_INPUT line naming the image. */
    static EngineInspection parse(byte[] json, String reference) {
        String what = "engine image " + reference + ": inspect answer";
        JsonNode root = ImageJson.tree(json, what);
        Digest id = digest(root.get("Id"), what + " Id");
        JsonNode layers = root.path("RootFS").get("Layers");
        if (layers == null || !layers.isArray()) {
            throw invalid(what + " has no RootFS.Layers list");
        }
        List<Digest> diffIds = new ArrayList<>();
        for (JsonNode layer : layers) {
            diffIds.add(digest(layer, what + " RootFS.Layers[" + diffIds.size() + "]"));
        }
        JsonNode c = root.path("Config");
        List<String> ports = new ArrayList<>();
        c.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        ImageConfig config = new ImageConfig(text(root, "Os"), text(root, "Architecture"), text(root, "Variant"),
                text(root, "Created"), text(c, "User"), strings(c.get("Env")), strings(c.get("Entrypoint")),
                strings(c.get("Cmd")), text(c, "WorkingDir"), labels(c.get("Labels")), ports,
                c.hasNonNull("Healthcheck"), List.of(), diffIds);
        return new EngineInspection(reference, id, strings(root.get("RepoTags")), strings(root.get("RepoDigests")),
                diffIds, config);
    }

    private static Digest digest(JsonNode node, String what) {
        if (node == null || !node.isTextual()) {
            throw invalid(what + " is missing");
        }
        String text = node.asText();
        try {
            // Some engines print a bare hex id; it is still a sha256 digest.
            return Digest.parse(text.indexOf(':') < 0 ? "sha256:" + text : text);
        } catch (IllegalArgumentException e) {
            throw invalid(what + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isValueNode() || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> out.add(v.isValueNode() ? v.asText() : v.toString()));
        } else if (array != null && array.isTextual()) {
            out.add(array.asText());
        }
        return out;
    }

    private static Map<String, String> labels(JsonNode object) {
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

    private static BulwarkException invalid(String message) {
        return new BulwarkException(ErrorKind.INVALID_INPUT, message);
    }
}
