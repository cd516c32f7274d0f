package dev.bulwark.engine.config.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pod template of a workload: a Pod's own metadata and spec, or the {@code template} of a Deployment,
 * StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, PodTemplate, or a CronJob's
 * {@code jobTemplate}.
 *
 * @param owner the object holding the template
 * @param metadata the pod's metadata (annotations live here), never null
 * @param spec the pod spec, never null
 */
public record PodSpecView(KubernetesObject owner, Map<String, Object> metadata, Map<String, Object> spec) {

    private static final Set<String> TEMPLATED = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "ReplicationController", "Job");

    /** The pod template of {@code object}, or empty for kinds that run no pods. */
    public static Optional<PodSpecView> of(KubernetesObject object) {
        Map<String, Object> root = object.object();
        Map<String, Object> template = switch (object.kind()) {
            case "Pod" -> root;
            case "PodTemplate" -> Fields.map(root, "template");
            case "CronJob" -> Fields.map(root, "spec", "jobTemplate", "spec", "template");
            default -> TEMPLATED.contains(object.kind()) ? Fields.map(root, "spec", "template") : null;
        };
        if (template == null) {
            return Optional.empty();
        }
        Map<String, Object> spec = Fields.map(template, "spec");
        if (spec == null) {
            return Optional.empty();
        }
        Map<String, Object> metadata = Fields.map(template, "metadata");
        return Optional.of(new PodSpecView(object, metadata == null ? Map.of() : metadata, spec));
    }

    /** Every container: {@code containers}, then {@code initContainers}, then {@code ephemeralContainers}. */
    public List<ContainerView> containers() {
        List<ContainerView> all = new ArrayList<>();
        for (String field : ContainerView.FIELDS) {
            List<Map<String, Object>> items = Fields.maps(Fields.list(spec, field));
            for (int i = 0; i < items.size(); i++) {
                all.add(new ContainerView(field, i, items.get(i)));
            }
        }
        return all;
    }

    /** {@code spec.securityContext}, or an empty map. */
    public Map<String, Object> securityContext() {
        Map<String, Object> context = Fields.map(spec, "securityContext");
        return context == null ? Map.of() : context;
    }

    /** True when {@code spec.os.name} is {@code windows}: some restricted controls do not apply then. */
    public boolean windows() {
        return "windows".equals(Fields.text(spec, "os", "name"));
    }

    /** The pod's annotations, or an empty map. */
    public Map<String, Object> annotations() {
        Map<String, Object> annotations = Fields.map(metadata, "annotations");
        return annotations == null ? Map.of() : annotations;
    }
}
