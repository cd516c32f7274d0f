package dev.bulwark.cli;

import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.Platform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code bulwark train} (hidden): the workload the launcher records its startup cache from. It builds a tiny OCI
 * layout and a tiny advisory database in a temporary directory and scans the layout cold and warm, with vulnerability
 * matching, into every format, and a project directory holding a fat jar, so the classes (and, on JDK 25, the method
 * profiles) of a real scan and match are in the cache. It does not pull through a registry: the HTTP and TLS classes
 * made the cache a third larger, and every command, warm rescans included, took about 70 ms longer to start, as much
 * as a cold registry pull gained (docs/benchmarks.md, run L). The advisories are made up for the purpose and never
 * leave the temporary directory, which is all it touches.
 */
final class TrainCommand implements Command {
    private static final CommandDef DEF = new CommandDef("train", "Record the startup cache (used by the launcher).",
            List.of(), null, false, null, List.of());

    @Override
    public CommandDef def() {
        return DEF;
    }

    @Override
    public int run(ParsedArgs args, Io io) throws IOException {
        Path dir = Files.createTempDirectory("bulwark-train");
        try {
            Path layout = dir.resolve("layout");
            writeLayout(layout);
            String cache = dir.resolve("cache").toString();
            OutputStream sink = OutputStream.nullOutputStream();
            int failures = 0;
            String db = dir.resolve("db").toString();
            failures += Main.run(new String[] {"db", "import", writeAdvisories(dir.resolve("advisories")).toString(),
                "--db-dir", db, "-q"}, sink, sink) == 0 ? 0 : 1;
            for (String format : new String[] {"table", "json", "cyclonedx", "spdx-json", "sarif"}) {
                failures += Main.run(new String[] {"image", "oci:" + layout + ":train", "--cache-dir", cache, "-q",
                    "-f", format, "--db-dir", db}, sink, sink) == 0 ? 0 : 1;
            }
            failures += Main.run(new String[] {"fs", writeProject(dir.resolve("project")).toString(), "-q", "-f",
                "json", "--scanners", "none"}, sink, sink) == 0 ? 0 : 1;
            Main.run(new String[] {"image", "--input", dir.resolve("missing.tar").toString(), "-q"}, sink, sink);
            Main.run(new String[] {"image", "--help"}, sink, sink);
            if (failures > 0) {
                io.err().println("bulwark: train: " + failures + " of the training scans failed");
                return ErrorKind.INTERNAL.exitCode();
            }
            return 0;
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Advisories in OSV form touching what the layout holds, one per way matching decides: a Debian source package
     * by range, a PyPI package by an enumerated versions list (two advisories naming one CVE, merged), and a Go
     * module by range, with CVSS v3 and v4 vectors to score.
     */
    private static Path writeAdvisories(Path dir) throws IOException {
        Files.createDirectories(dir);
        String v3 = "{\"type\":\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}";
        String v4 = "{\"type\":\"CVSS_V4\",\"score\":\"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N"
                + "/SA:N\"}";
        Files.writeString(dir.resolve("TRAIN-1.json"), advisory("TRAIN-1", "CVE-1999-0001", v3,
                "{\"package\":{\"ecosystem\":\"Debian:12\",\"name\":\"glibc\"},\"ranges\":[{\"type\":\"ECOSYSTEM\","
                        + "\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"2.36-9+deb12u1\"}]}]}"));
        Files.writeString(dir.resolve("TRAIN-2.json"), advisory("TRAIN-2", "CVE-1999-0002", v4,
                "{\"package\":{\"ecosystem\":\"PyPI\",\"name\":\"Train_Package\"},\"ranges\":[{\"type\":\"ECOSYSTEM\","
                        + "\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"2.0.1\"}]}],\"versions\":[\"1.0\","
                        + "\"1.0.post1\",\"2.0.0rc1\",\"2.0\"]}"));
        Files.writeString(dir.resolve("TRAIN-3.json"), advisory("TRAIN-3", "CVE-1999-0002", v3,
                "{\"package\":{\"ecosystem\":\"PyPI\",\"name\":\"train-package\"},\"ranges\":[{\"type\":\"ECOSYSTEM\","
                        + "\"events\":[{\"introduced\":\"1.5\"},{\"last_affected\":\"2.0\"}]}]}"));
        Files.writeString(dir.resolve("TRAIN-4.json"), advisory("TRAIN-4", "CVE-1999-0003", v3,
                "{\"package\":{\"ecosystem\":\"Go\",\"name\":\"example.com/train\"},\"ranges\":[{\"type\":"
                        + "\"SEMVER\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"1.2.4\"}]}]}"));
        return dir;
    }

    private static String advisory(String id, String alias, String severity, String affected) {
        return "{\"schema_version\":\"1.6.0\",\"id\":\"" + id + "\",\"modified\":\"2024-01-01T00:00:00Z\","
                + "\"aliases\":[\"" + alias + "\"],\"summary\":\"training advisory\",\"severity\":[" + severity
                + "],\"affected\":[" + affected + "],\"references\":[{\"type\":\"WEB\",\"url\":"
                + "\"https://example.com/" + id + "\"}]}";
    }

    /**
     * A project directory holding a Spring Boot style fat jar large enough (over the 16 MB the Java cataloger reads
     * in heap) to take the streamed path with its nested jars and the second hashing thread. Only this: a
     * node_modules tree and a Python environment in the training made no command faster (interleaved runs,
     * docs/benchmarks.md run Q), and every class the cache holds is loaded at every start.
     */
    private static Path writeProject(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (ZipOutputStream jar = new ZipOutputStream(Files.newOutputStream(dir.resolve("app.jar")))) {
            jar.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            jar.write("Manifest-Version: 1.0\r\nMain-Class: demo.App\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            stored(jar, "BOOT-INF/lib/train-lib-1.0.jar", innerJar(Map.of(
                    "META-INF/maven/dev.train/train-lib/pom.properties",
                    "groupId=dev.train\nartifactId=train-lib\nversion=1.0\n", "train/Lib.class", "\u00ca\u00fe")));
            stored(jar, "BOOT-INF/lib/bare-2.1.jar", innerJar(Map.of("META-INF/MANIFEST.MF",
                    "Manifest-Version: 1.0\r\nImplementation-Title: bare\r\nImplementation-Version: 2.1\r\n\r\n")));
            stored(jar, "BOOT-INF/classes/padding.bin", new byte[17 << 20]);
        }
        return dir;
    }

    private static byte[] innerJar(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream jar = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
                jar.putNextEntry(new ZipEntry(e.getKey()));
                jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    private static void stored(ZipOutputStream jar, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        jar.putNextEntry(e);
        jar.write(data);
    }

    /** Writes the training image as an OCI layout; returns its manifest digest. */
    private static String writeLayout(Path layout) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n");
        files.put("var/lib/dpkg/status", "Package: base-files\nStatus: install ok installed\nVersion: 12.4\n"
                + "Architecture: amd64\n\nPackage: libc6\nStatus: install ok installed\nSource: glibc\n"
                + "Version: 2.36-9\nArchitecture: amd64\n");
        files.put("usr/share/doc/libc6/copyright", "Format: x\n\nFiles: *\nLicense: LGPL-2.1+\n");
        files.put("srv/app/requirements.txt", "train-package==2.0\nother-package==1.0\n");
        files.put("srv/app/go.mod", "module example.com/app\n\ngo 1.22\n\nrequire example.com/train v1.2.3\n");
        files.put("tmp/.wh.gone", "");
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : files.entrySet()) {
            byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
            tar.write(header(f.getKey(), data.length));
            tar.write(data);
            tar.write(new byte[(512 - data.length % 512) % 512]);
        }
        tar.write(new byte[1024]);
        byte[] uncompressed = tar.toByteArray();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(uncompressed);
        }
        byte[] layer = gz.toByteArray();
        Platform p = Platform.current();
        String config = "{\"architecture\":\"" + p.architecture() + "\",\"os\":\"linux\",\"config\":{\"User\":\"1000\","
                + "\"Env\":[\"PATH=/usr/bin\"],\"Labels\":{\"a\":\"b\"}},\"history\":[{\"created_by\":\"train\"}],"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Digest.sha256(uncompressed) + "\"]}}";
        byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                + Digest.sha256(configBytes) + "\",\"size\":" + configBytes.length + "},\"layers\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + Digest.sha256(layer)
                + "\",\"size\":" + layer.length + "}]}";
        byte[] manifestBytes = manifest.getBytes(StandardCharsets.UTF_8);
        Path blobs = Files.createDirectories(layout.resolve("blobs/sha256"));
        for (byte[] blob : new byte[][] {layer, configBytes, manifestBytes}) {
            Files.write(blobs.resolve(Digest.sha256(blob).hex()), blob);
        }
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + Digest.sha256(manifestBytes)
                + "\",\"size\":" + manifestBytes.length + ",\"annotations\":{\"org.opencontainers.image.ref.name\":"
                + "\"train\"}}]}");
        return Digest.sha256(manifestBytes).toString();
    }

    private static byte[] header(String name, long size) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, "00000000000");
        h[156] = '0';
        put(h, 257, "ustar");
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        return h;
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }
}
