package dev.bulwark.engine.config.kubernetes;

import dev.bulwark.engine.finding.Misconfiguration;
import java.util.List;

/**
 * What a scan of Kubernetes manifests found.
 *
 * @param findings every check failure, in file and document order
 * @param podSecurity the Pod Security Standards level each pod template satisfies
 * @param objects how many Kubernetes objects were read
 * @param warnings what could not be read (a syntax error, a safety limit), one line each
 */
public record KubernetesScan(List<Misconfiguration> findings, List<PodSecurity> podSecurity, int objects,
        List<String> warnings) {

    public KubernetesScan {
        findings = List.copyOf(findings);
        podSecurity = List.copyOf(podSecurity);
        warnings = List.copyOf(warnings);
    }

    /**
     * The Pod Security Standards level of one pod template.
     *
     * @param file the manifest
     * @param resource {@code Kind/namespace/name} of the workload
     * @param level the strictest level it satisfies
     */
    public record PodSecurity(String file, String resource, PodSecurityLevel level) {
    }
}
