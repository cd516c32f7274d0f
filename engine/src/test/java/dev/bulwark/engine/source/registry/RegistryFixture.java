package dev.bulwark.engine.source.registry;

import dev.bulwark.engine.image.Digest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@code docker-registry} on a free 127.0.0.1 port for tests: plain HTTP and anonymous, or HTTPS (test CA
 * from {@link TestCertificates}) with htpasswd Basic auth or with Bearer tokens from a {@link TokenServer}. Images
 * go in with skopeo ({@link #push}, {@link #pushOci}) and expected digests come out of skopeo too. Start one per
 * test class and close it after; storage lives in a temporary directory that close deletes.
 */
public final class RegistryFixture implements AutoCloseable {
    /** How clients must authenticate. */
    public enum Auth { NONE, BASIC, TOKEN }

    public static final String USERNAME = "bulwark";
    public static final String PASSWORD = "s3cret-Pa55word";
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(120);

    private final Auth auth;
    private final boolean tls;
    private final Path dir;
    private final int port;
    private final Process process;
    private final TokenServer tokenServer;
    private final TestCertificates certs;

    private RegistryFixture(Auth auth, boolean tls, Path dir, int port, Process process, TokenServer tokenServer,
            TestCertificates certs) {
        this.auth = auth;
        this.tls = tls;
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.tokenServer = tokenServer;
        this.certs = certs;
    }

    /** Starts a registry and waits until it answers. Token auth needs TLS (the registry requires it). */
    public static RegistryFixture start(Auth auth, boolean tls) {
        ToolRunner.requireTool("docker-registry");
        TestCertificates certs = tls || auth == Auth.TOKEN ? TestCertificates.get() : null;
        TokenServer tokenServer = null;
        Process process = null;
        try {
            Path dir = Files.createTempDirectory("bulwark-registry");
            Files.createDirectories(dir.resolve("storage"));
            int port = freePort();
            StringBuilder config = new StringBuilder("""
                    version: 0.1
                    log:
                      level: error
                      accesslog:
                        disabled: true
                    storage:
                      filesystem:
                        rootdirectory: %s
                      delete:
                        enabled: true
                    http:
                      addr: 127.0.0.1:%d
                      secret: bulwark-test-secret
                    """.formatted(dir.resolve("storage"), port));
            if (tls) {
                config.append("  tls:\n    certificate: ").append(certs.serverCert()).append("\n    key: ")
                        .append(certs.serverKey()).append('\n');
                Path certDir = Files.createDirectories(dir.resolve("certs"));
                Files.copy(certs.caCert(), certDir.resolve("ca.crt"));
            }
            if (auth == Auth.BASIC) {
                String line = ToolRunner.run(dir, TOOL_TIMEOUT, "htpasswd", "-Bbn", USERNAME, PASSWORD).trim();
                Files.writeString(dir.resolve("htpasswd"), line + "\n");
                config.append("auth:\n  htpasswd:\n    realm: bulwark-test\n    path: ").append(dir.resolve(
                        "htpasswd")).append('\n');
            } else if (auth == Auth.TOKEN) {
                tokenServer = new TokenServer(certs, USERNAME, PASSWORD);
                config.append("auth:\n  token:\n    realm: ").append(tokenServer.realm()).append("\n    service: ")
                        .append(TokenServer.SERVICE).append("\n    issuer: ").append(TokenServer.ISSUER)
                        .append("\n    rootcertbundle: ").append(certs.tokenCert()).append('\n');
            }
            Files.writeString(dir.resolve("config.yml"), config, StandardCharsets.UTF_8);
            process = new ProcessBuilder("docker-registry", "serve", dir.resolve("config.yml").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
            waitForPort(port, process, dir.resolve("registry.log"));
            return new RegistryFixture(auth, tls, dir, port, process, tokenServer, certs);
        } catch (Exception e) {
            if (process != null) {
                process.destroyForcibly();
            }
            if (tokenServer != null) {
                tokenServer.close();
            }
            throw new IllegalStateException("cannot start docker-registry: " + e.getMessage(), e);
        }
    }

    /** {@code 127.0.0.1:PORT}, the registry part of references. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public String url() {
        return (tls ? "https://" : "http://") + host();
    }

    /** The CA certificate that signed the registry's certificate (null for a plain registry). */
    public Path caCertPath() {
        return tls ? certs.caCert() : null;
    }

    /** An unrelated CA, for tests that trust the wrong one. */
    public Path otherCaCertPath() {
        return TestCertificates.get().otherCaCert();
    }

    public String username() {
        return auth == Auth.NONE ? null : USERNAME;
    }

    public String password() {
        return auth == Auth.NONE ? null : PASSWORD;
    }

    public Auth auth() {
        return auth;
    }

    /** The token service (TOKEN registries only). */
    public TokenServer tokenServer() {
        return tokenServer;
    }

    /** The registry's storage root (for tests that tamper with blobs). */
    public Path storageDir() {
        return dir.resolve("storage");
    }

    /** Where the registry keeps the bytes of {@code digest}. */
    public Path blobPath(Digest digest) {
        return storageDir().resolve("docker/registry/v2/blobs/" + digest.algorithm() + "/"
                + digest.hex().substring(0, 2) + "/" + digest.hex() + "/data");
    }

    /** Pushes image {@code refName} of an OCI layout to {@code name} (e.g. {@code test/app:1}); returns the reference. */
    public String pushOci(Path layout, String refName, String name) {
        return push("oci:" + layout + ":" + refName, name);
    }

    /**
     * Pushes any skopeo source ({@code oci:DIR:REF}, {@code docker-archive:FILE}, {@code oci-archive:FILE}) with all
     * its platforms to {@code name}; returns the full reference {@code host/name}.
     */
    public String push(String skopeoSource, String name) {
        List<String> cmd = new ArrayList<>(List.of("skopeo", "copy", "--quiet", "--all"));
        cmd.addAll(destinationFlags("--dest-"));
        cmd.add(skopeoSource);
        cmd.add("docker://" + host() + "/" + name);
        ToolRunner.run(null, TOOL_TIMEOUT, cmd.toArray(String[]::new));
        return host() + "/" + name;
    }

    /** The manifest (or index) bytes exactly as the registry serves them, via {@code skopeo inspect --raw}. */
    public byte[] rawManifest(String nameOrDigestRef) {
        List<String> cmd = new ArrayList<>(List.of("skopeo", "inspect", "--raw"));
        cmd.addAll(destinationFlags("--"));
        cmd.add("docker://" + host() + "/" + nameOrDigestRef);
        return ToolRunner.run(null, TOOL_TIMEOUT, cmd.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8);
    }

    /** The config blob of a single-platform image as skopeo reads it ({@code skopeo inspect --config --raw}). */
    public byte[] rawConfig(String nameOrDigestRef) {
        List<String> cmd = new ArrayList<>(List.of("skopeo", "inspect", "--config", "--raw"));
        cmd.addAll(destinationFlags("--"));
        cmd.add("docker://" + host() + "/" + nameOrDigestRef);
        return ToolRunner.run(null, TOOL_TIMEOUT, cmd.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8);
    }

    /** The manifest digest skopeo reports for {@code name}. */
    public Digest digest(String name) {
        List<String> cmd = new ArrayList<>(List.of("skopeo", "inspect", "--format", "{{.Digest}}"));
        cmd.addAll(destinationFlags("--"));
        cmd.add("docker://" + host() + "/" + name);
        return Digest.parse(ToolRunner.run(null, TOOL_TIMEOUT, cmd.toArray(String[]::new)).trim());
    }

    private List<String> destinationFlags(String prefix) {
        List<String> flags = new ArrayList<>();
        if (tls) {
            flags.add(prefix + "cert-dir=" + dir.resolve("certs"));
        } else {
            flags.add(prefix + "tls-verify=false");
        }
        if (auth != Auth.NONE) {
            flags.add(prefix + "creds=" + USERNAME + ":" + PASSWORD);
        }
        return flags;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (tokenServer != null) {
            tokenServer.close();
        }
        try {
            TestImages.deleteTree(dir);
        } catch (IOException ignored) {
            // A leftover temp directory is harmless.
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void waitForPort(int port, Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited: " + Files.readString(log));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("docker-registry did not listen on port " + port + " within 30 s");
    }
}
