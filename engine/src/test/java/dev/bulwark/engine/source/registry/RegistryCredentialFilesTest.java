package dev.bulwark.engine.source.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Image;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials from every place podman, skopeo and docker keep them, against a real htpasswd registry. */
@Tag("system")
class RegistryCredentialFilesTest {
    static RegistryFixture registry;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        registry = RegistryFixture.start(RegistryFixture.Auth.BASIC, true);
        registry.pushOci(TestImages.layout(), "single", "test/single:1");
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    private String authJson(String key, String user, String password) {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return "{\"auths\":{\"" + key + "\":{\"auth\":\"" + auth + "\"}}}";
    }

    private RegistryOptions options(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("PATH", "/usr/bin:/bin");
        return new RegistryOptions(ImageReference.parse(registry.host() + "/test/single:1"), null,
                List.of(registry.caCertPath()), false, null, null, null, all, home, RegistryImageSourceTest.FAST);
    }

    private void assertPulls(RegistryOptions options) throws Exception {
        try (Image image = new RegistryImageSource(options).open()) {
            assertEquals(registry.digest("test/single:1"), image.manifestDigest());
        }
    }

    private void assertRefused(RegistryOptions options) {
        BulwarkException e = assertThrows(BulwarkException.class, () -> new RegistryImageSource(options).open());
        assertEquals(ErrorKind.AUTH, e.kind());
        assertTrue(e.getMessage().contains("check credentials"), e.getMessage());
        assertFalse(e.getMessage().contains("bad-Password-1"), e.getMessage());
    }

    private Path write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    @Test
    void registryAuthFileWithBase64Auth() throws Exception {
        Path file = write(home.resolve("custom/auth.json"), authJson(registry.host(), registry.username(),
                registry.password()));
        assertPulls(options(Map.of("REGISTRY_AUTH_FILE", file.toString())));
    }

    @Test
    void xdgRuntimeDirAuthJsonWithUsernameAndPassword() throws Exception {
        write(home.resolve("run/containers/auth.json"), "{\"auths\":{\"" + registry.host() + "\":{\"username\":\""
                + registry.username() + "\",\"password\":\"" + registry.password() + "\"}}}");
        assertPulls(options(Map.of("XDG_RUNTIME_DIR", home.resolve("run").toString())));
    }

    @Test
    void configContainersAuthJsonWithRepositoryScopedKey() throws Exception {
        write(home.resolve(".config/containers/auth.json"), "{\"auths\":{"
                + authJson(registry.host() + "/test", registry.username(), registry.password())
                        .replaceFirst("^\\{\"auths\":\\{", "").replaceFirst("}}$", "") + ","
                + "\"" + registry.host() + "\":{\"auth\":\"" + Base64.getEncoder().encodeToString(
                        "someone:bad-Password-1".getBytes(StandardCharsets.UTF_8)) + "\"}}}");
        // The longer, repository-scoped key wins over the host key.
        assertPulls(options(Map.of()));
    }

    @Test
    void dockerConfigJsonWithSchemeInTheKey() throws Exception {
        write(home.resolve(".docker/config.json"), authJson("https://" + registry.host() + "/v1/",
                registry.username(), registry.password()));
        assertPulls(options(Map.of()));
    }

    @Test
    void dockerConfigEnvironmentVariable() throws Exception {
        write(home.resolve("dockercfg/config.json"), authJson(registry.host(), registry.username(),
                registry.password()));
        write(home.resolve(".docker/config.json"), authJson(registry.host(), "someone", "bad-Password-1"));
        assertPulls(options(Map.of("DOCKER_CONFIG", home.resolve("dockercfg").toString())));
    }

    @Test
    void explicitAuthFileOption() throws Exception {
        Path file = write(home.resolve("explicit.json"), authJson(registry.host(), registry.username(),
                registry.password()));
        assertPulls(options(Map.of()).withAuthFile(file));
    }

    @Test
    void earlierSourcesWin() throws Exception {
        Path bad = write(home.resolve("bad.json"), authJson(registry.host(), "someone", "bad-Password-1"));
        write(home.resolve(".docker/config.json"), authJson(registry.host(), registry.username(),
                registry.password()));
        assertRefused(options(Map.of("REGISTRY_AUTH_FILE", bad.toString())));
        assertPulls(options(Map.of("REGISTRY_AUTH_FILE", bad.toString()))
                .withCredentials(registry.username(), registry.password()));
    }

    private Path helper(String name, String body) throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path script = bin.resolve("docker-credential-" + name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    @Test
    void credHelpersRunTheHelperWithTheServerOnStdin() throws Exception {
        // The helper answers only for the server it is asked about, so the protocol's stdin is exercised.
        Path bin = helper("bulwarktest", "read server\nif [ \"$server\" = \"" + registry.host() + "\" ]; then\n"
                + "  echo '{\"ServerURL\":\"'$server'\",\"Username\":\"" + registry.username() + "\",\"Secret\":\""
                + registry.password() + "\"}'\nelse\n  echo 'credentials not found in native keychain'; exit 1\nfi\n");
        write(home.resolve(".docker/config.json"), "{\"credHelpers\":{\"" + registry.host() + "\":\"bulwarktest\"}}");
        assertPulls(options(Map.of("PATH", bin + ":/usr/bin:/bin")));
    }

    @Test
    void credsStoreAppliesToEveryRegistry() throws Exception {
        Path bin = helper("bulwarkstore", "cat >/dev/null\necho '{\"Username\":\"" + registry.username()
                + "\",\"Secret\":\"" + registry.password() + "\"}'\n");
        write(home.resolve(".docker/config.json"), "{\"auths\":{},\"credsStore\":\"bulwarkstore\"}");
        assertPulls(options(Map.of("PATH", bin + ":/usr/bin:/bin")));
    }

    @Test
    void helperProblemsAreOneLineAuthErrors() throws Exception {
        write(home.resolve(".docker/config.json"), "{\"credsStore\":\"absent\"}");
        BulwarkException missing = assertThrows(BulwarkException.class,
                () -> new RegistryImageSource(options(Map.of())).open());
        assertEquals(ErrorKind.AUTH, missing.kind());
        assertTrue(missing.getMessage().contains("docker-credential-absent") && missing.getMessage().contains(
                "not on PATH"), missing.getMessage());

        Path bin = helper("slow", "exec /bin/sleep 120\n");
        write(home.resolve(".docker/config.json"), "{\"credsStore\":\"slow\"}");
        CredentialHelper quick = new CredentialHelper(Map.of("PATH", bin.toString()), java.time.Duration
                .ofMillis(500));
        BulwarkException slow = assertThrows(BulwarkException.class, () -> quick.get("slow", "x", home));
        assertTrue(slow.getMessage().contains("did not answer"), slow.getMessage());
    }

    @Test
    void malformedAuthFileNamesTheFileButNotItsContent() throws Exception {
        Path file = write(home.resolve("broken.json"), "{\"auths\": {\"x\": {\"auth\": \"c2VjcmV0LXRleHQ=\" ");
        BulwarkException e = assertThrows(BulwarkException.class,
                () -> new RegistryImageSource(options(Map.of("REGISTRY_AUTH_FILE", file.toString()))).open());
        assertEquals(ErrorKind.AUTH, e.kind());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("c2VjcmV0"), e.getMessage());
    }
}
