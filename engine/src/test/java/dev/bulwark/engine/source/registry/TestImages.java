package dev.bulwark.engine.source.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.engine.image.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Tiny real images in one OCI layout, built with umoci from busybox-static and cached: {@code single} (two layers:
 * busybox, then a file), {@code amd64} and {@code arm64}, {@code multi} (an index of those two), and {@code tamper}
 * (one layer no other image shares, for corruption tests). Push them with {@link RegistryFixture#pushOci}.
 */
public final class TestImages {
    private static final String VERSION = "v2";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestImages() {
    }

    /** The OCI layout directory holding all test images. */
    public static synchronized Path layout() {
        Path busybox = ToolRunner.requireTool("busybox");
        try {
            Path real = busybox.toRealPath();
            String busyboxHash = Digest.sha256(Files.readAllBytes(real)).toString();
            Path dir = ToolRunner.cacheDir("registry-images", VERSION, busyboxHash);
            if (Files.isRegularFile(dir.resolve("done"))) {
                return dir.resolve("oci");
            }
            Path work = Files.createTempDirectory("images");
            Path oci = work.resolve("oci");
            ToolRunner.run(work, TIMEOUT, "umoci", "init", "--layout", oci.toString());
            build(work, oci, "single", "amd64", real, "etc/greeting", "hello from bulwark\n");
            build(work, oci, "amd64", "amd64", real, "etc/arch", "amd64\n");
            build(work, oci, "arm64", "arm64", real, "etc/arch", "arm64\n");
            build(work, oci, "tamper", "amd64", null, "tamper.txt", "only the tamper image has this "
                    + System.nanoTime() + "\n");
            addIndex(oci);
            ToolRunner.run(work, TIMEOUT, "umoci", "gc", "--layout", oci.toString());
            deleteTree(dir);
            Files.createDirectories(dir.getParent());
            Files.move(work, dir);
            Files.writeString(dir.resolve("done"), VERSION);
            return dir.resolve("oci");
        } catch (IOException e) {
            throw new IllegalStateException("cannot build test images: " + e.getMessage(), e);
        }
    }

    private static void build(Path work, Path oci, String tag, String arch, Path busybox, String file, String content)
            throws IOException {
        String image = oci + ":" + tag;
        Path bundle = work.resolve("bundle-" + tag);
        ToolRunner.run(work, TIMEOUT, "umoci", "new", "--image", image);
        ToolRunner.run(work, TIMEOUT, "umoci", "unpack", "--image", image, bundle.toString());
        Path rootfs = bundle.resolve("rootfs");
        if (busybox != null) {
            Files.createDirectories(rootfs.resolve("bin"));
            Files.copy(busybox, rootfs.resolve("bin/busybox"));
            ToolRunner.run(work, TIMEOUT, "umoci", "repack", "--image", image, bundle.toString());
            // A bundle diffs against the manifest it was unpacked from: unpack afresh so the file is a new layer.
            deleteTree(bundle);
            ToolRunner.run(work, TIMEOUT, "umoci", "unpack", "--image", image, bundle.toString());
        }
        Path target = rootfs.resolve(file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, content);
        ToolRunner.run(work, TIMEOUT, "umoci", "repack", "--image", image, bundle.toString());
        ToolRunner.run(work, TIMEOUT, "umoci", "config", "--image", image, "--os", "linux", "--architecture", arch,
                "--config.cmd", "/bin/sh");
        deleteTree(bundle);
    }

    /** Writes an OCI index of the amd64 and arm64 manifests and tags it {@code multi}. */
    private static void addIndex(Path oci) throws IOException {
        ObjectNode layoutIndex = (ObjectNode) JSON.readTree(oci.resolve("index.json").toFile());
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", "application/vnd.oci.image.index.v1+json");
        ArrayNode manifests = index.putArray("manifests");
        for (var entry : layoutIndex.get("manifests")) {
            String ref = entry.path("annotations").path("org.opencontainers.image.ref.name").asText();
            if (ref.equals("amd64") || ref.equals("arm64")) {
                ObjectNode m = manifests.addObject();
                m.put("mediaType", entry.get("mediaType").asText());
                m.put("digest", entry.get("digest").asText());
                m.put("size", entry.get("size").asLong());
                ObjectNode platform = m.putObject("platform");
                platform.put("architecture", ref);
                platform.put("os", "linux");
                if (ref.equals("arm64")) {
                    platform.put("variant", "v8");
                }
            }
        }
        byte[] bytes = JSON.writeValueAsBytes(index);
        Digest digest = Digest.sha256(bytes);
        Files.write(oci.resolve("blobs/sha256/" + digest.hex()), bytes);
        ObjectNode entry = ((ArrayNode) layoutIndex.get("manifests")).addObject();
        entry.put("mediaType", "application/vnd.oci.image.index.v1+json");
        entry.put("digest", digest.toString());
        entry.put("size", bytes.length);
        entry.putObject("annotations").put("org.opencontainers.image.ref.name", "multi");
        Files.writeString(oci.resolve("index.json"), JSON.writeValueAsString(layoutIndex), StandardCharsets.UTF_8);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
