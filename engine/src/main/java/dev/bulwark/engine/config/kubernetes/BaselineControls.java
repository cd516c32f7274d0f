package dev.bulwark.engine.config.kubernetes;

import static dev.bulwark.engine.config.kubernetes.CheckDescription.PSS;
import static dev.bulwark.engine.config.kubernetes.PodSecurityLevel.BASELINE;

import dev.bulwark.engine.finding.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The controls of the Pod Security Standards baseline profile, with exactly the allowed values the Kubernetes
 * documentation lists (pod-security-standards, "Baseline"). Container-level fields are checked on containers, init
 * containers and ephemeral containers alike.
 */
final class BaselineControls {

    /** Capabilities a container may add under baseline: the container runtime's default set. */
    static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
            "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

    /** Sysctls that are namespaced and isolated, so a pod may set them under baseline. */
    static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");

    static final Set<String> SELINUX_TYPES = Set.of("container_t", "container_init_t", "container_kvm_t",
            "container_engine_t");

    static final Set<String> SECCOMP_TYPES = Set.of("RuntimeDefault", "Localhost");

    private static final String APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

    static final PodControl HOST_PROCESS = new PodControl(CheckDescription.of("k8s.host-process",
            "Windows HostProcess containers have privileged access to the node", Severity.HIGH,
            "Remove windowsOptions.hostProcess or set it to false.", PSS), BASELINE, (pod, out) -> {
                if (Boolean.TRUE.equals(Fields.bool(pod.securityContext(), "windowsOptions", "hostProcess"))) {
                    out.add(new Violation(null, pod.securityContext(),
                            "the pod sets securityContext.windowsOptions.hostProcess: true"));
                }
                for (ContainerView c : pod.containers()) {
                    if (Boolean.TRUE.equals(Fields.bool(c.securityContext(), "windowsOptions", "hostProcess"))) {
                        out.add(new Violation(c, c.container(), "container " + c.name()
                                + " sets securityContext.windowsOptions.hostProcess: true"));
                    }
                }
            });

    static final PodControl HOST_NETWORK = hostNamespace("hostNetwork", "k8s.host-network", "network");
    static final PodControl HOST_PID = hostNamespace("hostPID", "k8s.host-pid", "process ID");
    static final PodControl HOST_IPC = hostNamespace("hostIPC", "k8s.host-ipc", "IPC");

    static final PodControl PRIVILEGED = new PodControl(CheckDescription.of("k8s.privileged",
            "Privileged containers disable most isolation from the node", Severity.HIGH,
            "Remove securityContext.privileged or set it to false; add only the capabilities the process needs.",
            PSS), BASELINE, (pod, out) -> {
                for (ContainerView c : pod.containers()) {
                    if (Boolean.TRUE.equals(Fields.bool(c.securityContext(), "privileged"))) {
                        out.add(new Violation(c, c.container(),
                                "container " + c.name() + " sets securityContext.privileged: true"));
                    }
                }
            });

    static final PodControl CAPABILITIES = new PodControl(CheckDescription.of("k8s.capabilities-baseline",
            "Containers add capabilities beyond the runtime's default set", Severity.HIGH,
            "Add only capabilities from the default set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, "
                    + "MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT).", PSS),
            BASELINE, (pod, out) -> {
                for (ContainerView c : pod.containers()) {
                    for (Object cap : Fields.list(c.securityContext(), "capabilities", "add")) {
                        if (!BASELINE_CAPABILITIES.contains(String.valueOf(cap))) {
                            out.add(new Violation(c, c.container(), "container " + c.name()
                                    + " adds capability " + cap + " in securityContext.capabilities.add"));
                        }
                    }
                }
            });

    static final PodControl HOST_PATH = new PodControl(CheckDescription.of("k8s.host-path",
            "hostPath volumes expose the node's file system", Severity.HIGH,
            "Use a persistentVolumeClaim, configMap, secret, emptyDir or CSI volume instead of hostPath.", PSS),
            BASELINE, (pod, out) -> {
                for (Map<String, Object> volume : Fields.maps(Fields.list(pod.spec(), "volumes"))) {
                    if (Fields.present(volume, "hostPath")) {
                        String path = Fields.text(volume, "hostPath", "path");
                        String note = path != null && path.endsWith("docker.sock")
                                ? " (the container engine socket: full control of the node)" : "";
                        out.add(new Violation(null, volume, "volume " + Fields.text(volume, "name")
                                + " mounts hostPath " + path + note));
                    }
                }
            });

    static final PodControl HOST_PORTS = new PodControl(CheckDescription.of("k8s.host-ports",
            "Containers bind ports on the node", Severity.MEDIUM,
            "Remove hostPort and expose the container through a Service.", PSS), BASELINE, (pod, out) -> {
                for (ContainerView c : pod.containers()) {
                    for (Map<String, Object> port : Fields.maps(Fields.list(c.container(), "ports"))) {
                        Long hostPort = Fields.number(port, "hostPort");
                        if (hostPort != null && hostPort != 0) {
                            out.add(new Violation(c, port, "container " + c.name() + " sets hostPort " + hostPort));
                        }
                    }
                }
            });

    static final PodControl APPARMOR = new PodControl(CheckDescription.of("k8s.apparmor",
            "AppArmor profile overridden or disabled", Severity.MEDIUM,
            "Use the RuntimeDefault or a Localhost AppArmor profile; never Unconfined.", PSS), BASELINE,
            (pod, out) -> {
                appArmorType(pod.securityContext(), null, "the pod", out);
                for (ContainerView c : pod.containers()) {
                    appArmorType(c.securityContext(), c, "container " + c.name(), out);
                }
                for (Map.Entry<String, Object> a : pod.annotations().entrySet()) {
                    String value = String.valueOf(a.getValue());
                    if (a.getKey().startsWith(APPARMOR_ANNOTATION) && a.getValue() != null
                            && !value.equals("runtime/default") && !value.startsWith("localhost/")) {
                        out.add(new Violation(null, pod.metadata(), "annotation " + a.getKey() + " is " + value));
                    }
                }
            });

    static final PodControl SELINUX = new PodControl(CheckDescription.of("k8s.selinux",
            "Custom SELinux user, role or type", Severity.MEDIUM,
            "Remove seLinuxOptions.user and .role, and use a type of container_t, container_init_t, "
                    + "container_kvm_t or container_engine_t.", PSS), BASELINE, (pod, out) -> {
                seLinux(pod.securityContext(), null, "the pod", out);
                for (ContainerView c : pod.containers()) {
                    seLinux(c.securityContext(), c, "container " + c.name(), out);
                }
            });

    static final PodControl PROC_MOUNT = new PodControl(CheckDescription.of("k8s.proc-mount",
            "Unmasked /proc mount", Severity.MEDIUM,
            "Remove securityContext.procMount or set it to Default.", PSS), BASELINE, (pod, out) -> {
                for (ContainerView c : pod.containers()) {
                    String mount = Fields.text(c.securityContext(), "procMount");
                    if (mount != null && !mount.equals("Default")) {
                        out.add(new Violation(c, c.container(),
                                "container " + c.name() + " sets securityContext.procMount: " + mount));
                    }
                }
            });

    static final PodControl SECCOMP = new PodControl(CheckDescription.of("k8s.seccomp-baseline",
            "Seccomp profile set to Unconfined", Severity.MEDIUM,
            "Set seccompProfile.type to RuntimeDefault or Localhost, or leave it unset.", PSS), BASELINE,
            (pod, out) -> {
                seccompNotUnconfined(pod.securityContext(), null, "the pod", out);
                for (ContainerView c : pod.containers()) {
                    seccompNotUnconfined(c.securityContext(), c, "container " + c.name(), out);
                }
            });

    static final PodControl SYSCTLS = new PodControl(CheckDescription.of("k8s.sysctls",
            "Unsafe sysctls", Severity.MEDIUM,
            "Set only the safe, namespaced sysctls the Pod Security Standards allow.", PSS), BASELINE,
            (pod, out) -> {
                for (Map<String, Object> sysctl : Fields.maps(Fields.list(pod.securityContext(), "sysctls"))) {
                    String name = Fields.text(sysctl, "name");
                    if (name == null || !SAFE_SYSCTLS.contains(name)) {
                        out.add(new Violation(null, sysctl, "the pod sets sysctl " + name));
                    }
                }
            });

    static final List<PodControl> ALL = List.of(HOST_PROCESS, HOST_NETWORK, HOST_PID, HOST_IPC, PRIVILEGED,
            CAPABILITIES, HOST_PATH, HOST_PORTS, APPARMOR, SELINUX, PROC_MOUNT, SECCOMP, SYSCTLS);

    private BaselineControls() {
    }

    private static PodControl hostNamespace(String field, String id, String what) {
        return new PodControl(CheckDescription.of(id, "Pod shares the node's " + what + " namespace",
                Severity.HIGH, "Remove spec." + field + " or set it to false.", PSS), BASELINE, (pod, out) -> {
                    if (Boolean.TRUE.equals(Fields.bool(pod.spec(), field))) {
                        out.add(new Violation(null, pod.spec(), "the pod sets " + field + ": true"));
                    }
                });
    }

    private static void appArmorType(Map<String, Object> context, ContainerView c, String who,
            List<Violation> out) {
        String type = Fields.text(context, "appArmorProfile", "type");
        if (type != null && !type.equals("RuntimeDefault") && !type.equals("Localhost")) {
            out.add(new Violation(c, context, who + " sets securityContext.appArmorProfile.type: " + type));
        }
    }

    private static void seLinux(Map<String, Object> context, ContainerView c, String who, List<Violation> out) {
        Map<String, Object> options = Fields.map(context, "seLinuxOptions");
        if (options == null) {
            return;
        }
        String type = Fields.text(options, "type");
        if (type != null && !type.isEmpty() && !SELINUX_TYPES.contains(type)) {
            out.add(new Violation(c, options, who + " sets seLinuxOptions.type: " + type));
        }
        for (String field : List.of("user", "role")) {
            String value = Fields.text(options, field);
            if (value != null && !value.isEmpty()) {
                out.add(new Violation(c, options, who + " sets seLinuxOptions." + field + ": " + value));
            }
        }
    }

    private static void seccompNotUnconfined(Map<String, Object> context, ContainerView c, String who,
            List<Violation> out) {
        String type = Fields.text(context, "seccompProfile", "type");
        if (type != null && !SECCOMP_TYPES.contains(type)) {
            out.add(new Violation(c, context, who + " sets seccompProfile.type: " + type));
        }
    }
}
