package dev.bulwark.engine.ecosystem.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.inventory.Package;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The central-directory path of the archive walker on archives made by {@link ZipOutputStream} and then damaged at
 * known offsets: a corrupt directory falls back to reading front to back, a local header that disagrees with its
 * record, a record pointing outside the file and records sharing bytes are each a counted warning.
 */
class CentralDirectoryTest {
    private static final int CEN_SIG = 0x02014b50;

    private static byte[] pom(String group, String artifact, String version) {
        return ("groupId=" + group + "\nartifactId=" + artifact + "\nversion=" + version + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String pomPath(String group, String artifact) {
        return "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    }

    /** A jar of the given entries, each stored when {@code stored} says so, else deflated. */
    private static byte[] zip(boolean stored, Object... nameAndContent) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                byte[] content = (byte[]) nameAndContent[i + 1];
                ZipEntry e = new ZipEntry((String) nameAndContent[i]);
                if (stored) {
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(content.length);
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    e.setCrc(crc.getValue());
                }
                zip.putNextEntry(e);
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Offset of central directory record {@code n} (no archive comment, so the end record is the last 22 bytes). */
    private static int record(byte[] zip, int n) {
        int at = le(zip).getInt(zip.length - 22 + 16);
        for (int i = 0; i < n; i++) {
            ByteBuffer b = le(zip);
            at += 46 + b.getShort(at + 28) + b.getShort(at + 30) + b.getShort(at + 32);
        }
        assertEquals(CEN_SIG, le(zip).getInt(at));
        return at;
    }

    private static Catalogued catalog(String path, byte[] content) throws IOException {
        return Catalogued.bytes(new JavaCataloger(), path, content);
    }

    private static List<String> names(Catalogued c) {
        return c.packages().stream().map(Package::name).sorted().toList();
    }

    private static String sha1(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
    }

    @Test
    void intactDirectoryReadsOnlyWhatItNeeds() throws Exception {
        // A class entry whose deflated bytes are garbage: reading front to back would fail on it, the directory
        // never opens it.
        byte[] jar = zip(false, pomPath("org.a", "a"), pom("org.a", "a", "1"), "a/Big.class", new byte[4 << 20]);
        Arrays.fill(jar, jar.length / 2 - 32, jar.length / 2 + 32, (byte) 0xff);
        Catalogued c = catalog("a.jar", jar);
        assertEquals(List.of(), c.codes());
        assertEquals(List.of("org.a:a"), names(c));
        assertEquals(sha1(jar), c.only("org.a:a").hashes().get("sha1"));
    }

    @Test
    void corruptDirectoryFallsBackToReadingFrontToBack() throws Exception {
        byte[] jar = zip(false, pomPath("org.a", "a"), pom("org.a", "a", "1"), pomPath("org.b", "b"),
                pom("org.b", "b", "2"));
        jar[record(jar, 1)] = 'X'; // the second record's signature
        Catalogued c = catalog("c.jar", jar);
        assertEquals(List.of("java.malformed-central-directory"), c.codes());
        assertTrue(c.warnings().get(0).message().contains("no valid signature"), c.warnings().toString());
        assertEquals(List.of("org.a:a", "org.b:b"), names(c));
        assertEquals(sha1(jar), c.only("org.b:b").hashes().get("sha1"));
    }

    @Test
    void recordPointingOutsideTheFile() throws Exception {
        byte[] jar = zip(false, pomPath("org.a", "a"), pom("org.a", "a", "1"), pomPath("org.b", "b"),
                pom("org.b", "b", "2"));
        le(jar).putInt(record(jar, 1) + 42, 0x7fff0000); // local header offset far past the end
        Catalogued c = catalog("o.jar", jar);
        assertEquals(List.of("java.malformed-central-directory"), c.codes());
        assertTrue(c.warnings().get(0).message().contains("points outside"), c.warnings().toString());
        assertEquals(List.of("org.a:a", "org.b:b"), names(c));

        byte[] sized = zip(false, pomPath("org.a", "a"), pom("org.a", "a", "1"));
        le(sized).putInt(record(sized, 0) + 20, 1 << 30); // compressed size past the end
        assertEquals(List.of("java.malformed-central-directory"), catalog("s.jar", sized).codes());

        byte[] directory = zip(false, pomPath("org.a", "a"), pom("org.a", "a", "1"));
        le(directory).putInt(directory.length - 22 + 16, directory.length); // the directory starts past the end
        Catalogued d = catalog("d.jar", directory);
        assertEquals(List.of("java.malformed-central-directory"), d.codes());
        assertEquals(List.of("org.a:a"), names(d));
    }

    @Test
    void localHeaderThatDisagreesWithItsRecordIsSkipped() throws Exception {
        byte[] jar = zip(false, pomPath("org.a", "a"), pom("org.a", "a", "1"), pomPath("org.b", "b"),
                pom("org.b", "b", "2"));
        int local = le(jar).getInt(record(jar, 1) + 42);
        jar[local + 30 + "META-INF/maven/org.".length()] = 'z'; // the local name now says org.z
        Catalogued c = catalog("l.jar", jar);
        assertEquals(List.of("java.malformed-archive"), c.codes());
        assertTrue(c.warnings().get(0).message().contains("disagrees"), c.warnings().toString());
        assertEquals(List.of("org.a:a"), names(c));
    }

    @Test
    void recordsSharingBytesAreRefused() throws Exception {
        byte[] jar = zip(false, pomPath("org.a", "a"), pom("org.a", "a", "1"));
        int first = record(jar, 0);
        int length = jar.length - 22 - first;
        // A second record for the same local entry: the directory grows by one record, the entries stay.
        byte[] doubled = new byte[jar.length + length];
        System.arraycopy(jar, 0, doubled, 0, first + length);
        System.arraycopy(jar, first, doubled, first + length, length);
        System.arraycopy(jar, jar.length - 22, doubled, doubled.length - 22, 22);
        ByteBuffer end = le(doubled);
        end.putShort(doubled.length - 22 + 8, (short) 2);
        end.putShort(doubled.length - 22 + 10, (short) 2);
        end.putInt(doubled.length - 22 + 12, 2 * length);
        Catalogued c = catalog("twice.jar", doubled);
        assertEquals(List.of("java.malformed-archive"), c.codes());
        assertTrue(c.warnings().get(0).message().contains("overlap"), c.warnings().toString());
        assertEquals(List.of("org.a:a"), names(c));
    }

    @Test
    void deflatedNestedArchiveIsInflatedAndHashed() throws Exception {
        byte[] inner = zip(false, pomPath("org.in", "in"), pom("org.in", "in", "3"));
        byte[] war = zip(false, pomPath("org.w", "w"), pom("org.w", "w", "1"), "WEB-INF/lib/in-3.jar", inner);
        Catalogued c = catalog("app.war", war);
        assertEquals(List.of(), c.codes());
        assertEquals(sha1(inner), c.only("org.in:in").hashes().get("sha1"));
        assertEquals("app.war!/WEB-INF/lib/in-3.jar", c.only("org.in:in").location());

        // A record that understates the nested archive's size is caught when it inflates past it.
        int rec = record(war, 1);
        le(war).putInt(rec + 24, 100);
        Catalogued lying = catalog("lying.war", war);
        assertEquals(List.of("java.malformed-archive"), lying.codes());
        assertEquals(List.of("org.w:w"), names(lying));
    }

    @Test
    void nestedArchivesPastTheHeapBoundAreStreamedWithTheSameResult() throws Exception {
        byte[] noise = new byte[ArchiveWalker.IN_HEAP + (1 << 20)];
        new Random(3).nextBytes(noise);
        byte[] big = zip(true, pomPath("org.big", "big"), pom("org.big", "big", "9"), "data.bin", noise);
        byte[] small = zip(true, pomPath("org.small", "small"), pom("org.small", "small", "1"));
        byte[] fat = zip(true, "BOOT-INF/lib/big-9.jar", big, "BOOT-INF/lib/small-1.jar", small,
                pomPath("org.app", "app"), pom("org.app", "app", "1"));
        assertTrue(fat.length > ArchiveWalker.IN_HEAP && big.length > ArchiveWalker.IN_HEAP);
        Catalogued c = catalog("app.jar", fat);
        assertEquals(List.of(), c.codes());
        assertEquals(List.of("org.app:app", "org.big:big", "org.small:small"), names(c));
        assertEquals(sha1(fat), c.only("org.app:app").hashes().get("sha1"));
        assertEquals(sha1(big), c.only("org.big:big").hashes().get("sha1"));
        assertEquals(sha1(small), c.only("org.small:small").hashes().get("sha1"));
        byte[] cut = Arrays.copyOf(fat, fat.length - 100);
        assertEquals(List.of("org.app:app", "org.big:big", "org.small:small"), names(catalog("cut.jar", cut)));
    }

    /**
     * A streamed fat jar cut inside a stored nested jar (whose declared size is then more than the stream holds):
     * what precedes the nested jar is kept and the cut is one counted warning, however the nested jar's bytes are
     * buffered.
     */
    @Test
    void streamedFatJarCutInsideANestedJar() throws Exception {
        byte[] noise = new byte[ArchiveWalker.IN_HEAP + (1 << 20)];
        new Random(5).nextBytes(noise);
        byte[] small = zip(true, pomPath("org.small", "small"), pom("org.small", "small", "1"), "n.bin",
                Arrays.copyOf(noise, 4 << 20));
        byte[] fat = zip(true, "BOOT-INF/lib/small-1.jar", small, "data.bin", noise, "BOOT-INF/lib/late-1.jar",
                small);
        assertTrue(fat.length > ArchiveWalker.IN_HEAP);
        Catalogued whole = catalog("app.jar", fat);
        assertEquals(List.of("org.small:small", "org.small:small"), names(whole));
        int lateAt = fat.length - small.length - 200; // inside the second copy of small-1.jar
        Catalogued cut = catalog("cut.jar", Arrays.copyOf(fat, lateAt));
        assertEquals(List.of("java.malformed-archive", "java.unidentified-archive"), cut.codes());
        assertEquals(List.of("org.small:small"), names(cut));
        assertEquals(sha1(small), cut.only("org.small:small").hashes().get("sha1"));
    }
    /**
     * The byte-level prefilter never drops a name the string tests would keep: checked against ArchiveNames and the
     * manifest test themselves, on mixed case, non-ASCII look-alikes (dotless i upper-cases to I, long s to S) and
     * ordinary names.
     */
    @Test
    void namePrefilterKeepsEveryNameTheStringTestsWant() {
        List<String> names = List.of("lib/a.jar", "LIB/A.JAR", "x.War", "y.eAr", "z.PAR", ".jar", "a.jarx", "a.ja",
                "META-INF/maven/g/a/pom.properties", "META-INF/MAVEN/g/a/POM.PROPERTIES", "pom.properties",
                "META-INF/MANIFEST.MF", "meta-inf/manifest.mf", "META-INF/MAN\u0131FEST.MF",
                "META-INF/MANIFE\u017fT.MF", "lib/\u00e9.jar", "lib/a.j\u00e1r", "a/B.class", "a/", "META-INF/",
                "META-INF/MANIFEST.MFX", "XMETA-INF/MANIFEST.MF", "a.jar/", "");
        for (String name : names) {
            byte[] raw = name.getBytes(StandardCharsets.UTF_8);
            CentralDirectory.Entry e = new CentralDirectory.Entry(raw, 0, 0, 0, 0, 0);
            assertEquals(name, e.name());
            assertEquals(name.endsWith("/"), e.isDirectory(), name);
            boolean wanted = ArchiveNames.isArchive(name) || ArchiveNames.isPomProperties(name)
                    || ArchiveContents.MANIFEST.equalsIgnoreCase(name);
            if (wanted) {
                assertTrue(e.mayBeWanted(), name);
            }
        }
        assertTrue(ArchiveContents.MANIFEST.equalsIgnoreCase("META-INF/MAN\u0131FEST.MF"), "the JDK's own rule");
        assertEquals(false, new CentralDirectory.Entry("a/B.class".getBytes(StandardCharsets.US_ASCII), 0, 0, 0, 0,
                0).mayBeWanted());
        assertEquals(false, new CentralDirectory.Entry("a.jarx".getBytes(StandardCharsets.US_ASCII), 0, 0, 0, 0,
                0).mayBeWanted());
    }

    /** A jar whose nested jar names are upper-case or non-ASCII is catalogued as with any other name. */
    @Test
    void nestedArchivesWithUnusualNames() throws Exception {
        byte[] a = zip(false, pomPath("org.a", "a"), pom("org.a", "a", "1"));
        byte[] b = zip(false, pomPath("org.b", "b"), pom("org.b", "b", "2"));
        byte[] outer = zip(true, "BOOT-INF/LIB/A-1.JAR", a, "BOOT-INF/lib/\u00e9-2.jar", b, "x/Y.class", new byte[10]);
        Catalogued c = catalog("app.jar", outer);
        assertEquals(List.of("java.unidentified-archive"), c.codes());
        assertEquals(List.of("org.a:a", "org.b:b"), names(c));
        assertEquals(sha1(a), c.only("org.a:a").hashes().get("sha1"));
        assertEquals(sha1(b), c.only("org.b:b").hashes().get("sha1"));
    }
}
