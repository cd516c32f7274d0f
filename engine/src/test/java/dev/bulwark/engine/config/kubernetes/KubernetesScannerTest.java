package dev.bulwark.engine.config.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.finding.Misconfiguration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KubernetesScannerTest {

    private final KubernetesScanner scanner = new KubernetesScanner();

    private KubernetesScan scan(String yaml) {
        return scanner.scan("m.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static Set<String> ids(KubernetesScan scan) {
        return scan.findings().stream().map(Misconfiguration::checkId).collect(Collectors.toSet());
    }

    /** A pod that meets every restricted control (and the other checks, apart from the namespace policy). */
    private static final String RESTRICTED_POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: good, namespace: shop}
            spec:
              automountServiceAccountToken: false
              securityContext:
                runAsNonRoot: true
                seccompProfile: {type: RuntimeDefault}
              containers:
              - name: app
                image: registry.example/app:1.2.3
                imagePullPolicy: Always
                ports: [{containerPort: 8080}]
                livenessProbe: {httpGet: {path: /, port: 8080}}
                readinessProbe: {httpGet: {path: /, port: 8080}}
                resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 200m, memory: 128Mi}}
                securityContext:
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
            """;

    @Test
    void aRestrictedPodPassesEveryPodCheck() {
        KubernetesScan scan = scan(RESTRICTED_POD);
        assertEquals(Set.of("k8s.network-policy-default-deny"), ids(scan));
        assertEquals(PodSecurityLevel.RESTRICTED, scan.podSecurity().getFirst().level());
    }

    @Test
    void levelsFollowThePodSecurityStandards() {
        assertEquals(PodSecurityLevel.BASELINE, levelOf("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers: [{name: c, image: nginx:1}]
                """));
        assertEquals(PodSecurityLevel.PRIVILEGED, levelOf("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers: [{name: c, image: nginx:1, securityContext: {capabilities: {add: [SYS_ADMIN]}}}]
                """));
        // An ephemeral container is checked like the others.
        assertEquals(PodSecurityLevel.PRIVILEGED, levelOf(RESTRICTED_POD
                + "  ephemeralContainers: [{name: debug, image: busybox:1, securityContext: {privileged: true}}]\n"));
        // Restricted: a container may not switch runAsNonRoot off although the pod sets it.
        assertEquals(PodSecurityLevel.BASELINE, levelOf(RESTRICTED_POD.replace(
                "allowPrivilegeEscalation: false", "allowPrivilegeEscalation: false\n      runAsNonRoot: false")));
        // Windows pods are exempt from the seccomp, capabilities and privilege escalation controls.
        assertEquals(PodSecurityLevel.RESTRICTED, levelOf("""
                apiVersion: v1
                kind: Pod
                metadata: {name: w}
                spec:
                  os: {name: windows}
                  securityContext: {runAsNonRoot: true}
                  containers: [{name: c, image: win:1}]
                """));
        // Baseline allows SELinux type container_init_t, a safe sysctl and a Localhost AppArmor annotation.
        assertEquals(PodSecurityLevel.BASELINE, levelOf("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations: {container.apparmor.security.beta.kubernetes.io/c: localhost/custom}
                spec:
                  securityContext:
                    seLinuxOptions: {type: container_init_t, level: "s0:c1"}
                    sysctls: [{name: net.ipv4.ip_unprivileged_port_start, value: "0"}]
                  containers: [{name: c, image: nginx:1}]
                """));
    }

    private PodSecurityLevel levelOf(String yaml) {
        return scan(yaml).podSecurity().getFirst().level();
    }

    @Test
    void everyWorkloadKindAndContainerListIsChecked() {
        String pod = "{spec: {hostPID: true, containers: [{name: c, image: x:1}], "
                + "initContainers: [{name: i, image: x:1, securityContext: {privileged: true}}]}}";
        StringBuilder yaml = new StringBuilder();
        for (String kind : List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController",
                "Job")) {
            yaml.append("---\napiVersion: v1\nkind: ").append(kind).append("\nmetadata: {name: w}\nspec: {template: ")
                    .append(pod).append("}\n");
        }
        yaml.append("---\napiVersion: v1\nkind: PodTemplate\nmetadata: {name: t}\ntemplate: ").append(pod)
                .append('\n');
        yaml.append("---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec: {jobTemplate: {spec: "
                + "{template: ").append(pod).append("}}}\n");
        KubernetesScan scan = scan(yaml.toString());
        assertEquals(8, scan.podSecurity().size());
        assertEquals(8, count(scan, "k8s.host-pid"));
        List<Misconfiguration> privileged = scan.findings().stream()
                .filter(f -> f.checkId().equals("k8s.privileged")).toList();
        assertEquals(8, privileged.size());
        assertTrue(privileged.getFirst().location().resource().contains("(container i)"));
        assertTrue(privileged.getFirst().message().contains("container i sets securityContext.privileged: true"));
    }

    private static long count(KubernetesScan scan, String id) {
        return scan.findings().stream().filter(f -> f.checkId().equals(id)).count();
    }

    @Test
    void listKindsJsonAndHelmOutputAreRead() {
        String list = """
                {"apiVersion": "v1", "kind": "List", "items": [
                 {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "namespace": "default"},
                  "spec": {"hostNetwork": true, "containers": [{"name": "c", "image": "nginx"}]}}]}
                """;
        KubernetesScan json = scanner.scan("list.json", list.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, json.objects());
        Misconfiguration host = json.findings().stream().filter(f -> f.checkId().equals("k8s.host-network"))
                .findFirst().orElseThrow();
        assertEquals("Pod/default/a", host.location().resource());
        assertEquals(3, host.location().startLine(), "the line of the pod spec holding hostNetwork");
        assertTrue(ids(json).containsAll(Set.of("k8s.default-namespace", "k8s.image-tag")));

        KubernetesScan helm = scan("""
                # Source: web/templates/pod.yaml
                apiVersion: v1
                kind: Pod
                metadata: {name: web}
                spec:
                  containers:
                  - name: c
                    image: nginx:latest
                ---
                just: some config
                """);
        assertEquals(1, helm.objects(), "non-Kubernetes YAML is skipped");
        assertEquals(List.of(), helm.warnings());
        Misconfiguration latest = helm.findings().stream().filter(f -> f.checkId().equals("k8s.image-tag"))
                .findFirst().orElseThrow();
        assertEquals("Pod/web (container c) [from web/templates/pod.yaml]", latest.location().resource());
        assertEquals(7, latest.location().startLine());
        assertEquals(8, latest.location().endLine());
    }

    @Test
    void networkPoliciesAndServiceAccountsCountAcrossFiles() {
        String policy = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny, namespace: shop}
                spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: default, namespace: shop}
                automountServiceAccountToken: false
                """;
        String pod = RESTRICTED_POD.replace("  automountServiceAccountToken: false\n", "");
        KubernetesScan alone = scan(pod);
        assertTrue(ids(alone).containsAll(Set.of("k8s.network-policy-default-deny",
                "k8s.automount-service-account-token")));
        KubernetesScan both = scanner.scan(List.of(
                new KubernetesScanner.ManifestFile("pod.yaml", pod.getBytes(StandardCharsets.UTF_8)),
                new KubernetesScanner.ManifestFile("policy.yaml", policy.getBytes(StandardCharsets.UTF_8))));
        assertEquals(Set.of(), ids(both));
    }

    @Test
    void rbacWildcardsSecretsAndAdminBindings() {
        KubernetesScan scan = scan("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: reader}
                rules:
                - {apiGroups: [""], resources: [secrets], verbs: [get]}
                - {apiGroups: [apps], resources: ["*"], verbs: [list]}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: ops}
                roleRef: {kind: ClusterRole, name: cluster-admin}
                """);
        assertEquals(Set.of("k8s.rbac-secrets-access", "k8s.rbac-wildcard", "k8s.cluster-admin-binding"),
                ids(scan));
    }

    @Test
    void literalSecretsInEnvButNotReferences() {
        KubernetesScan scan = scan("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: c
                    image: x:1
                    env:
                    - {name: DB_PASSWORD, value: hunter2}
                    - {name: API_TOKEN, valueFrom: {secretKeyRef: {name: s, key: t}}}
                    - {name: PASSWORD_FILE, value: /run/secrets/pw}
                """);
        List<Misconfiguration> env = scan.findings().stream().filter(f -> f.checkId().equals("k8s.env-secret"))
                .toList();
        assertEquals(1, env.size());
        assertTrue(env.getFirst().message().contains("DB_PASSWORD"));
        assertTrue(!env.getFirst().message().contains("hunter2"), "the value itself is never shown");
    }

    @Test
    void everyCheckHasAUniqueIdAndTexts() {
        List<CheckDescription> checks = KubernetesScanner.checks();
        assertEquals(checks.size(), checks.stream().map(CheckDescription::id).distinct().count());
        for (CheckDescription check : checks) {
            assertTrue(check.id().startsWith("k8s."), check.id());
            assertTrue(!check.title().isBlank() && !check.remediation().isBlank() && !check.references().isEmpty());
        }
    }
}
