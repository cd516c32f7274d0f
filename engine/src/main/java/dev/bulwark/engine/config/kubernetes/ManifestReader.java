package dev.bulwark.engine.config.kubernetes;

import dev.bulwark.engine.config.yaml.YamlDocument;
import dev.bulwark.engine.config.yaml.YamlReader;
import dev.bulwark.engine.config.yaml.YamlStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the Kubernetes objects in a YAML or JSON file: every document with an {@code apiVersion} and a {@code kind},
 * and the {@code items} of {@code List} kinds ({@code v1/List}, {@code PodList}, ...). Other YAML is skipped quietly.
 */
final class ManifestReader {

    private static final int MAX_LIST_NESTING = 4;

    private final YamlReader yaml;

    ManifestReader(YamlReader yaml) {
        this.yaml = yaml;
    }

    /** The objects of {@code bytes}; what could not be read goes to {@code warnings}. */
    List<KubernetesObject> read(String file, byte[] bytes, List<String> warnings) {
        YamlStream stream = yaml.read(file, bytes);
        warnings.addAll(stream.warnings());
        List<KubernetesObject> objects = new ArrayList<>();
        for (YamlDocument document : stream.documents()) {
            collect(file, document, document.root(), 0, objects);
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    private static void collect(String file, YamlDocument document, Object node, int nesting,
            List<KubernetesObject> out) {
        if (!(node instanceof Map<?, ?> map) || nesting > MAX_LIST_NESTING) {
            return;
        }
        String kind = Fields.text(map, "kind");
        if (kind == null || Fields.text(map, "apiVersion") == null) {
            return;
        }
        Object items = map.get("items");
        if (kind.endsWith("List") && items instanceof List<?> list) {
            for (Object item : list) {
                collect(file, document, item, nesting + 1, out);
            }
            return;
        }
        out.add(new KubernetesObject(file, (Map<String, Object>) map, document, document.origin()));
    }
}
