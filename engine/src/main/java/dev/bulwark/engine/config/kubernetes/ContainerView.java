package dev.bulwark.engine.config.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * One container of a pod spec.
 *
 * @param field {@code containers}, {@code initContainers} or {@code ephemeralContainers}
 * @param index its position in that list
 * @param container the container object
 */
public record ContainerView(String field, int index, Map<String, Object> container) {

    static final List<String> FIELDS = List.of("containers", "initContainers", "ephemeralContainers");

    /** The container's name, or {@code field[index]} when it has none. */
    public String name() {
        String name = Fields.text(container, "name");
        return name == null || name.isBlank() ? field + "[" + index + "]" : name;
    }

    /** {@code securityContext}, or an empty map. */
    public Map<String, Object> securityContext() {
        Map<String, Object> context = Fields.map(container, "securityContext");
        return context == null ? Map.of() : context;
    }

    /** A container of {@code containers}, or an init container that keeps running as a sidecar. */
    public boolean longRunning() {
        return field.equals("containers")
                || field.equals("initContainers") && "Always".equals(Fields.text(container, "restartPolicy"));
    }

    /** The field path of this container, for messages: {@code spec.initContainers[1]}. */
    String path() {
        return field + "[" + index + "]";
    }
}
