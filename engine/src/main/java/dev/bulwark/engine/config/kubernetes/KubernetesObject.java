package dev.bulwark.engine.config.kubernetes;

import dev.bulwark.engine.config.yaml.LineSpan;
import dev.bulwark.engine.config.yaml.YamlDocument;
import java.util.Map;
import java.util.Objects;

/**
 * One Kubernetes object from a manifest: the decoded object itself (the same tree an admission request carries),
 * where it was read and, for Helm output, the template it was rendered from.
 *
 * @param file the file it was read from, as named by the caller
 * @param object the object: {@code apiVersion}, {@code kind}, {@code metadata}, ...
 * @param document the YAML document holding it, for the lines of any part of {@code object}
 * @param origin the Helm template ({@code chart/templates/deployment.yaml}) or null
 */
public record KubernetesObject(String file, Map<String, Object> object, YamlDocument document, String origin) {

    public KubernetesObject {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(document, "document");
    }

    public String kind() {
        return Objects.toString(Fields.text(object, "kind"), "");
    }

    public String apiVersion() {
        return Objects.toString(Fields.text(object, "apiVersion"), "");
    }

    public String name() {
        return Objects.toString(Fields.text(object, "metadata", "name"), "");
    }

    /** The namespace written in the manifest, or null when it is left to the time of {@code kubectl apply}. */
    public String namespace() {
        String ns = Fields.text(object, "metadata", "namespace");
        return ns == null || ns.isBlank() ? null : ns;
    }

    /** {@code Kind/namespace/name}, or {@code Kind/name} without a namespace. */
    public String resource() {
        String ns = namespace();
        return ns == null ? kind() + "/" + name() : kind() + "/" + ns + "/" + name();
    }

    /** The lines of {@code node}, a map or list inside this object, or of the object. */
    public LineSpan linesOf(Object node) {
        LineSpan span = node == null ? null : document.spans().get(node);
        return span != null ? span : document.linesOf(object);
    }
}
