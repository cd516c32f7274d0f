package dev.bulwark.engine.config.kubernetes;

import dev.bulwark.engine.config.SecretLikeNames;
import dev.bulwark.engine.finding.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pod checks beyond the Pod Security Standards: resources, probes, root file system, images, literal secrets. */
final class WorkloadControls {

    private static final String RESOURCES =
            "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/";
    private static final String PROBES = "https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/";
    private static final String IMAGES = "https://kubernetes.io/docs/concepts/containers/images/";
    private static final Set<String> BATCH = Set.of("Job", "CronJob");

    static final PodControl CPU_REQUESTS = resource("requests", "cpu", "k8s.cpu-requests");
    static final PodControl MEMORY_REQUESTS = resource("requests", "memory", "k8s.memory-requests");
    static final PodControl CPU_LIMITS = resource("limits", "cpu", "k8s.cpu-limits");
    static final PodControl MEMORY_LIMITS = resource("limits", "memory", "k8s.memory-limits");
    static final PodControl LIVENESS = probe("livenessProbe", "k8s.liveness-probe",
            "so the kubelet restarts a hung container");
    static final PodControl READINESS = probe("readinessProbe", "k8s.readiness-probe",
            "so Services send traffic only to ready pods");

    static final PodControl READ_ONLY_ROOT = new PodControl(CheckDescription.of("k8s.read-only-root-filesystem",
            "Container root file system is writable", Severity.LOW,
            "Set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where the process writes.",
            "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"), null, (pod, out) -> {
                for (ContainerView c : pod.containers()) {
                    if (!Boolean.TRUE.equals(Fields.bool(c.securityContext(), "readOnlyRootFilesystem"))) {
                        out.add(new Violation(c, c.container(), "container " + c.name()
                                + " does not set securityContext.readOnlyRootFilesystem: true"));
                    }
                }
            });

    static final PodControl IMAGE_TAG = new PodControl(CheckDescription.of("k8s.image-tag",
            "Image without a tag or with the mutable latest tag", Severity.MEDIUM,
            "Pin the image to a version tag, better to a digest (image@sha256:...).", IMAGES), null,
            (pod, out) -> {
                for (ContainerView c : pod.containers()) {
                    String image = Fields.text(c.container(), "image");
                    String tag = image == null ? null : tagOf(image);
                    if (image != null && !image.contains("@") && (tag == null || tag.equals("latest"))) {
                        out.add(new Violation(c, c.container(), "container " + c.name() + " uses image " + image
                                + (tag == null ? " without a tag (latest)" : "")));
                    } else if (image == null) {
                        out.add(new Violation(c, c.container(), "container " + c.name() + " names no image"));
                    }
                }
            });

    static final PodControl PULL_POLICY = new PodControl(CheckDescription.of("k8s.image-pull-policy",
            "Image pull policy is not Always", Severity.LOW,
            "Set imagePullPolicy: Always so every start checks the registry (and its access control) for the image.",
            IMAGES), null, (pod, out) -> {
                for (ContainerView c : pod.containers()) {
                    String policy = Fields.text(c.container(), "imagePullPolicy");
                    if (!"Always".equals(policy)) {
                        out.add(new Violation(c, c.container(), "container " + c.name() + (policy == null
                                ? " does not set imagePullPolicy (the default reuses images cached on the node)"
                                : " sets imagePullPolicy: " + policy)));
                    }
                }
            });

    static final PodControl ENV_SECRET = new PodControl(CheckDescription.of("k8s.env-secret",
            "Secret written literally in a container environment variable", Severity.HIGH,
            "Move the value into a Secret and reference it with valueFrom.secretKeyRef.",
            "https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables"),
            null, (pod, out) -> {
                for (ContainerView c : pod.containers()) {
                    for (Map<String, Object> env : Fields.maps(Fields.list(c.container(), "env"))) {
                        String name = Fields.text(env, "name");
                        String value = Fields.text(env, "value");
                        if (value == null || value.isBlank() || value.startsWith("$(")) {
                            continue;
                        }
                        if (SecretLikeNames.holdsPrivateKey(value)) {
                            out.add(new Violation(c, env, "container " + c.name() + " sets env " + name
                                    + " to a literal private key"));
                        } else if (SecretLikeNames.isSecretName(name)) {
                            out.add(new Violation(c, env, "container " + c.name() + " sets env " + name
                                    + " to a literal value"));
                        }
                    }
                }
            });

    static final List<PodControl> ALL = List.of(CPU_REQUESTS, MEMORY_REQUESTS, CPU_LIMITS, MEMORY_LIMITS, LIVENESS,
            READINESS, READ_ONLY_ROOT, IMAGE_TAG, PULL_POLICY, ENV_SECRET);

    private WorkloadControls() {
    }

    /** The tag of an image reference, or null: the part after the last colon that follows the last slash. */
    static String tagOf(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(colon + 1) : null;
    }

    private static PodControl resource(String kind, String resource, String id) {
        return new PodControl(CheckDescription.of(id, "Container " + resource + " " + kind + " not set",
                Severity.LOW, "Set resources." + kind + "." + resource + " on every container.", RESOURCES), null,
                (pod, out) -> {
                    for (ContainerView c : pod.containers()) {
                        if (!c.field().equals("ephemeralContainers")
                                && !Fields.present(c.container(), "resources", kind, resource)) {
                            out.add(new Violation(c, c.container(), "container " + c.name() + " does not set resources."
                                    + kind + "." + resource));
                        }
                    }
                });
    }

    private static PodControl probe(String field, String id, String why) {
        return new PodControl(CheckDescription.of(id, "Container has no " + field, Severity.LOW,
                "Define a " + field + " " + why + ".", PROBES), null, (pod, out) -> {
                    if (BATCH.contains(pod.owner().kind())) {
                        return;
                    }
                    for (ContainerView c : pod.containers()) {
                        if (c.longRunning() && !Fields.present(c.container(), field)) {
                            out.add(new Violation(c, c.container(), "container " + c.name() + " has no " + field));
                        }
                    }
                });
    }
}
