package dev.bulwark.engine.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.testing.TarBuilder;
import dev.bulwark.engine.testing.Tools;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tar reader against archives written by GNU tar in each of its formats, compressed by gzip and zstd, compared
 * with GNU tar's own listing of the same archive.
 */
class TarReaderTest {
    @TempDir
    Path tmp;

    private Path tree() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        String longDir = "d".repeat(60) + "/" + "e".repeat(60);
        Files.createDirectories(root.resolve(longDir));
        Files.writeString(root.resolve(longDir).resolve("f".repeat(90) + ".txt"), "long name content\n");
        Files.writeString(root.resolve("plain.txt"), "x".repeat(1000));
        Files.writeString(root.resolve("ünïcødé-名前.txt"), "unicode\n");
        Files.write(root.resolve("empty"), new byte[0]);
        Files.createSymbolicLink(root.resolve("link"), Path.of("../" + "t".repeat(120)));
        Files.createLink(root.resolve("hard"), root.resolve("plain.txt"));
        return root;
    }

    /** "name\tsize" per regular file and "name -> target" per link, as GNU tar lists them. */
    private List<String> gnuListing(Path archive) {
        String out = Tools.run(60, "tar", "--list", "--verbose", "--quoting-style=literal", "--full-time", "-f",
                archive.toString());
        List<String> lines = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (l.isBlank()) {
                continue;
            }
            String[] f = l.trim().split("\\s+", 6);
            String perms = f[0];
            String size = f[2];
            String rest = f[5];
            if (perms.startsWith("-")) {
                lines.add(rest + "\t" + size);
            } else if (perms.startsWith("l")) {
                lines.add(rest);
            } else if (perms.startsWith("h")) {
                lines.add(rest.replace(" link to ", " => "));
            }
        }
        return lines;
    }

    private static List<String> ourListing(InputStream tar) throws IOException {
        TarReader reader = new TarReader(tar);
        List<String> lines = new ArrayList<>();
        TarEntry e;
        while ((e = reader.next()) != null) {
            if (e.isRegularFile()) {
                byte[] content = reader.content().readAllBytes();
                assertEquals(e.size(), content.length, e.name());
                lines.add(e.name() + "\t" + e.size());
            } else if (e.isSymlink()) {
                lines.add(e.name() + " -> " + e.linkName());
            } else if (e.isHardlink()) {
                lines.add(e.name() + " => " + e.linkName());
            }
        }
        return lines;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gnu", "pax", "posix", "oldgnu"})
    void readsWhatGnuTarWritesInEachFormat(String format) throws IOException {
        Path root = tree();
        Path archive = tmp.resolve(format + ".tar");
        Tools.run(60, "tar", "--format=" + format, "-C", root.toString(), "-cf", archive.toString(), ".");
        try (InputStream in = Files.newInputStream(archive)) {
            assertEquals(gnuListing(archive), ourListing(in));
        }
    }

    @Test
    void gzipAndZstdLayersDecompressToTheSameTar() throws IOException {
        Path root = tree();
        Path archive = tmp.resolve("layer.tar");
        Tools.run(60, "tar", "--format=pax", "-C", root.toString(), "-cf", archive.toString(), ".");
        Tools.run(60, "gzip", "-k", archive.toString());
        Tools.run(60, "zstd", "-q", "-k", archive.toString());
        List<String> expected = gnuListing(archive);
        for (String name : new String[] {"layer.tar", "layer.tar.gz", "layer.tar.zst"}) {
            try (InputStream in = LayerStreams.uncompressed(Files.newInputStream(tmp.resolve(name)), 1L << 30)) {
                assertEquals(expected, ourListing(in), name);
            }
        }
    }

    @Test
    void badChecksumIsRefused() {
        byte[] tar = new TarBuilder().file("a", "x").build();
        tar[0] = 'b';
        TarFormatException e = assertThrows(TarFormatException.class,
                () -> new TarReader(new ByteArrayInputStream(tar)).next());
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void oversizedGnuLongNameIsRefused() {
        byte[] tar = new TarBuilder().entry("././@LongLink", 'L', new byte[0], "", 5L << 20).buildUnterminated();
        TarFormatException e = assertThrows(TarFormatException.class,
                () -> new TarReader(new ByteArrayInputStream(tar)).next());
        assertTrue(e.getMessage().contains("over the limit"), e.getMessage());
    }

    @Test
    void malformedPaxRecordIsRefused() {
        byte[] pax = "99999 path=x\n".getBytes(StandardCharsets.UTF_8);
        byte[] tar = new TarBuilder().entry("pax", 'x', pax, "", pax.length).file("a", "x").build();
        assertThrows(TarFormatException.class, () -> new TarReader(new ByteArrayInputStream(tar)).next());
    }

    @Test
    void pathsAreNormalisedAndEscapesRefused() {
        assertEquals("etc/os-release", LayerPaths.normalize("./etc/os-release"));
        assertEquals("etc", LayerPaths.normalize("etc/"));
        assertEquals("a/b", LayerPaths.normalize("a//./b"));
        assertEquals("", LayerPaths.normalize("./"));
        for (String bad : Arrays.asList("../x", "a/../../x", "/etc/passwd", "a/..")) {
            assertThrows(IllegalArgumentException.class, () -> LayerPaths.normalize(bad), bad);
        }
    }
}
