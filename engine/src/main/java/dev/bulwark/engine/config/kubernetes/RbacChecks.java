package dev.bulwark.engine.config.kubernetes;

import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** RBAC checks: wildcard rules, access to Secrets, and bindings that grant full administrative rights. */
final class RbacChecks {

    private static final String RBAC = "https://kubernetes.io/docs/concepts/security/rbac-good-practices/";
    private static final Set<String> ROLE_KINDS = Set.of("Role", "ClusterRole");
    private static final Set<String> BINDING_KINDS = Set.of("RoleBinding", "ClusterRoleBinding");
    private static final Set<String> READ_VERBS = Set.of("get", "list", "watch", "*");
    private static final List<String> ALL_VERBS = List.of("get", "list", "watch", "create", "update", "patch",
            "delete");

    static final CheckDescription WILDCARD = CheckDescription.of("k8s.rbac-wildcard",
            "Role grants wildcard verbs or resources", Severity.HIGH,
            "List the verbs and resources the subject needs instead of *.", RBAC);
    static final CheckDescription SECRETS = CheckDescription.of("k8s.rbac-secrets-access",
            "Role can read Secrets", Severity.MEDIUM,
            "Grant get/list/watch on secrets only to the workloads that need them, limited by resourceNames.", RBAC);
    static final CheckDescription ADMIN_BINDING = CheckDescription.of("k8s.cluster-admin-binding",
            "Binding grants cluster-admin or equivalent full rights", Severity.HIGH,
            "Bind a role limited to the resources and verbs the subject needs.", RBAC);

    private RbacChecks() {
    }

    static List<Misconfiguration> check(List<KubernetesObject> objects) {
        List<Misconfiguration> out = new ArrayList<>();
        for (KubernetesObject object : objects) {
            if (ROLE_KINDS.contains(object.kind())) {
                roleRules(object, out);
            } else if (BINDING_KINDS.contains(object.kind())) {
                binding(object, objects, out);
            }
        }
        return out;
    }

    private static void roleRules(KubernetesObject role, List<Misconfiguration> out) {
        for (Map<String, Object> rule : Fields.maps(Fields.list(role.object(), "rules"))) {
            List<Object> verbs = Fields.list(rule, "verbs");
            List<Object> resources = Fields.list(rule, "resources");
            if (verbs.contains("*") || resources.contains("*")) {
                out.add(Findings.of(WILDCARD, role, null, rule, "rule grants verbs " + verbs + " on resources "
                        + resources));
            }
            boolean coreGroup = Fields.list(rule, "apiGroups").stream().anyMatch(g -> "".equals(g) || "*".equals(g));
            if (coreGroup && resources.contains("secrets") && verbs.stream().anyMatch(READ_VERBS::contains)) {
                out.add(Findings.of(SECRETS, role, null, rule, "rule grants " + verbs + " on secrets"));
            }
        }
    }

    private static void binding(KubernetesObject binding, List<KubernetesObject> objects,
            List<Misconfiguration> out) {
        if (binding.name().startsWith("system:")) {
            return; // Kubernetes' own bootstrap bindings
        }
        String refKind = Fields.text(binding.object(), "roleRef", "kind");
        String refName = Fields.text(binding.object(), "roleRef", "name");
        if ("ClusterRole".equals(refKind) && "cluster-admin".equals(refName)) {
            out.add(Findings.of(ADMIN_BINDING, binding, null, binding.object(), "binds ClusterRole cluster-admin"));
            return;
        }
        for (KubernetesObject role : objects) {
            boolean sameRole = role.kind().equals(refKind) && role.name().equals(refName)
                    && (refKind.equals("ClusterRole") || Objects.equals(role.namespace(), binding.namespace()));
            if (sameRole && grantsEverything(role)) {
                out.add(Findings.of(ADMIN_BINDING, binding, null, binding.object(), "binds " + refKind + " "
                        + refName + ", which grants every verb on every resource of every API group"));
                return;
            }
        }
    }

    private static boolean grantsEverything(KubernetesObject role) {
        for (Map<String, Object> rule : Fields.maps(Fields.list(role.object(), "rules"))) {
            List<Object> verbs = Fields.list(rule, "verbs");
            if (Fields.list(rule, "apiGroups").contains("*") && Fields.list(rule, "resources").contains("*")
                    && (verbs.contains("*") || verbs.containsAll(ALL_VERBS))) {
                return true;
            }
        }
        return false;
    }
}
