package dev.bulwark.engine.hardening;

import dev.bulwark.engine.finding.Location;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.finding.Severity;
import java.util.List;

/** Every image hardening check: its id, what it is about, its default severity and what to do. */
public enum HardeningCheck {
    ROOT_USER("image.root-user", "Image runs as root", Severity.HIGH,
            "Create an unprivileged user and end the image with USER <uid> (a numeric uid lets Kubernetes verify"
                    + " runAsNonRoot)."),
    SETUID_FILE("image.setuid-file", "Setuid file in the image", Severity.MEDIUM,
            "Remove the file, or drop the bit in the final stage: chmod u-s <file>."),
    SETGID_FILE("image.setgid-file", "Setgid file in the image", Severity.LOW,
            "Remove the file, or drop the bit in the final stage: chmod g-s <file>."),
    WORLD_WRITABLE("image.world-writable", "World-writable path in the image", Severity.MEDIUM,
            "Drop write permission for others (chmod o-w), or set the sticky bit on shared directories."),
    SHELL("image.shell", "Shell in the final image", Severity.LOW,
            "Use a distroless or scratch runtime stage, or remove the shells from the final stage."),
    PACKAGE_MANAGER("image.package-manager", "Package manager in the final image", Severity.LOW,
            "Install packages in a build stage and copy only the results into the final stage, or remove the"
                    + " package manager as the last build step."),
    COMPILER("image.compiler", "Compiler or build tool in the final image", Severity.MEDIUM,
            "Build in a separate stage (multi-stage build) and copy only the artefacts into the final image."),
    DEBUG_TOOL("image.debug-tool", "Debug or network tool in the final image", Severity.MEDIUM,
            "Remove debuggers, network tools and editors from the final image; use ephemeral debug containers"
                    + " (kubectl debug) when needed."),
    SECRET_IN_ENV("image.secret-in-env", "Secret in an ENV variable", Severity.HIGH,
            "Do not bake credentials into ENV: pass them at run time (orchestrator secrets, mounted files) and"
                    + " rotate the exposed value."),
    SECRET_IN_BUILD_ARG("image.secret-in-build-arg", "Secret in a build argument", Severity.HIGH,
            "Build arguments are recorded in the image history: use build secrets (RUN --mount=type=secret)"
                    + " and rotate the exposed value."),
    ADD_REMOTE_URL("image.add-remote-url", "ADD downloads a remote URL", Severity.MEDIUM,
            "Download with a pinned checksum (ADD --checksum=sha256:..., or curl and sha256sum -c in a build"
                    + " stage) instead of an unverified ADD <url>."),
    NO_HEALTHCHECK("image.no-healthcheck", "No HEALTHCHECK", Severity.LOW,
            "Add a HEALTHCHECK instruction (docker image format), or define liveness and readiness probes where"
                    + " the orchestrator ignores it."),
    MUTABLE_TAG("image.mutable-tag", "Image referenced by a mutable tag", Severity.LOW,
            "Reference the image by digest (name@sha256:...) so that what was scanned is what runs."),
    SSH_PORT("image.ssh-port", "SSH port exposed", Severity.MEDIUM,
            "Remove EXPOSE 22 and the SSH server: use docker exec or kubectl exec to reach a container."),
    UNAPPROVED_BASE("image.unapproved-base", "Base image is not an approved golden image", Severity.MEDIUM,
            "Rebuild FROM one of the approved golden base images.");

    private final String id;
    private final String title;
    private final Severity severity;
    private final String remediation;

    HardeningCheck(String id, String title, Severity severity, String remediation) {
        this.id = id;
        this.title = title;
        this.severity = severity;
        this.remediation = remediation;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Severity severity() {
        return severity;
    }

    public String remediation() {
        return remediation;
    }

    Misconfiguration finding(String message, Location location) {
        return finding(severity, message, location);
    }

    Misconfiguration finding(Severity actual, String message, Location location) {
        return new Misconfiguration(id, title, actual, message, remediation, location, List.of());
    }
}
