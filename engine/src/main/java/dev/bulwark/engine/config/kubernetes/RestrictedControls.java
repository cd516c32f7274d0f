package dev.bulwark.engine.config.kubernetes;

import static dev.bulwark.engine.config.kubernetes.CheckDescription.PSS;
import static dev.bulwark.engine.config.kubernetes.PodSecurityLevel.RESTRICTED;

import dev.bulwark.engine.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The controls the Pod Security Standards restricted profile adds to baseline, with the documented allowed values.
 * Pods with {@code spec.os.name: windows} are exempt from the privilege escalation, seccomp and capabilities
 * controls, as the standard says.
 */
final class RestrictedControls {

    static final Set<String> VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret");

    static final PodControl VOLUME_TYPE = new PodControl(CheckDescription.of("k8s.volume-types",
            "Volume type not allowed by the restricted profile", Severity.LOW,
            "Use configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected or secret "
                    + "volumes; reach other storage through a PersistentVolume.", PSS), RESTRICTED, (pod, out) -> {
                for (Map<String, Object> volume : Fields.maps(Fields.list(pod.spec(), "volumes"))) {
                    for (String field : volume.keySet()) {
                        if (!field.equals("name") && !VOLUME_TYPES.contains(field)) {
                            out.add(new Violation(null, volume, "volume " + Fields.text(volume, "name")
                                    + " is of type " + field));
                        }
                    }
                }
            });

    static final PodControl PRIVILEGE_ESCALATION = new PodControl(CheckDescription.of(
            "k8s.allow-privilege-escalation", "Containers may gain more privileges than their parent process",
            Severity.MEDIUM, "Set securityContext.allowPrivilegeEscalation: false in every container.", PSS),
            RESTRICTED, (pod, out) -> {
                if (pod.windows()) {
                    return;
                }
                for (ContainerView c : pod.containers()) {
                    Boolean allow = Fields.bool(c.securityContext(), "allowPrivilegeEscalation");
                    if (!Boolean.FALSE.equals(allow)) {
                        out.add(new Violation(c, c.container(), "container " + c.name()
                                + (allow == null ? " does not set securityContext.allowPrivilegeEscalation: false"
                                        : " sets securityContext.allowPrivilegeEscalation: true")));
                    }
                }
            });

    static final PodControl RUN_AS_NON_ROOT = new PodControl(CheckDescription.of("k8s.run-as-non-root",
            "Containers may run as root", Severity.MEDIUM,
            "Set securityContext.runAsNonRoot: true on the pod (or every container) and run as a non-zero UID.",
            PSS), RESTRICTED, (pod, out) -> {
                Boolean podLevel = Fields.bool(pod.securityContext(), "runAsNonRoot");
                for (ContainerView c : pod.containers()) {
                    Boolean own = Fields.bool(c.securityContext(), "runAsNonRoot");
                    Boolean effective = own != null ? own : podLevel;
                    if (!Boolean.TRUE.equals(effective)) {
                        out.add(new Violation(c, c.container(), "container " + c.name()
                                + (effective == null ? " does not set runAsNonRoot: true (neither does the pod)"
                                        : " sets runAsNonRoot: false")));
                    }
                }
            });

    static final PodControl RUN_AS_USER = new PodControl(CheckDescription.of("k8s.run-as-user-root",
            "Containers set to run as UID 0", Severity.MEDIUM,
            "Set runAsUser to a non-zero UID, or leave it to the image's USER.", PSS), RESTRICTED, (pod, out) -> {
                if (Long.valueOf(0).equals(Fields.number(pod.securityContext(), "runAsUser"))) {
                    out.add(new Violation(null, pod.securityContext(), "the pod sets runAsUser: 0"));
                }
                for (ContainerView c : pod.containers()) {
                    if (Long.valueOf(0).equals(Fields.number(c.securityContext(), "runAsUser"))) {
                        out.add(new Violation(c, c.container(), "container " + c.name() + " sets runAsUser: 0"));
                    }
                }
            });

    static final PodControl SECCOMP = new PodControl(CheckDescription.of("k8s.seccomp-restricted",
            "No RuntimeDefault or Localhost seccomp profile", Severity.LOW,
            "Set spec.securityContext.seccompProfile.type: RuntimeDefault (or Localhost).", PSS), RESTRICTED,
            (pod, out) -> {
                if (pod.windows()) {
                    return;
                }
                String podType = Fields.text(pod.securityContext(), "seccompProfile", "type");
                boolean podOk = podType != null && BaselineControls.SECCOMP_TYPES.contains(podType);
                if (podType != null && !podOk) {
                    out.add(new Violation(null, pod.securityContext(), "the pod sets seccompProfile.type: "
                            + podType));
                }
                for (ContainerView c : pod.containers()) {
                    String type = Fields.text(c.securityContext(), "seccompProfile", "type");
                    if (type == null && !podOk) {
                        out.add(new Violation(c, c.container(), "container " + c.name()
                                + " has no seccompProfile.type and the pod sets no allowed default"));
                    } else if (type != null && !BaselineControls.SECCOMP_TYPES.contains(type)) {
                        out.add(new Violation(c, c.container(), "container " + c.name()
                                + " sets seccompProfile.type: " + type));
                    }
                }
            });

    static final PodControl DROP_ALL = new PodControl(CheckDescription.of("k8s.capabilities-drop-all",
            "Containers do not drop all capabilities", Severity.LOW,
            "Set securityContext.capabilities.drop: [\"ALL\"] and add back only NET_BIND_SERVICE if needed.", PSS),
            RESTRICTED, (pod, out) -> {
                if (pod.windows()) {
                    return;
                }
                for (ContainerView c : pod.containers()) {
                    List<Object> drop = Fields.list(c.securityContext(), "capabilities", "drop");
                    if (!drop.contains("ALL")) {
                        boolean otherCase = drop.stream().anyMatch(d -> "all".equalsIgnoreCase(String.valueOf(d)));
                        out.add(new Violation(c, c.container(), "container " + c.name() + (otherCase
                                ? " drops capabilities " + drop + ": the standard requires exactly \"ALL\""
                                : " does not drop ALL capabilities (drop: " + drop + ")")));
                    }
                }
            });

    static final PodControl ADD_ONLY_BIND = new PodControl(CheckDescription.of("k8s.capabilities-restricted",
            "Containers add capabilities other than NET_BIND_SERVICE", Severity.MEDIUM,
            "Add no capabilities, or only NET_BIND_SERVICE.", PSS), RESTRICTED, (pod, out) -> {
                if (pod.windows()) {
                    return;
                }
                for (ContainerView c : pod.containers()) {
                    List<String> extra = new ArrayList<>();
                    for (Object cap : Fields.list(c.securityContext(), "capabilities", "add")) {
                        if (!"NET_BIND_SERVICE".equals(cap)) {
                            extra.add(String.valueOf(cap));
                        }
                    }
                    if (!extra.isEmpty()) {
                        out.add(new Violation(c, c.container(), "container " + c.name() + " adds capabilities "
                                + extra));
                    }
                }
            });

    static final List<PodControl> ALL = List.of(VOLUME_TYPE, PRIVILEGE_ESCALATION, RUN_AS_NON_ROOT, RUN_AS_USER,
            SECCOMP, DROP_ALL, ADD_ONLY_BIND);

    private RestrictedControls() {
    }
}
