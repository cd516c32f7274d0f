package dev.bulwark.engine.source.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.cache.LayerCache;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.scan.Catalogers;
import dev.bulwark.engine.scan.ImageScanner;
import dev.bulwark.engine.scan.ScanListener;
import dev.bulwark.engine.scan.ScanOptions;
import dev.bulwark.engine.testing.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads images from a real Podman engine through its Docker-compatible API: a private {@code podman system service}
 * on a socket in a temporary directory, and tiny images imported from a busybox root filesystem whose dpkg status
 * holds three of this machine's real packages. Needs root, podman (with runc) and busybox-static.
 */
class EnginePodmanTest {
    private static final List<String> PACKAGES = List.of("bash", "coreutils", "dpkg");
    private static final String TAG = "localhost/bulwark-test/engine-socket-" + ProcessHandle.current().pid();
    private static final String IMAGE = TAG + ":tiny";
    private static final String OTHER = TAG + ":other";

    private static Path dir;
    private static Path socket;
    private static Process service;
    private static Set<String> expectedPackages;

    @BeforeAll
    static void start() throws Exception {
        for (String tool : List.of("podman", "tar", "dpkg-query")) {
            assertTrue(Tools.onPath(tool), tool + " is not installed (apt-get install podman runc)");
        }
        Path busybox = Path.of("/bin/busybox");
        assertTrue(Files.isExecutable(busybox), "/bin/busybox is missing (apt-get install busybox-static)");
        dir = Files.createTempDirectory("bulwark-engine-");
        Path root = Files.createDirectories(dir.resolve("rootfs"));
        Files.createDirectories(root.resolve("bin"));
        Files.copy(busybox, root.resolve("bin/busybox"));
        Files.createSymbolicLink(root.resolve("bin/sh"), Path.of("busybox"));
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        String[] query = Stream.concat(Stream.of("dpkg-query", "-s"), PACKAGES.stream()).toArray(String[]::new);
        Files.writeString(root.resolve("var/lib/dpkg/status"), Tools.run(60, query));
        String[] versions = Stream.concat(Stream.of("dpkg-query", "-W", "-f=${Package}\\t${Version}\\n"),
                PACKAGES.stream()).toArray(String[]::new);
        expectedPackages = new TreeSet<>(Tools.run(60, versions).lines().toList());
        Tools.run(60, "tar", "-C", root.toString(), "-cf", dir.resolve("tiny.tar").toString(), ".");
        Tools.run(120, "podman", "import", "--change", "CMD [\"/bin/sh\"]", dir.resolve("tiny.tar").toString(),
                IMAGE);
        Files.writeString(root.resolve("extra"), "a different layer");
        Tools.run(60, "tar", "-C", root.toString(), "-cf", dir.resolve("other.tar").toString(), ".");
        Tools.run(120, "podman", "import", dir.resolve("other.tar").toString(), OTHER);

        socket = dir.resolve("podman.sock");
        service = new ProcessBuilder("podman", "system", "service", "--time=0", "unix://" + socket)
                .redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!EngineEndpoint.isSocket(socket)) {
            if (!service.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("podman system service did not create " + socket + ": "
                        + Files.readString(dir.resolve("service.log")));
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(15, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        if (Tools.onPath("podman")) {
            new ProcessBuilder("podman", "rmi", "--force", IMAGE, OTHER).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        }
        if (dir != null) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static EngineImageSource source(String reference) {
        return new EngineImageSource(reference, new EngineEndpoint(socket), dir.resolve("spool"));
    }

    private static List<Digest> podmanDiffIds(String image) throws IOException {
        String json = Tools.run(60, "podman", "image", "inspect", "--format", "{{json .RootFS.Layers}}", image);
        return List.of(new ObjectMapper().readValue(json, String[].class)).stream().map(Digest::parse).toList();
    }

    private static String podmanId(String image) {
        return Tools.run(60, "podman", "image", "inspect", "--format", "{{.Id}}", image).strip();
    }

    private static long spoolFiles() throws IOException {
        Path spool = dir.resolve("spool");
        if (!Files.exists(spool)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.count();
        }
    }

    private static Set<String> packages(Image image, LayerCache cache) {
        Inventory inv = new ImageScanner(Catalogers.all(), cache, ScanOptions.defaults(), ScanListener.NONE)
                .scan(image);
        return inv.packages().stream().filter(p -> p.type().equals("deb"))
                .map(p -> p.name() + "\t" + p.version()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void inspectGivesPodmansIdAndDiffIds() throws IOException {
        EngineInspection inspection = source(IMAGE).inspect();
        assertEquals(podmanDiffIds(IMAGE), inspection.diffIds());
        assertEquals(podmanId(IMAGE), inspection.id().hex());
        assertTrue(inspection.repoTags().contains(IMAGE), inspection.repoTags().toString());
        assertEquals(List.of("/bin/sh"), inspection.config().cmd());
        assertEquals(0, spoolFiles(), "inspect must not export");
    }

    @Test
    void exportOpensAsAnArchiveAndTheSpoolFileGoesOnClose() throws IOException {
        Image image = source(IMAGE).open();
        try {
            assertEquals(IMAGE, image.name());
            assertEquals(podmanId(IMAGE), image.configDigest().hex());
            assertEquals(podmanDiffIds(IMAGE), image.config().diffIds());
            assertEquals(1, spoolFiles());
            assertEquals(expectedPackages, packages(image, null));
        } finally {
            image.close();
        }
        assertEquals(0, spoolFiles());
    }

    @Test
    void deferredImageSkipsTheExportWhenEveryLayerIsCached() throws IOException {
        LayerCache cache = new LayerCache(dir.resolve("cache-" + System.nanoTime()));
        EngineImageSource first = new EngineImageSource(IMAGE, new EngineEndpoint(socket), cache.tempDirectory());
        DeferredEngineImage cold = (DeferredEngineImage) first.openDeferred();
        try (cold) {
            assertFalse(cold.isExported());
            assertEquals(expectedPackages, packages(cold, cache));
            assertTrue(cold.isExported(), "a cold cache needs the layers");
        }
        EngineImageSource second = new EngineImageSource(IMAGE, new EngineEndpoint(socket), cache.tempDirectory());
        assertTrue(second.diffIds().stream().allMatch(d -> cache.isVerified(d, d)));
        DeferredEngineImage warm = (DeferredEngineImage) second.openDeferred();
        try (warm) {
            assertEquals(expectedPackages, packages(warm, cache));
            assertFalse(warm.isExported(), "every layer was cached, so nothing was exported");
            assertEquals(podmanId(IMAGE), warm.configDigest().hex());
        }
        try (Stream<Path> left = Files.list(cache.tempDirectory())) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void imageChangedBetweenInspectAndExportIsRefused() throws IOException {
        byte[] inspect;
        try (HttpResponse r = new UnixHttpClient(socket, Duration.ofSeconds(10))
                .get("/images/" + EngineApi.encode(IMAGE) + "/json", Duration.ofSeconds(30))) {
            inspect = r.readBody(EngineApi.MAX_INSPECT_BYTES);
        }
        Path other = dir.resolve("other.docker.tar");
        Tools.run(120, "podman", "save", "--format", "docker-archive", "-o", other.toString(), OTHER);
        byte[] export = Files.readAllBytes(other);
        byte[] inspectReply = reply(inspect);
        byte[] exportReply = reply(export);
        try (CannedUnixServer moving = new CannedUnixServer(dir.resolve("moving.sock"),
                line -> line.contains("/json ") ? inspectReply : exportReply)) {
            EngineImageSource source = new EngineImageSource(IMAGE, new EngineEndpoint(moving.socket()),
                    dir.resolve("spool-moving"));
            BulwarkException e = assertThrows(BulwarkException.class, source::open);
            assertEquals(ErrorKind.REMOTE, e.kind());
            assertEquals("engine image " + IMAGE + " changed in the engine between inspect and export; run the scan"
                    + " again", e.getMessage());
        }
        try (Stream<Path> left = Files.list(dir.resolve("spool-moving"))) {
            assertEquals(0, left.count(), "the spool file of the refused export must be gone");
        }
    }

    private static byte[] reply(byte[] body) {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    @Test
    void missingImageIsNotFound() {
        BulwarkException e = assertThrows(BulwarkException.class,
                () -> source("localhost/bulwark-test/no-such-image:0").inspect());
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().startsWith("image localhost/bulwark-test/no-such-image:0 not found in the engine"),
                e.getMessage());
        BulwarkException open = assertThrows(BulwarkException.class,
                () -> source("localhost/bulwark-test/no-such-image:0").open());
        assertEquals(ErrorKind.NOT_FOUND, open.kind());
    }

    @Test
    void missingSocketGivesTheClearError() throws IOException {
        BulwarkException e = assertThrows(BulwarkException.class, () -> new EngineImageSource(IMAGE,
                new EngineEndpoint(dir.resolve("stopped.sock")), dir.resolve("spool")).open());
        assertEquals(ErrorKind.REMOTE, e.kind());
        assertTrue(e.getMessage().startsWith("cannot connect to the container engine at " + dir.resolve(
                "stopped.sock")), e.getMessage());
        assertEquals(0, spoolFiles());
    }
}
