package dev.bulwark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.testing.DebianImages;
import dev.bulwark.engine.testing.Fixtures;
import dev.bulwark.report.Schemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulwark command on a real Debian 12 image, in every source form and every format. */
class ImageCommandTest {
    private static DebianImages images;
    private static Set<String> expected;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @BeforeAll
    static void fixtures() throws IOException {
        images = Fixtures.debian();
        expected = Files.readAllLines(images.finalDpkg()).stream().map(l -> l.split("\t"))
                .filter(f -> f[5].equals("installed")).map(f -> f[0] + "@" + f[1])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static Set<String> packages(JsonNode report) {
        Set<String> out = new TreeSet<>();
        report.path("packages").forEach(p -> out.add(p.path("name").asText() + "@" + p.path("version").asText()));
        return out;
    }

    @Test
    void jsonFromEverySourceFormMatchesDpkgQuery() throws IOException {
        String cache = tmp.resolve("cache").toString();
        for (String[] source : new String[][] {
            {"--input", images.finalDockerArchive().toString()},
            {"--input", images.finalOciArchive().toString()},
            {"docker-archive:" + images.finalDockerArchive()},
            {"oci:" + images.finalOciLayout() + ":12"}}) {
            String[] args = new String[source.length + 5];
            args[0] = "image";
            System.arraycopy(source, 0, args, 1, source.length);
            System.arraycopy(new String[] {"-f", "json", "--cache-dir", cache}, 0, args, 1 + source.length, 4);
            CliRun r = run(args);
            assertEquals(0, r.exit(), r.toString());
            JsonNode report = JSON.readTree(r.out());
            assertEquals(expected, packages(report), String.join(" ", source));
            assertEquals("", Schemas.errors(Schemas.BULWARK, report));
        }
    }

    @Test
    void sbomsOfARealImageValidateAgainstTheOfficialSchemas() throws IOException {
        Path cdx = tmp.resolve("bom.cdx.json");
        Path spdx = tmp.resolve("bom.spdx.json");
        assertEquals(0, run("image", "--input", images.finalDockerArchive().toString(), "--no-cache", "-f",
                "cyclonedx", "-o", cdx.toString()).exit());
        assertEquals(0, run("image", "--input", images.finalDockerArchive().toString(), "--no-cache", "-f",
                "spdx-json", "-o", spdx.toString()).exit());
        JsonNode bom = JSON.readTree(cdx.toFile());
        assertEquals("", Schemas.errors(Schemas.CYCLONEDX, bom));
        assertEquals("1.6", bom.path("specVersion").asText());
        Set<String> purls = new TreeSet<>();
        bom.path("components").forEach(c -> purls.add(c.path("purl").asText()));
        assertTrue(purls.contains("pkg:deb/debian/hello@2.10-3?arch=amd64&distro=debian-12"), purls.toString());
        JsonNode doc = JSON.readTree(spdx.toFile());
        assertEquals("", Schemas.errors(Schemas.SPDX, doc));
        assertEquals("SPDX-2.3", doc.path("spdxVersion").asText());
    }

    @Test
    void tableIsForPeople() {
        CliRun r = run("image", "--input", images.finalDockerArchive().toString(), "--no-cache");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("Debian GNU/Linux 12 (bookworm)"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("hello ") && l.contains("2.10-3")), r.out());
        assertEquals("", r.err(), "no progress or noise when stderr is not a terminal");
    }

    @Test
    void fsScansAnUnpackedRootfs() throws IOException {
        Set<String> base = Files.readAllLines(images.baseDpkg()).stream().map(l -> l.split("\t"))
                .filter(f -> f[5].equals("installed")).map(f -> f[0] + "@" + f[1])
                .collect(Collectors.toCollection(TreeSet::new));
        CliRun r = run("fs", images.rootfs().toString(), "-f", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(base, packages(JSON.readTree(r.out())));
    }

    @Test
    void debugTellsWhenEachStepFinished() throws IOException {
        String cache = tmp.resolve("cache").toString();
        for (String[] args : new String[][] {
            {"image", "--input", images.finalDockerArchive().toString(), "--cache-dir", cache},
            {"fs", images.rootfs().toString()}}) {
            CliRun r = run(concat(args, "--scanners", "none", "-q", "-f", "json", "--debug"));
            assertEquals(0, r.exit(), r.toString());
            int packages = JSON.readTree(r.out()).path("packages").size();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("bulwark: debug: (.*) at (\\d+) ms\n")
                    .matcher(r.err());
            java.util.List<String> steps = new java.util.ArrayList<>();
            long last = -1;
            while (m.find()) {
                steps.add(m.group(1));
                long at = Long.parseLong(m.group(2));
                assertTrue(at >= last, r.err()); // in order, counted from the JVM's launch
                last = at;
            }
            java.util.List<String> expectedSteps = new java.util.ArrayList<>(java.util.List.of("command started",
                    "inventory (" + packages + " packages)", "findings (0)", "report written"));
            if (args[0].equals("image")) {
                expectedSteps.add(1, "image opened (4 layers)");
            }
            assertEquals(expectedSteps, steps, r.err());
            assertTrue(last <= java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            CliRun plain = run(concat(args, "--scanners", "none", "-q", "-f", "json"));
            assertEquals("", plain.err(), "only --debug tells the steps");
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void progressIsShownOnATerminalUnlessQuiet() {
        String before = System.getProperty("bulwark.tty");
        System.setProperty("bulwark.tty", "true"); // what the launcher passes when stderr is a terminal
        try {
            CliRun shown = run("image", "--input", images.finalDockerArchive().toString(), "--no-cache", "-o",
                    tmp.resolve("a.txt").toString());
            assertEquals(0, shown.exit(), shown.toString());
            assertTrue(shown.err().contains("layers 4/4"), shown.err());
            CliRun quiet = run("image", "--input", images.finalDockerArchive().toString(), "--no-cache", "-q", "-o",
                    tmp.resolve("b.txt").toString());
            assertEquals("", quiet.err());
        } finally {
            if (before == null) {
                System.clearProperty("bulwark.tty");
            } else {
                System.setProperty("bulwark.tty", before);
            }
        }
    }

    @Test
    void cacheCleanEmptiesTheCache() {
        Path cache = tmp.resolve("cache");
        assertEquals(0, run("image", "--input", images.finalDockerArchive().toString(), "-q", "--cache-dir",
                cache.toString(), "-o", tmp.resolve("out.txt").toString()).exit());
        assertTrue(Files.isDirectory(cache.resolve("layers")));
        CliRun clean = run("cache", "clean", "--cache-dir", cache.toString());
        assertEquals(0, clean.exit(), clean.toString());
        assertFalse(Files.exists(cache));
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        CliRun unknownFormat = run("image", "--input", images.finalDockerArchive().toString(), "-f", "xml");
        assertEquals(2, unknownFormat.exit());
        assertTrue(unknownFormat.message().contains("unknown report format 'xml'"), unknownFormat.message());
        CliRun badFlag = run("image", "--no-such-flag");
        assertEquals(2, badFlag.exit());
        CliRun nothing = run("image");
        assertEquals(2, nothing.exit());
        assertTrue(nothing.message().contains("name an image"), nothing.message());
        CliRun platform = run("image", "--input", images.finalDockerArchive().toString(), "--platform", "amd64");
        assertEquals(2, platform.exit());
        CliRun size = run("image", "--input", images.finalDockerArchive().toString(), "--max-layer-size", "lots");
        assertEquals(2, size.exit());
    }

    /**
     * {@code -o} naming something that is not a regular file is written to, never replaced: a named pipe stays a pipe
     * and its reader gets the report (the finished-file rename once turned /dev/null into a regular file), and a
     * symlink stays a link to the file that now holds the report.
     */
    @Test
    void outputToAPipeOrThroughALinkKeepsWhatIsThere() throws Exception {
        Path fifo = tmp.resolve("report.pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        java.util.concurrent.CompletableFuture<byte[]> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (var in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String rootfs = images.rootfs().toString();
        Set<String> base = Files.readAllLines(images.baseDpkg()).stream().map(l -> l.split("\t"))
                .filter(f -> f[5].equals("installed")).map(f -> f[0] + "@" + f[1])
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(0, run("fs", rootfs, "--scanners", "none", "-q", "-f", "json", "-o", fifo.toString()).exit());
        JsonNode viaPipe = JSON.readTree(read.get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(base, packages(viaPipe));
        int fileType = (Integer) Files.getAttribute(fifo, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS)
                & 0170000;
        assertEquals(0010000, fileType, "still a named pipe");

        Path real = tmp.resolve("reports/latest-real.json");
        Files.createDirectories(real.getParent());
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(tmp.resolve("latest.json"), real);
        assertEquals(0, run("fs", rootfs, "--scanners", "none", "-q", "-f", "json", "-o", link.toString()).exit());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(base, packages(JSON.readTree(Files.readString(real))));
    }

    @Test
    void aFailedScanLeavesNoPartialReport() {
        Path out = tmp.resolve("report.json");
        CliRun r = run("image", "--input", tmp.resolve("missing.tar").toString(), "-o", out.toString());
        assertEquals(3, r.exit());
        assertFalse(Files.exists(out));
    }
}
