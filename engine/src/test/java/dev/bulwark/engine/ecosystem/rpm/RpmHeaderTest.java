package dev.bulwark.engine.ecosystem.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Header blobs with absurd counts, lengths and offsets are refused with a message, never read out of bounds. */
class RpmHeaderTest {

    /** A header with one entry per {tag, type, offset, count} over {@code data}. */
    private static byte[] header(byte[] data, int[]... entries) {
        ByteBuffer b = ByteBuffer.allocate(8 + 16 * entries.length + data.length);
        b.putInt(entries.length).putInt(data.length);
        for (int[] e : entries) {
            b.putInt(e[0]).putInt(e[1]).putInt(e[2]).putInt(e[3]);
        }
        return b.put(data).array();
    }

    private static byte[] strings(String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String v : values) {
            out.writeBytes(v.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }

    private static String refused(byte[] blob) {
        return assertThrows(MalformedHeaderException.class, () -> RpmHeader.parse(blob)).getMessage();
    }

    @Test
    void readsEveryRealFixtureHeaderLikeRpm() throws Exception {
        var fixture = RpmFixtures.built();
        List<byte[]> blobs = ExportedHeaders.split(Files.readAllBytes(fixture.resolve("headers.bin")));
        List<String> names = blobs.stream().map(RpmHeader::parse).map(h -> h.name() + "\t" + h.evr()).sorted()
                .toList();
        List<String> rpm = Files.readString(fixture.resolve("expected-sqlite.tsv")).lines()
                .map(l -> l.split("\t")[0] + "\t" + l.split("\t")[1]).sorted().toList();
        assertEquals(rpm, names);
    }

    @Test
    void minimalHeader() {
        RpmHeader h = RpmHeader.parse(header(strings("n", "1.0"), new int[] {1000, 6, 0, 1},
                new int[] {1001, 6, 2, 1}));
        assertEquals("n", h.name());
        assertEquals("1.0", h.evr());
        assertNull(h.arch());
    }

    @Test
    void tooShort() {
        assertTrue(refused(new byte[5]).contains("too short"));
    }

    @Test
    void absurdIndexCount() {
        byte[] b = header(strings("n"), new int[] {1000, 6, 0, 1});
        ByteBuffer.wrap(b).putInt(0, 0x7fffffff);
        assertTrue(refused(b).contains("index count 2147483647"));
        ByteBuffer.wrap(b).putInt(0, 0);
        assertTrue(refused(b).contains("index count 0"));
    }

    @Test
    void absurdDataLength() {
        byte[] b = header(strings("n"), new int[] {1000, 6, 0, 1});
        ByteBuffer.wrap(b).putInt(4, 0xfffffff0);
        assertTrue(refused(b).contains("cannot hold"));
    }

    @Test
    void indexLongerThanTheBlob() {
        byte[] b = header(strings("n"), new int[] {1000, 6, 0, 1});
        ByteBuffer.wrap(b).putInt(0, 1000);
        assertTrue(refused(b).contains("cannot hold 1000 index entries"));
    }

    @Test
    void stringOffsetOutsideTheData() {
        assertTrue(refused(header(strings("n"), new int[] {1000, 6, 99, 1})).contains("offset 99 is outside"));
        assertTrue(refused(header(strings("n"), new int[] {1000, 6, -4, 1})).contains("offset -4 is outside"));
    }

    @Test
    void unterminatedString() {
        byte[] data = "abcd".getBytes(StandardCharsets.US_ASCII);
        assertTrue(refused(header(data, new int[] {1000, 6, 0, 1})).contains("not terminated"));
    }

    @Test
    void epochOfTheWrongTypeOrOutside() {
        byte[] data = strings("n", "1");
        assertTrue(refused(header(data, new int[] {1000, 6, 0, 1}, new int[] {1001, 6, 2, 1},
                new int[] {1003, 6, 0, 1})).contains("not a 32-bit integer"));
        assertTrue(refused(header(data, new int[] {1000, 6, 0, 1}, new int[] {1001, 6, 2, 1},
                new int[] {1003, 4, 2, 1})).contains("offset 2 is outside"));
    }

    @Test
    void nameOfTheWrongType() {
        assertTrue(refused(header(strings("n"), new int[] {1000, 4, 0, 1})).contains("not a string"));
    }

    @Test
    void missingNameOrVersion() {
        assertTrue(refused(header(strings("1"), new int[] {1001, 6, 0, 1})).contains("no NAME"));
        assertTrue(refused(header(strings("n"), new int[] {1000, 6, 0, 1})).contains("no VERSION"));
    }

    @Test
    void sourceRpmFileNames() {
        assertEquals(new SourceRpm("glibc", "2.34", "100.el9_4.2"),
                SourceRpm.parse("glibc-2.34-100.el9_4.2.src.rpm"));
        assertEquals(new SourceRpm("python-pip", "21.3.1", "1.el9"),
                SourceRpm.parse("python-pip-21.3.1-1.el9.nosrc.rpm"));
        assertNull(SourceRpm.parse("glibc.src.rpm"));
        assertNull(SourceRpm.parse("glibc-2.34.src.rpm"));
        assertNull(SourceRpm.parse("glibc-2.34-1.x86_64.rpm"));
        assertNull(SourceRpm.parse("-1-2.src.rpm"));
        assertNull(SourceRpm.parse(null));
    }
}
