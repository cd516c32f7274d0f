package dev.bulwark.engine.source.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds credentials for a registry where podman, skopeo and docker users keep them, first hit wins: explicit
 * options, {@code --authfile}, {@code $REGISTRY_AUTH_FILE}, {@code $XDG_RUNTIME_DIR/containers/auth.json},
 * {@code ~/.config/containers/auth.json}, then {@code $DOCKER_CONFIG/config.json} or {@code ~/.docker/config.json}.
 */
final class CredentialLookup {
    private final RegistryOptions options;
    private final CredentialHelper helpers;

    CredentialLookup(RegistryOptions options) {
        this.options = options;
        this.helpers = new CredentialHelper(options.environment(), Duration.ofSeconds(30));
    }

    Optional<Credentials> find() {
        if (options.username() != null) {
            return Optional.of(new Credentials(options.username(), options.password(), "--username/--password"));
        }
        for (Path file : files()) {
            if (Files.isRegularFile(file)) {
                Optional<Credentials> found = AuthFile.read(file).lookup(options.reference(), helpers);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The files consulted, in order (existing or not). */
    List<Path> files() {
        Map<String, String> env = options.environment();
        LinkedHashSet<Path> files = new LinkedHashSet<>();
        if (options.authFile() != null) {
            files.add(options.authFile());
        }
        addIfSet(files, env.get("REGISTRY_AUTH_FILE"), null);
        addIfSet(files, env.get("XDG_RUNTIME_DIR"), "containers/auth.json");
        files.add(options.home().resolve(".config/containers/auth.json"));
        String dockerConfig = env.get("DOCKER_CONFIG");
        if (dockerConfig != null && !dockerConfig.isEmpty()) {
            files.add(Path.of(dockerConfig, "config.json"));
        } else {
            files.add(options.home().resolve(".docker/config.json"));
        }
        return new ArrayList<>(files);
    }

    private static void addIfSet(LinkedHashSet<Path> files, String dir, String child) {
        if (dir != null && !dir.isEmpty()) {
            files.add(child == null ? Path.of(dir) : Path.of(dir, child));
        }
    }
}
