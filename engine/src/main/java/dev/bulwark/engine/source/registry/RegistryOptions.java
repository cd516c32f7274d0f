package dev.bulwark.engine.source.registry;

import dev.bulwark.engine.image.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link RegistryImageSource} needs to pull one image.
 *
 * @param reference the image to pull
 * @param platform the platform to pick from a multi-platform index
 * @param caCerts extra PEM files of CA certificates to trust on top of the system trust store
 * @param insecure allow plain HTTP and unverified TLS certificates for any registry (not only loopback ones)
 * @param username explicit user name, or null to look credentials up in auth files
 * @param password explicit password or token (with {@code username}), or null
 * @param authFile an explicit auth file ({@code --authfile}) consulted before the default locations, or null
 * @param environment the environment to look auth files and credential helpers up in (normally
 *     {@code System.getenv()}; tests pass their own so nothing on the machine leaks in)
 * @param home the user's home directory for {@code ~/.config/containers} and {@code ~/.docker}
 * @param retry retry and timeout settings
 */
public record RegistryOptions(ImageReference reference, Platform platform, List<Path> caCerts, boolean insecure,
        String username, String password, Path authFile, Map<String, String> environment, Path home,
        RetryPolicy retry) {
    public RegistryOptions {
        Objects.requireNonNull(reference, "reference");
        platform = platform == null ? Platform.current() : platform;
        caCerts = caCerts == null ? List.of() : List.copyOf(caCerts);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        home = home == null ? Path.of(System.getProperty("user.home", "/")) : home;
        retry = retry == null ? RetryPolicy.defaults() : retry;
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("username and password go together");
        }
    }

    /** Defaults for {@code reference}: this machine's platform, system trust, the process environment. */
    public static RegistryOptions of(String reference) {
        return new RegistryOptions(ImageReference.parse(reference), null, null, false, null, null, null,
                System.getenv(), null, null);
    }

    public RegistryOptions withPlatform(Platform value) {
        return new RegistryOptions(reference, value, caCerts, insecure, username, password, authFile, environment,
                home, retry);
    }

    public RegistryOptions withCaCerts(List<Path> value) {
        return new RegistryOptions(reference, platform, value, insecure, username, password, authFile, environment,
                home, retry);
    }

    public RegistryOptions withInsecure(boolean value) {
        return new RegistryOptions(reference, platform, caCerts, value, username, password, authFile, environment,
                home, retry);
    }

    public RegistryOptions withCredentials(String user, String secret) {
        return new RegistryOptions(reference, platform, caCerts, insecure, user, secret, authFile, environment,
                home, retry);
    }

    public RegistryOptions withAuthFile(Path value) {
        return new RegistryOptions(reference, platform, caCerts, insecure, username, password, value, environment,
                home, retry);
    }

    /** Replaces the environment and home used for auth file and credential helper lookup. */
    public RegistryOptions withEnvironment(Map<String, String> env, Path homeDir) {
        return new RegistryOptions(reference, platform, caCerts, insecure, username, password, authFile, env,
                homeDir, retry);
    }

    public RegistryOptions withRetry(RetryPolicy value) {
        return new RegistryOptions(reference, platform, caCerts, insecure, username, password, authFile, environment,
                home, value);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "RegistryOptions[reference=" + reference + ", platform=" + platform + ", caCerts=" + caCerts
                + ", insecure=" + insecure + ", username=" + (username == null ? "none" : "set")
                + ", authFile=" + authFile + ", retry=" + retry + "]";
    }
}
