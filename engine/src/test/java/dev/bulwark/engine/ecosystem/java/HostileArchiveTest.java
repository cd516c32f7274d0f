package dev.bulwark.engine.ecosystem.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.inventory.Package;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Zip bombs, depth bombs, truncated and fake archives and oversized metadata: counted warnings, never a crash. */
class HostileArchiveTest {
    private static final Duration QUICK = Duration.ofSeconds(20);

    /** A jar writer: entries deflated, or stored (as Spring Boot stores nested jars). */
    private static final class Jar {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final ZipOutputStream zip = new ZipOutputStream(bytes);

        Jar deflated(String name, byte[] content) throws IOException {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
            return this;
        }

        Jar zeros(String name, long count) throws IOException {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry(name));
            byte[] block = new byte[1 << 20];
            for (long left = count; left > 0; left -= block.length) {
                zip.write(block, 0, (int) Math.min(left, block.length));
            }
            zip.closeEntry();
            return this;
        }

        Jar stored(String name, byte[] content) throws IOException {
            ZipEntry e = new ZipEntry(name);
            e.setMethod(ZipEntry.STORED);
            e.setSize(content.length);
            CRC32 crc = new CRC32();
            crc.update(content);
            e.setCrc(crc.getValue());
            zip.putNextEntry(e);
            zip.write(content);
            zip.closeEntry();
            return this;
        }

        Jar pom(String group, String artifact, String version) throws IOException {
            return deflated("META-INF/maven/" + group + "/" + artifact + "/pom.properties", ("groupId=" + group
                    + "\nartifactId=" + artifact + "\nversion=" + version + "\n").getBytes(StandardCharsets.UTF_8));
        }

        byte[] bytes() throws IOException {
            zip.close();
            return bytes.toByteArray();
        }
    }

    private static Catalogued catalog(String path, byte[] content) throws IOException {
        return Catalogued.bytes(new JavaCataloger(), path, content);
    }

    private static String sha1(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
    }

    @Test
    void zipBombInANestedJarIsGivenUpAndTheRestKept() throws Exception {
        byte[] zeros = new Jar().pom("org.bomb", "inner", "1").zeros("data.bin", 1200L << 20).bytes();
        byte[] outer = new Jar().pom("org.ok", "outer", "2.0").stored("BOOT-INF/lib/bomb-1.jar", zeros)
                .stored("BOOT-INF/lib/good-3.jar", new Jar().pom("org.ok", "good", "3").bytes()).bytes();
        Catalogued c = assertTimeoutPreemptively(QUICK, () -> catalog("app.jar", outer));
        assertEquals(List.of("java.zip-bomb"), c.codes(), c.warnings().toString());
        assertEquals(List.of("org.bomb:inner@1", "org.ok:good@3", "org.ok:outer@2.0"), c.packages().stream()
                .map(p -> p.name() + "@" + p.version()).sorted().toList());
        assertEquals(sha1(outer), c.only("org.ok:outer").hashes().get("sha1"));
    }

    @Test
    void manyBombsTogetherStopAtTheFileBudget() throws Exception {
        byte[] bomb = new Jar().zeros("data.bin", 700L << 20).bytes();
        Jar outer = new Jar().pom("org.ok", "outer", "1");
        for (int i = 0; i < 6; i++) {
            outer.stored("lib/b" + i + ".jar", bomb);
        }
        byte[] bytes = outer.bytes();
        Catalogued c = assertTimeoutPreemptively(QUICK, () -> catalog("app.jar", bytes));
        assertTrue(c.codes().contains("java.zip-bomb"), c.warnings().toString());
        assertEquals(sha1(bytes), c.only("org.ok:outer").hashes().get("sha1"));
    }

    @Test
    void depthBombStopsAtTheDepthLimit() throws Exception {
        byte[] jar = new Jar().pom("org.deep", "level50", "50").bytes();
        for (int level = 49; level >= 0; level--) {
            jar = new Jar().pom("org.deep", "level" + level, Integer.toString(level)).stored("lib/inner.jar", jar)
                    .bytes();
        }
        byte[] bytes = jar;
        Catalogued c = assertTimeoutPreemptively(QUICK, () -> catalog("deep.jar", bytes));
        assertEquals(List.of("java.nested-too-deep"), c.codes());
        assertEquals(ArchiveLimits.DEFAULTS.maxDepth() + 1, c.packages().size());
        assertEquals("deep.jar!/lib/inner.jar!/lib/inner.jar", c.only("org.deep:level2").location());
    }

    @Test
    void truncatedJarKeepsWhatCameBeforeTheCut() throws Exception {
        byte[] whole = new Jar().pom("org.cut", "first", "1").deflated("x/Big.class", new byte[200_000])
                .pom("org.cut", "last", "2").bytes();
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        Catalogued c = catalog("cut.jar", truncated);
        assertEquals(List.of("java.malformed-archive"), c.codes());
        assertEquals(List.of("org.cut:first"), c.packages().stream().map(Package::name).toList());
        assertEquals(sha1(truncated), c.packages().get(0).hashes().get("sha1"));
    }

    @Test
    void realJarCutInHalf() throws Exception {
        Path jar = JavaTools.fetch("org.apache.logging.log4j:log4j-core:2.14.1");
        byte[] all = Files.readAllBytes(jar);
        Catalogued c = catalog("log4j.jar", Arrays.copyOf(all, all.length / 2));
        assertEquals(List.of("java.malformed-archive"), c.codes().stream().distinct().filter(
                code -> !code.equals("java.unidentified-archive")).toList());
    }

    @Test
    void garbageNamedJar() throws Exception {
        byte[] garbage = new byte[100_000];
        new Random(7).nextBytes(garbage);
        Catalogued c = catalog("lib/garbage.jar", garbage);
        assertEquals(List.of(), c.packages());
        assertEquals(List.of("java.not-an-archive"), c.codes());
        Catalogued nested = catalog("app.war", new Jar().pom("org.ok", "app", "1").stored("WEB-INF/lib/bad.jar",
                garbage).bytes());
        assertEquals(List.of("java.not-an-archive"), nested.codes());
        assertEquals("org.ok:app", nested.packages().get(0).name());
    }

    @Test
    void hugePomPropertiesIsSkippedAndTheOthersRead() throws Exception {
        byte[] huge = ("groupId=a\nartifactId=b\nversion=" + "9".repeat(2 << 20) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] jar = new Jar().deflated("META-INF/maven/a/b/pom.properties", huge).pom("org.ok", "shaded", "1")
                .bytes();
        Catalogued c = catalog("big.jar", jar);
        assertEquals(List.of("java.oversized-metadata"), c.codes());
        assertEquals(List.of("org.ok:shaded"), c.packages().stream().map(Package::name).toList());
    }

    @Test
    void malformedPomPropertiesAndManifest() throws Exception {
        byte[] jar = new Jar().deflated("META-INF/maven/a/b/pom.properties",
                "version=\\uZZZZ\n".getBytes(StandardCharsets.UTF_8)).bytes();
        assertEquals(List.of("java.malformed-pom-properties", "java.unidentified-archive"),
                catalog("bad.jar", jar).codes());
        byte[] manifest = new Jar().deflated("META-INF/MANIFEST.MF", "no colon here\n".getBytes(
                StandardCharsets.UTF_8)).bytes();
        assertEquals(List.of("java.malformed-manifest", "java.unidentified-archive"),
                catalog("m.jar", manifest).codes());
    }

    @Test
    void tooManyEntries() throws Exception {
        Jar jar = new Jar().pom("org.ok", "many", "1");
        for (int i = 0; i < 50; i++) {
            jar.deflated("f" + i, new byte[1]);
        }
        ArchiveLimits small = new ArchiveLimits(8, 20, 1 << 20, 1 << 21, 10, 1024, 1024);
        Catalogued c = Catalogued.bytes(new JavaCataloger(small), "many.jar", jar.bytes());
        assertEquals(List.of("java.too-many-entries"), c.codes());
        assertEquals(List.of("org.ok:many"), c.packages().stream().map(Package::name).toList());
    }
}
