package dev.bulwark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.testing.OciLayoutBuilder;
import dev.bulwark.engine.testing.TarBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of hostile image the foundation issue lists, through the real command line: a one-line message naming
 * the image, layer or file, a distinct exit code, no hang, and nothing written outside the cache directory.
 */
@Timeout(60)
class HostileInputTest {
    private static final String STATUS = "Package: ok\nStatus: install ok installed\nVersion: 1.0\nArchitecture: amd64\n";

    @TempDir
    Path tmp;

    private CliRun scan(Path layout, String... extra) {
        String[] base = {"image", "oci:" + layout + ":test", "--cache-dir", tmp.resolve("cache").toString(), "-f",
            "json"};
        String[] args = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    private Path layout(byte[] tar) throws IOException {
        return new OciLayoutBuilder().gzipLayer(tar).write(tmp.resolve("layout"));
    }

    private static void assertOneLineError(CliRun run, int exit, String... fragments) {
        assertEquals(exit, run.exit(), run.toString());
        assertTrue(run.message().startsWith("bulwark: "), run.toString());
        for (String f : fragments) {
            assertTrue(run.message().contains(f), "message lacks '" + f + "': " + run.message());
        }
        assertEquals("", run.out(), "no report on failure");
    }

    @Test
    void corruptGzipNamesTheLayer() throws IOException {
        byte[] tar = new TarBuilder().file("var/lib/dpkg/status", STATUS.repeat(50)).build();
        byte[] gz = TarBuilder.gzip(tar);
        for (int i = 20; i < gz.length - 10; i += 7) {
            gz[i] ^= 0x5a;
        }
        Path dir = new OciLayoutBuilder().layer(tar, gz, "application/vnd.oci.image.layer.v1.tar+gzip")
                .write(tmp.resolve("layout"));
        assertOneLineError(scan(dir), 4, "layer 0", "oci:");
    }

    @Test
    void truncatedGzip() throws IOException {
        byte[] tar = new TarBuilder().file("var/lib/dpkg/status", STATUS.repeat(500)).build();
        byte[] gz = TarBuilder.gzip(tar);
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        Path dir = new OciLayoutBuilder().layer(tar, cut, "application/vnd.oci.image.layer.v1.tar+gzip")
                .write(tmp.resolve("layout"));
        assertOneLineError(scan(dir), 4, "layer 0", "truncated");
    }

    @Test
    void truncatedTar() throws IOException {
        byte[] tar = new TarBuilder().entry("big.bin", '0', new byte[100], "", 1_000_000).buildUnterminated();
        assertOneLineError(scan(layout(tar)), 4, "layer 0", "truncated");
    }

    @Test
    void blobThatDoesNotMatchItsDigest() throws IOException {
        byte[] tar = new TarBuilder().file("var/lib/dpkg/status", STATUS).build();
        OciLayoutBuilder b = new OciLayoutBuilder().gzipLayer(tar);
        Path dir = b.write(tmp.resolve("layout"));
        Path blob = b.layerBlob(dir, 0);
        byte[] data = Files.readAllBytes(blob);
        byte[] other = TarBuilder.gzip(new TarBuilder().file("var/lib/dpkg/status", STATUS.replace("1.0", "6.6"))
                .build());
        assertEquals(other.length, data.length, "same size, different content");
        Files.write(blob, other);
        assertOneLineError(scan(dir), 4, "layer 0", "does not match digest");
    }

    @Test
    void diffIdThatDoesNotMatchTheLayer() throws IOException {
        byte[] tar = new TarBuilder().file("a", "x").build();
        byte[] other = new TarBuilder().file("b", "y").build();
        Path dir = new OciLayoutBuilder().layer(other, TarBuilder.gzip(tar),
                "application/vnd.oci.image.layer.v1.tar+gzip").write(tmp.resolve("layout"));
        assertOneLineError(scan(dir), 4, "layer 0", "diff_id");
    }

    @Test
    void dotDotEntryNameIsRefusedAndNothingIsWritten() throws IOException {
        byte[] tar = new TarBuilder().file("../../escaped-by-bulwark-test", "pwned").build();
        assertOneLineError(scan(layout(tar)), 4, "layer 0", "..");
        assertFalse(Files.exists(tmp.resolve("../../escaped-by-bulwark-test").normalize()));
        assertNothingOutsideCache();
    }

    @Test
    void absoluteEntryNameIsRefused() throws IOException {
        byte[] tar = new TarBuilder().file("/tmp/escaped-by-bulwark-test", "pwned").build();
        assertOneLineError(scan(layout(tar)), 4, "layer 0", "absolute entry name");
        assertNothingOutsideCache();
    }

    @Test
    void symlinkOutOfTheRootIsResolvedInsideTheImage() throws IOException {
        // The host has its own /etc/os-release (Debian); the image's link climbs far above its root.
        byte[] tar = new TarBuilder()
                .file("usr/lib/os-release", "ID=alpine\nVERSION_ID=3.20.3\n")
                .symlink("etc/os-release", "../../../../../../../../usr/lib/os-release")
                .build();
        CliRun run = scan(layout(tar));
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("\"id\" : \"alpine\"") || run.out().contains("\"id\": \"alpine\""), run.out());
        assertTrue(run.err().contains("points above the image root"), run.err());
    }

    @Test
    void symlinkLoopIsAWarningNotAHang() throws IOException {
        byte[] tar = new TarBuilder()
                .symlink("etc/os-release", "os-release-2")
                .symlink("etc/os-release-2", "/etc/os-release")
                .symlink("usr/lib/os-release", "../../etc/os-release")
                .file("var/lib/dpkg/status", STATUS)
                .build();
        CliRun run = scan(layout(tar));
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.err().contains("symlink loop"), run.err());
        assertTrue(run.out().contains("\"name\" : \"ok\"") || run.out().contains("\"name\": \"ok\""), run.out());
    }

    @Test
    void hardlinkToAMissingTargetIsCounted() throws IOException {
        byte[] tar = new TarBuilder().hardlink("bin/sh", "bin/does-not-exist").file("var/lib/dpkg/status", STATUS)
                .build();
        CliRun run = scan(layout(tar));
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.err().contains("hardlink bin/sh points to bin/does-not-exist"), run.err());
        assertTrue(run.err().contains("1 warning(s)"), run.err());
    }

    @Test
    void hardlinkWithDotDotTargetIsRefused() throws IOException {
        byte[] tar = new TarBuilder().hardlink("bin/sh", "../../etc/shadow").build();
        assertOneLineError(scan(layout(tar)), 4, "layer 0", "hardlink bin/sh");
    }

    @Test
    void decompressionBombStopsAtTheLimit() throws IOException {
        byte[] zeros = new byte[96 << 20];
        byte[] tar = new TarBuilder().file("zeros", zeros).build();
        CliRun run = scan(layout(tar), "--max-layer-size", "16MiB");
        assertOneLineError(run, 4, "layer 0", "exceeds the limit of 16777216");
    }

    @Test
    void hugeDatabaseFileIsSkippedWithAWarningAndTheRestIsKept() throws IOException {
        byte[] line = new byte[3 << 20];
        Arrays.fill(line, (byte) 'x');
        byte[] tar = new TarBuilder().file("var/lib/dpkg/status", line)
                .file("var/lib/dpkg/status.d/ok", STATUS).build();
        CliRun run = scan(layout(tar));
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.err().contains("var/lib/dpkg/status") && run.err().contains("longer than"), run.err());
        assertTrue(run.out().contains("status.d/ok"), run.out());
    }

    @Test
    void malformedManifestJson() throws IOException {
        byte[] tar = new TarBuilder().file("a", "x").build();
        Path dir = new OciLayoutBuilder().gzipLayer(tar).manifest("{\"schemaVersion\": 2, \"config\": [")
                .write(tmp.resolve("layout"));
        assertOneLineError(scan(dir), 4, "manifest", "not valid JSON");
    }

    @Test
    void malformedConfigJson() throws IOException {
        byte[] tar = new TarBuilder().file("a", "x").build();
        Path dir = new OciLayoutBuilder().gzipLayer(tar).config("{\"rootfs\": {\"diff_ids\": [\"sha256:zz\"]}}")
                .write(tmp.resolve("layout"));
        assertOneLineError(scan(dir), 4, "config", "not a valid digest");
    }

    @Test
    void unknownLayerMediaType() throws IOException {
        byte[] tar = new TarBuilder().file("a", "x").build();
        Path dir = new OciLayoutBuilder().layer(tar, TarBuilder.gzip(tar), "application/x-not-a-layer")
                .write(tmp.resolve("layout"));
        assertOneLineError(scan(dir), 4, "layer 0", "unknown media type");
    }

    @Test
    void notAnArchiveAtAll() throws IOException {
        Path junk = tmp.resolve("junk.tar");
        Files.write(junk, "this is not a tar file, just text that goes on for a while".repeat(20)
                .getBytes(StandardCharsets.UTF_8));
        assertOneLineError(CliRun.of("image", "--input", junk.toString(), "--cache-dir", tmp.resolve("c").toString()),
                4, junk.toString());
    }

    @Test
    void missingInputIsNotFound() {
        assertOneLineError(CliRun.of("image", "--input", tmp.resolve("nope.tar").toString()), 3, "nope.tar");
    }

    /** Only the layout the test wrote and the cache directory may exist under the temporary directory. */
    private void assertNothingOutsideCache() throws IOException {
        try (Stream<Path> top = Files.list(tmp)) {
            List<String> names = top.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(List.of("cache", "layout").containsAll(names), names.toString());
        }
    }
}
