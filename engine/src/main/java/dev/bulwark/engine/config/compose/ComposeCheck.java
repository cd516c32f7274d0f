package dev.bulwark.engine.config.compose;

import dev.bulwark.engine.finding.Severity;

/** The Compose checks, each with what a finding of it says beyond the offending value. */
enum ComposeCheck {
    PRIVILEGED("compose.privileged", "Service runs privileged", Severity.HIGH,
            "Remove privileged: true; add only the capabilities the process needs."),
    CAP_ADD("compose.cap-add", "Service adds Linux capabilities", Severity.MEDIUM,
            "Remove cap_add, or keep only capabilities the process needs (never ALL or SYS_ADMIN)."),
    NETWORK_HOST("compose.network-host", "Service uses the host's network namespace", Severity.HIGH,
            "Remove network_mode: host and publish the ports the service needs."),
    PID_HOST("compose.pid-host", "Service shares the host's process namespace", Severity.HIGH,
            "Remove pid: host."),
    IPC_HOST("compose.ipc-host", "Service shares the host's IPC namespace", Severity.HIGH, "Remove ipc: host."),
    USER_ROOT("compose.user-root", "Service runs as root", Severity.MEDIUM,
            "Set user: to a non-root UID (and GID), or set USER in the image."),
    DOCKER_SOCKET("compose.docker-socket", "Container engine socket mounted into the service", Severity.CRITICAL,
            "Do not mount /var/run/docker.sock: it gives full control of the host."),
    HOST_ROOT("compose.host-root", "Host root file system mounted into the service", Severity.CRITICAL,
            "Mount only the directories the service needs, read-only where possible."),
    ENV_SECRET("compose.env-secret", "Secret written literally in the service environment", Severity.HIGH,
            "Use Compose secrets, or an env_file kept out of version control."),
    IMAGE_LATEST("compose.image-latest", "Image without a tag or with the mutable latest tag", Severity.MEDIUM,
            "Pin the image to a version tag or a digest.");

    private static final String REFERENCE = "https://docs.docker.com/reference/compose-file/services/";

    final String id;
    final String title;
    final Severity severity;
    final String remediation;

    ComposeCheck(String id, String title, Severity severity, String remediation) {
        this.id = id;
        this.title = title;
        this.severity = severity;
        this.remediation = remediation;
    }

    String reference() {
        return REFERENCE;
    }
}
