package dev.bulwark.engine.image;

import java.util.List;
import java.util.Map;

/**
 * The parts of an image configuration blob that Bulwark reads: platform, run settings, history and the ordered
 * layer diffIDs. The raw JSON is kept (for secrets and hardening checks that read every field).
 *
 * @param hasHealthcheck whether the config defines a healthcheck that is not disabled ({@code HEALTHCHECK NONE});
 *     only docker-format configs carry one, the OCI format has no such field
 */
public record ImageConfig(
        String os,
        String architecture,
        String variant,
        String created,
        String user,
        List<String> env,
        List<String> entrypoint,
        List<String> cmd,
        String workingDir,
        Map<String, String> labels,
        List<String> exposedPorts,
        boolean hasHealthcheck,
        List<History> history,
        List<Digest> diffIds) {

    public ImageConfig {
        env = env == null ? List.of() : List.copyOf(env);
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        cmd = cmd == null ? List.of() : List.copyOf(cmd);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        exposedPorts = exposedPorts == null ? List.of() : List.copyOf(exposedPorts);
        history = history == null ? List.of() : List.copyOf(history);
        diffIds = List.copyOf(diffIds);
    }

    /** One history entry; entries marked emptyLayer made no layer. */
    public record History(String created, String createdBy, String comment, boolean emptyLayer) {
    }

    /** The {@code created_by} of the history entry that made layer {@code layerIndex}, or null. */
    public String createdBy(int layerIndex) {
        int seen = 0;
        for (History h : history) {
            if (h.emptyLayer()) {
                continue;
            }
            if (seen == layerIndex) {
                return h.createdBy();
            }
            seen++;
        }
        return null;
    }
}
