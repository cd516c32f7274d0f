package dev.bulwark.engine.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.match.OsvOracle.Installed;
import dev.bulwark.engine.testing.Fixtures;
import dev.bulwark.engine.testing.Tools;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The real artifacts of the OSV accuracy benchmark, fetched once into the fixture cache, and for each the installed
 * packages as the ecosystem's own tool lists them (Maven coordinates as fetched, {@code npm ls}, Python's
 * {@code importlib.metadata}, {@code go version -m} and {@code go mod edit -json}, Python's {@code tomllib}).
 */
final class RealArtifacts {
    /** Jars from Maven Central: versions with advisories in ../shared/data/osv/maven and a few fixed ones. */
    static final List<String> MAVEN = List.of(
            "org.apache.logging.log4j:log4j-core:2.14.1", "org.apache.logging.log4j:log4j-core:2.17.1",
            "org.apache.commons:commons-text:1.9", "org.apache.commons:commons-text:1.10.0",
            "org.springframework:spring-beans:5.3.17", "org.springframework:spring-webmvc:5.3.17",
            "org.springframework:spring-beans:5.3.18", "io.netty:netty-codec-http:4.1.50.Final",
            "ch.qos.logback:logback-core:1.1.11", "org.eclipse.jetty:jetty-server:9.4.30.v20200611",
            "org.yaml:snakeyaml:1.30", "com.google.protobuf:protobuf-java:3.16.1",
            "org.apache.tomcat.embed:tomcat-embed-core:9.0.40", "com.google.guava:guava:23.0",
            "xerces:xercesImpl:2.12.0", "org.bouncycastle:bcprov-jdk15on:1.70",
            "com.fasterxml.jackson.core:jackson-databind:2.9.10.1",
            "com.fasterxml.jackson.core:jackson-databind:2.13.4.2", "org.dom4j:dom4j:2.1.1",
            "commons-collections:commons-collections:3.2.1", "org.jsoup:jsoup:1.14.2");

    /** npm packages named by ../shared/data/osv/npm, at versions before their fixes, with their dependencies. */
    static final List<String> NPM = List.of("lodash@4.17.15", "minimist@1.2.5", "qs@6.5.2", "semver@5.7.1",
            "json5@1.0.1", "braces@2.3.2", "ws@7.4.5", "express@4.17.1");

    /** Go programs from Debian packages (skopeo podman buildah runc umoci docker-registry go-rpmdb golang-1.19-go). */
    static final List<String> GO_BINARIES = List.of("/usr/bin/skopeo", "/usr/bin/podman", "/usr/bin/buildah",
            "/usr/sbin/runc", "/usr/bin/umoci", "/usr/bin/docker-registry", "/usr/bin/go-rpmdb",
            "/usr/lib/go-1.19/bin/go");

    /** The Debian Python packages' directory (apt python3-* packages; see docs/accuracy.md for the list). */
    static final Path DIST_PACKAGES = Path.of("/usr/lib/python3/dist-packages");

    /** Scanned instead of {@link #DIST_PACKAGES}: the catalogers know installed distributions by that folder name. */
    static final Path PYTHON_LIB = DIST_PACKAGES.getParent();

    /** go.mod files of Debian's golang-*-dev packages (testify, objx, yaml.v3, xerrors, go-rpmdb, restruct). */
    static final Path GOCODE = Path.of("/usr/share/gocode/src");

    record Artifacts(Path root, List<Installed> installed, List<String> described) {
    }

    private RealArtifacts() {
    }

    static Artifacts maven() throws IOException {
        Path dir = cached("osv-accuracy-maven", String.join("\n", MAVEN), into -> {
            for (String gav : MAVEN) {
                Path jar = mavenJar(gav);
                Files.copy(jar, into.resolve(jar.getFileName()));
            }
        });
        List<Installed> installed = new ArrayList<>();
        for (String gav : MAVEN) {
            String[] p = gav.split(":");
            installed.add(new Installed(p[0] + ":" + p[1], p[2]));
        }
        return new Artifacts(dir, installed, MAVEN);
    }

    static Artifacts npm() throws IOException {
        Path dir = cached("osv-accuracy-npm", String.join("\n", NPM), into -> {
            List<String> cmd = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix",
                    into.toString()));
            cmd.addAll(NPM);
            Tools.run(600, into, cmd.toArray(String[]::new));
        });
        JsonNode tree = new ObjectMapper().readTree(Tools.run(120, dir, "npm", "ls", "--all", "--json", "--prefix",
                dir.toString()));
        Set<Installed> installed = new LinkedHashSet<>();
        walkNpm(tree, installed);
        return new Artifacts(dir, List.copyOf(installed), NPM);
    }

    private static void walkNpm(JsonNode node, Set<Installed> out) {
        node.path("dependencies").fields().forEachRemaining(e -> {
            if (e.getValue().hasNonNull("version")) {
                out.add(new Installed(e.getKey(), e.getValue().get("version").asText()));
            }
            walkNpm(e.getValue(), out);
        });
    }

    static Artifacts pypi() {
        if (!Files.isDirectory(DIST_PACKAGES)) {
            throw new AssertionError(DIST_PACKAGES + " is missing: apt-get install python3-requests python3-yaml");
        }
        String out = Tools.run(120, "python3", "-c", String.join("\n",
                "import sys, importlib.metadata as md",
                "from packaging.utils import canonicalize_name",
                "for d in md.distributions(path=[sys.argv[1]]):",
                "    print(canonicalize_name(d.metadata['Name']), d.version)"), DIST_PACKAGES.toString());
        Set<Installed> installed = new LinkedHashSet<>();
        for (String line : out.split("\n")) {
            String[] f = line.strip().split(" ");
            if (f.length == 2) {
                installed.add(new Installed(f[0], f[1]));
            }
        }
        return new Artifacts(PYTHON_LIB, List.copyOf(installed), List.of(DIST_PACKAGES.toString()));
    }

    /**
     * The Debian Go programs and go.mod files, linked (or copied) into a scratch directory. Debian builds Go programs
     * in GOPATH mode, so their build information names only the toolchain ({@code stdlib}); the go.mod files of the
     * golang-*-dev packages add module requirements.
     */
    static Artifacts go(Path scratch) throws IOException {
        List<Installed> installed = new ArrayList<>();
        List<String> described = new ArrayList<>();
        Path bin = Files.createDirectories(scratch.resolve("bin"));
        for (String b : GO_BINARIES) {
            Path src = Path.of(b);
            if (!Files.isRegularFile(src)) {
                throw new AssertionError(b + " is missing: apt-get install skopeo podman buildah runc umoci"
                        + " docker-registry go-rpmdb golang-1.19-go");
            }
            Path dst = bin.resolve(src.getFileName());
            try {
                Files.createLink(dst, src);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
            }
            described.add(b);
            for (String line : Tools.run(60, "go", "version", "-m", b).split("\n")) {
                String[] f = line.strip().split("\\s+");
                if (line.startsWith(b + ":")) {
                    installed.add(new Installed("stdlib", goToolchain(f[1])));
                } else if (f.length >= 3 && f[0].equals("dep")) {
                    installed.add(new Installed(f[1], f[2]));
                }
            }
        }
        try (Stream<Path> walk = Files.walk(GOCODE)) {
            for (Path mod : walk.filter(p -> p.getFileName().toString().equals("go.mod")).sorted().toList()) {
                Path dst = scratch.resolve("gocode").resolve(GOCODE.relativize(mod));
                Files.createDirectories(dst.getParent());
                Files.copy(mod, dst);
                described.add(mod.toString());
                JsonNode m = new ObjectMapper().readTree(Tools.run(60, "go", "mod", "edit", "-json",
                        mod.toString()));
                for (JsonNode r : m.path("Require")) {
                    installed.add(new Installed(r.path("Path").asText(), r.path("Version").asText()));
                }
            }
        }
        return new Artifacts(scratch, List.copyOf(new LinkedHashSet<>(installed)), described);
    }

    /** {@code go1.19.8} as the SemVer Go's vulnerability database writes toolchains in: {@code 1.19.8}. */
    static String goToolchain(String go) {
        String v = go.startsWith("go") ? go.substring(2) : go;
        String[] parts = v.split("\\.");
        return parts.length == 2 ? v + ".0" : v;
    }

    /** The slice of a real Cargo.lock in the test resources (see osv-crates/README.md), in a project directory. */
    static Artifacts crates(Path scratch) throws IOException {
        Path project = Files.createDirectories(scratch.resolve("parity-ethereum"));
        Path lock = project.resolve("Cargo.lock");
        try (var in = RealArtifacts.class.getResourceAsStream("osv-crates/Cargo.lock")) {
            Files.copy(in, lock);
        }
        String out = Tools.run(60, "python3", "-c", String.join("\n",
                "import sys, tomllib",
                "for p in tomllib.load(open(sys.argv[1], 'rb'))['package']:",
                "    if p.get('source', '').startswith('registry+'):",
                "        print(p['name'], p['version'])"), lock.toString());
        List<Installed> installed = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.strip().split(" ");
            if (f.length == 2) {
                installed.add(new Installed(f[0], f[1]));
            }
        }
        return new Artifacts(project, installed, List.of("Cargo.lock of parity-ethereum 2.7.0 (slice)"));
    }

    interface Builder {
        void build(Path into) throws IOException;
    }

    /** {@code <cache>/NAME-HASH}, built into a scratch directory and moved in whole when done. */
    private static synchronized Path cached(String name, String inputs, Builder builder) throws IOException {
        Path dir = Fixtures.cacheRoot().resolve(name + "-" + sha256(inputs).substring(0, 16));
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(dir.getParent());
        Path scratch = Files.createTempDirectory(dir.getParent(), name + "-building-");
        builder.build(scratch);
        Files.move(scratch, dir, StandardCopyOption.ATOMIC_MOVE);
        return dir;
    }

    /** A jar in the fixture Maven repository, downloaded from Maven Central and checked against its .sha1. */
    static Path mavenJar(String gav) throws IOException {
        String[] p = gav.split(":");
        String rel = p[0].replace('.', '/') + "/" + p[1] + "/" + p[2] + "/" + p[1] + "-" + p[2] + ".jar";
        Path jar = Fixtures.cacheRoot().resolve("java-maven-repository").resolve(rel);
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String base = "https://repo.maven.apache.org/maven2/" + rel;
        try {
            HttpResponse<byte[]> got = http.send(HttpRequest.newBuilder(URI.create(base))
                    .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (got.statusCode() != 200) {
                throw new AssertionError(base + ": HTTP " + got.statusCode());
            }
            byte[] body = got.body();
            String sha1 = http.send(HttpRequest.newBuilder(URI.create(base + ".sha1")).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString()).body().strip().split("\\s+")[0];
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body));
            if (!actual.equalsIgnoreCase(sha1)) {
                throw new AssertionError(base + ": SHA-1 " + actual + " but Maven Central says " + sha1);
            }
            Files.createDirectories(jar.getParent());
            Path tmp = Files.createTempFile(jar.getParent(), "download", ".part");
            Files.write(tmp, body);
            Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE);
            return jar;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
