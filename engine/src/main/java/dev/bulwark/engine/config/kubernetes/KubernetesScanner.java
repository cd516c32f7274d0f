package dev.bulwark.engine.config.kubernetes;

import dev.bulwark.engine.config.yaml.YamlReader;
import dev.bulwark.engine.finding.Misconfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks Kubernetes manifests (YAML or JSON, multi-document, {@code List} kinds, Helm- or kustomize-rendered):
 * every Pod Security Standards control, plus resources, probes, images, service account tokens, namespaces,
 * NetworkPolicies, RBAC and literal secrets. Checks that look across objects (NetworkPolicies, ServiceAccounts,
 * role bindings) see every file passed to one {@link #scan(List)} call.
 */
public final class KubernetesScanner {

    /** A manifest to scan: its name (used in findings) and content. */
    public record ManifestFile(String name, byte[] content) {
    }

    private final ManifestReader reader;

    public KubernetesScanner() {
        this(new YamlReader());
    }

    public KubernetesScanner(YamlReader yaml) {
        this.reader = new ManifestReader(yaml);
    }

    /** Scans one file. */
    public KubernetesScan scan(String name, byte[] content) {
        return scan(List.of(new ManifestFile(name, content)));
    }

    /** Scans several files as one set of manifests. */
    public KubernetesScan scan(List<ManifestFile> files) {
        List<String> warnings = new ArrayList<>();
        List<KubernetesObject> objects = new ArrayList<>();
        for (ManifestFile file : files) {
            objects.addAll(reader.read(file.name(), file.content(), warnings));
        }
        List<PodSpecView> pods = objects.stream().flatMap(o -> PodSpecView.of(o).stream()).toList();
        List<Misconfiguration> findings = new ArrayList<>();
        List<KubernetesScan.PodSecurity> levels = new ArrayList<>();
        for (PodSpecView pod : pods) {
            for (PodControl control : podControls()) {
                for (Violation v : control.evaluate(pod)) {
                    findings.add(Findings.of(control.description(), pod.owner(), v.container(), v.node(),
                            v.message()));
                }
            }
            levels.add(new KubernetesScan.PodSecurity(pod.owner().file(), pod.owner().resource(),
                    PodSecurityLevel.of(pod)));
        }
        findings.addAll(NamespaceChecks.check(objects, pods));
        findings.addAll(RbacChecks.check(objects));
        return new KubernetesScan(findings, levels, objects.size(), warnings);
    }

    /** Every check this scanner runs, for documentation and for listing in reports. */
    public static List<CheckDescription> checks() {
        return Stream.concat(podControls().stream().map(PodControl::description),
                Stream.of(NamespaceChecks.DEFAULT_NAMESPACE, NamespaceChecks.DEFAULT_DENY, NamespaceChecks.AUTOMOUNT,
                        NamespaceChecks.CONFIGMAP_SECRET, RbacChecks.WILDCARD, RbacChecks.SECRETS,
                        RbacChecks.ADMIN_BINDING)).toList();
    }

    /** The decoded objects of one file, for policy engines that evaluate their own rules over the same input. */
    public List<Map<String, Object>> objects(String name, byte[] content, List<String> warnings) {
        return reader.read(name, content, warnings).stream().map(KubernetesObject::object).toList();
    }

    private static List<PodControl> podControls() {
        return Stream.concat(PodSecurityLevel.controls().stream(), WorkloadControls.ALL.stream()).toList();
    }
}
