package dev.bulwark.engine.config.kubernetes;

import dev.bulwark.engine.config.SecretLikeNames;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.finding.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks that look across the objects of one scan: the default namespace, namespaces that no NetworkPolicy isolates
 * by default, service account tokens mounted into pods, and secrets kept in ConfigMaps.
 */
final class NamespaceChecks {

    /** How a namespace left to apply time is named in messages. */
    private static final String UNSET = "(namespace of kubectl apply)";

    static final CheckDescription DEFAULT_NAMESPACE = CheckDescription.of("k8s.default-namespace",
            "Object placed in the default namespace", Severity.LOW,
            "Create a namespace for the application and set metadata.namespace to it.",
            "https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/");
    static final CheckDescription DEFAULT_DENY = CheckDescription.of("k8s.network-policy-default-deny",
            "Namespace has no default-deny NetworkPolicy", Severity.MEDIUM,
            "Add a NetworkPolicy with podSelector: {} and policyTypes [Ingress, Egress] to the namespace, then allow "
                    + "the traffic each workload needs.",
            "https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies");
    static final CheckDescription AUTOMOUNT = CheckDescription.of("k8s.automount-service-account-token",
            "Service account token mounted into the pod", Severity.MEDIUM,
            "Set automountServiceAccountToken: false on the pod (or its ServiceAccount) unless it calls the API.",
            "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/");
    static final CheckDescription CONFIGMAP_SECRET = CheckDescription.of("k8s.configmap-secret",
            "Secret stored in a ConfigMap", Severity.MEDIUM,
            "Move credentials into a Secret (encrypted at rest, access controlled separately).",
            "https://kubernetes.io/docs/concepts/configuration/configmap/");

    private NamespaceChecks() {
    }

    static List<Misconfiguration> check(List<KubernetesObject> objects, List<PodSpecView> pods) {
        List<Misconfiguration> out = new ArrayList<>();
        for (KubernetesObject object : objects) {
            if ("default".equals(object.namespace())) {
                out.add(Findings.of(DEFAULT_NAMESPACE, object, null, Fields.map(object.object(), "metadata"),
                        "metadata.namespace is default"));
            }
            if (object.kind().equals("ConfigMap")) {
                configMap(object, out);
            }
        }
        for (PodSpecView pod : pods) {
            automount(pod, objects, out);
        }
        networkPolicies(objects, pods, out);
        return out;
    }

    private static void automount(PodSpecView pod, List<KubernetesObject> objects, List<Misconfiguration> out) {
        Boolean podLevel = Fields.bool(pod.spec(), "automountServiceAccountToken");
        if (podLevel != null) {
            if (podLevel) {
                out.add(Findings.of(AUTOMOUNT, pod.owner(), null, pod.spec(),
                        "the pod sets automountServiceAccountToken: true"));
            }
            return;
        }
        String account = Objects.requireNonNullElse(Fields.text(pod.spec(), "serviceAccountName"), "default");
        for (KubernetesObject sa : objects) {
            if (sa.kind().equals("ServiceAccount") && sa.name().equals(account)
                    && Objects.equals(sa.namespace(), pod.owner().namespace())) {
                if (Boolean.FALSE.equals(Fields.bool(sa.object(), "automountServiceAccountToken"))) {
                    return;
                }
            }
        }
        out.add(Findings.of(AUTOMOUNT, pod.owner(), null, pod.spec(), "neither the pod nor its ServiceAccount "
                + account + " sets automountServiceAccountToken: false, so the token is mounted"));
    }

    private static void configMap(KubernetesObject map, List<Misconfiguration> out) {
        Map<String, Object> data = Fields.map(map.object(), "data");
        if (data == null) {
            return;
        }
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            String value = entry.getValue() == null ? "" : String.valueOf(entry.getValue());
            if (SecretLikeNames.holdsPrivateKey(value)) {
                out.add(Findings.of(CONFIGMAP_SECRET, map, null, data, "data." + entry.getKey()
                        + " holds a private key"));
            } else if (!value.isBlank() && SecretLikeNames.isSecretName(entry.getKey())) {
                out.add(Findings.of(CONFIGMAP_SECRET, map, null, data, "data." + entry.getKey()
                        + " holds a literal credential"));
            } else if (SecretLikeNames.literalAssignment(value) != null) {
                out.add(Findings.of(CONFIGMAP_SECRET, map, null, data, "data." + entry.getKey() + " sets "
                        + SecretLikeNames.literalAssignment(value) + " to a literal value"));
            }
        }
    }

    private static void networkPolicies(List<KubernetesObject> objects, List<PodSpecView> pods,
            List<Misconfiguration> out) {
        Map<String, KubernetesObject> firstWorkload = new LinkedHashMap<>();
        for (PodSpecView pod : pods) {
            firstWorkload.putIfAbsent(Objects.requireNonNullElse(pod.owner().namespace(), UNSET), pod.owner());
        }
        for (Map.Entry<String, KubernetesObject> namespace : firstWorkload.entrySet()) {
            boolean ingress = false;
            boolean egress = false;
            for (KubernetesObject policy : objects) {
                if (policy.kind().equals("NetworkPolicy") && namespace.getKey().equals(
                        Objects.requireNonNullElse(policy.namespace(), UNSET)) && selectsAll(policy)) {
                    List<Object> types = policyTypes(policy);
                    ingress |= types.contains("Ingress");
                    egress |= types.contains("Egress");
                }
            }
            if (!ingress || !egress) {
                String missing = !ingress && !egress ? "Ingress and Egress" : !ingress ? "Ingress" : "Egress";
                out.add(Findings.of(DEFAULT_DENY, namespace.getValue(), null, null, "namespace " + namespace.getKey()
                        + " has no NetworkPolicy selecting every pod for " + missing
                        + " among the scanned manifests"));
            }
        }
    }

    private static boolean selectsAll(KubernetesObject policy) {
        Map<String, Object> selector = Fields.map(policy.object(), "spec", "podSelector");
        return selector == null || Fields.map(selector, "matchLabels") == null
                && Fields.list(selector, "matchExpressions").isEmpty()
                || selector.values().stream().allMatch(v -> v == null || v instanceof Map<?, ?> m && m.isEmpty()
                        || v instanceof List<?> l && l.isEmpty());
    }

    /** {@code policyTypes} as written, or as Kubernetes defaults it: Ingress, plus Egress when egress rules exist. */
    private static List<Object> policyTypes(KubernetesObject policy) {
        List<Object> types = Fields.list(policy.object(), "spec", "policyTypes");
        if (!types.isEmpty()) {
            return types;
        }
        return Fields.present(policy.object(), "spec", "egress") ? List.of("Ingress", "Egress") : List.of("Ingress");
    }
}
