package dev.bulwark.engine.config.compose;

import dev.bulwark.engine.config.SecretLikeNames;
import dev.bulwark.engine.config.yaml.LineSpan;
import dev.bulwark.engine.config.yaml.YamlDocument;
import dev.bulwark.engine.config.yaml.YamlReader;
import dev.bulwark.engine.config.yaml.YamlStream;
import dev.bulwark.engine.finding.Location;
import dev.bulwark.engine.finding.Misconfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks Docker Compose files ({@code compose.yaml}, {@code docker-compose.yml}): privileged services, added
 * capabilities, host namespaces, root users, the Docker socket and the host root mounted, literal secrets in the
 * environment, and unpinned images.
 */
public final class ComposeScanner {

    private static final Set<String> ROOT_USERS = Set.of("root", "0");

    private final YamlReader yaml;

    public ComposeScanner() {
        this(new YamlReader());
    }

    public ComposeScanner(YamlReader yaml) {
        this.yaml = yaml;
    }

    /** Scans the Compose file {@code name}. */
    public ComposeScan scan(String name, byte[] content) {
        YamlStream stream = yaml.read(name, content);
        List<String> warnings = new ArrayList<>(stream.warnings());
        List<Misconfiguration> findings = new ArrayList<>();
        int services = 0;
        for (YamlDocument document : stream.documents()) {
            if (!(document.root() instanceof Map<?, ?> root) || !(root.get("services") instanceof Map<?, ?> all)) {
                continue;
            }
            for (Map.Entry<?, ?> entry : all.entrySet()) {
                if (entry.getValue() instanceof Map<?, ?> service) {
                    services++;
                    new ServiceChecks(name, document, String.valueOf(entry.getKey()), service, findings).run();
                }
            }
        }
        return new ComposeScan(findings, services, warnings);
    }

    /** The checks of one service, reporting into a shared list. */
    private record ServiceChecks(String file, YamlDocument document, String name, Map<?, ?> service,
            List<Misconfiguration> out) {

        void run() {
            if (Boolean.TRUE.equals(service.get("privileged"))) {
                report(ComposeCheck.PRIVILEGED, "privileged: true");
            }
            if (service.get("cap_add") instanceof List<?> caps && !caps.isEmpty()) {
                report(ComposeCheck.CAP_ADD, "cap_add: " + caps);
            }
            hostMode("network_mode", ComposeCheck.NETWORK_HOST);
            hostMode("pid", ComposeCheck.PID_HOST);
            hostMode("ipc", ComposeCheck.IPC_HOST);
            Object user = service.get("user");
            String uid = user == null ? null : String.valueOf(user).split(":")[0].trim();
            if (uid == null) {
                report(ComposeCheck.USER_ROOT, "no user: set, so the image's user (root unless its USER says "
                        + "otherwise) runs the service");
            } else if (ROOT_USERS.contains(uid)) {
                report(ComposeCheck.USER_ROOT, "user: " + user);
            }
            if (service.get("volumes") instanceof List<?> volumes) {
                for (Object volume : volumes) {
                    volume(volume);
                }
            }
            environment();
            image();
        }

        private void hostMode(String field, ComposeCheck check) {
            if ("host".equals(service.get(field))) {
                report(check, field + ": host");
            }
        }

        private void volume(Object volume) {
            String source = null;
            if (volume instanceof String spec) {
                source = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : null;
            } else if (volume instanceof Map<?, ?> long_ && "bind".equals(long_.get("type"))) {
                source = long_.get("source") == null ? null : String.valueOf(long_.get("source"));
            }
            if (source == null) {
                return;
            }
            String normalized = source.replaceAll("/+$", "");
            if (normalized.endsWith("/docker.sock") || normalized.endsWith("/podman.sock")
                    || normalized.endsWith("/containerd.sock")) {
                report(ComposeCheck.DOCKER_SOCKET, "mounts " + source);
            } else if (normalized.isEmpty() && source.startsWith("/")) {
                report(ComposeCheck.HOST_ROOT, "mounts the host's / into the container");
            }
        }

        private void environment() {
            Object env = service.get("environment");
            if (env instanceof Map<?, ?> map) {
                map.forEach((k, v) -> secret(String.valueOf(k), v == null ? null : String.valueOf(v)));
            } else if (env instanceof List<?> list) {
                for (Object item : list) {
                    String text = String.valueOf(item);
                    int eq = text.indexOf('=');
                    if (eq > 0) {
                        secret(text.substring(0, eq), text.substring(eq + 1));
                    }
                }
            }
        }

        private void secret(String key, String value) {
            if (value == null || value.isBlank() || value.startsWith("$")) {
                return; // unset, or taken from the shell or an .env file at run time
            }
            if (SecretLikeNames.holdsPrivateKey(value) || SecretLikeNames.isSecretName(key)) {
                report(ComposeCheck.ENV_SECRET, "environment " + key + " is set to a literal value");
            }
        }

        private void image() {
            if (!(service.get("image") instanceof String image) || image.contains("@") || image.contains("${")) {
                return;
            }
            int slash = image.lastIndexOf('/');
            int colon = image.lastIndexOf(':');
            String tag = colon > slash ? image.substring(colon + 1) : null;
            if (tag == null || tag.equals("latest")) {
                report(ComposeCheck.IMAGE_LATEST, "image " + image + (tag == null ? " has no tag (latest)" : ""));
            }
        }

        private void report(ComposeCheck check, String message) {
            LineSpan lines = document.linesOf(service);
            Location location = new Location(file, lines.start(), lines.end(), null, "service " + name);
            out.add(new Misconfiguration(check.id, check.title, check.severity, "service " + name + ": " + message,
                    check.remediation, location, List.of(check.reference())));
        }
    }
}
