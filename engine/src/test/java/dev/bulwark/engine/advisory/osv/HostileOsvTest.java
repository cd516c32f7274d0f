package dev.bulwark.engine.advisory.osv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.advisory.RecordingSink;
import dev.bulwark.engine.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile OSV input: every case is a counted warning, fast, with bounded memory. */
class HostileOsvTest {
    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final String GOOD = "{\"id\": \"GHSA-aaaa-bbbb-cccc\", \"affected\": [{\"package\": "
            + "{\"ecosystem\": \"PyPI\", \"name\": \"Django\"}, \"ranges\": [{\"type\": \"ECOSYSTEM\", \"events\": "
            + "[{\"introduced\": \"0\"}, {\"fixed\": \"4.2.1\"}]}]}]}";

    private static RecordingSink parse(String json) {
        RecordingSink sink = new RecordingSink();
        OsvRecordParser.parse(json.getBytes(StandardCharsets.UTF_8), "test.json", sink);
        return sink;
    }

    private static String withAffected(String affected) {
        return "{\"id\": \"GHSA-aaaa-bbbb-cccc\", \"affected\": [" + affected + "]}";
    }

    @Test
    void goodRecordNormalisesThePyPiName() {
        assertEquals("django", parse(GOOD).only().affected().get(0).key().name());
    }

    @Test
    void malformedJsonAndWrongTypesSkipTheRecord() {
        assertEquals(Map.of("osv.malformed", 1), parse("{\"id\": \"X-1\", ").warnings);
        assertEquals(Map.of("osv.wrong-type", 1), parse("[1, 2]").warnings);
        assertEquals(Map.of("osv.wrong-type", 1), parse("{\"id\": \"GHSA-1\", \"aliases\": \"CVE-1\"}").warnings);
        assertEquals(Map.of("osv.wrong-type", 1), parse("{\"id\": 42}").warnings);
        assertEquals(Map.of("osv.invalid-id", 1), parse("{\"id\": \"../../etc/passwd\"}").warnings);
        assertEquals(Map.of("osv.invalid-date", 1), parse("{\"id\": \"GHSA-1\", \"modified\": \"yesterday\"}")
                .warnings);
        assertEquals(0, parse("{\"id\": \"GHSA-1\", \"aliases\": \"CVE-1\"}").advisories.size());
    }

    @Test
    void unknownEcosystemAndInvalidRangesDropTheAffectedPackageOnly() {
        String unknown = "{\"package\": {\"ecosystem\": \"NoSuchEco\", \"name\": \"x\"}}";
        RecordingSink sink = parse(withAffected(unknown));
        assertEquals(Map.of("osv.unknown-ecosystem", 1), sink.warnings);
        assertTrue(sink.only().affected().isEmpty());
        String[] badRanges = {
            "[{\"type\": \"ECOSYSTEM\", \"events\": [{\"fixed\": \"1.0\"}]}]",
            "[{\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": \"0\"}, {\"fixed\": \"1\"}, "
                    + "{\"last_affected\": \"2\"}]}]",
            "[{\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": \"0\", \"fixed\": \"1.0\"}]}]",
            "[{\"type\": \"ECOSYSTEM\", \"events\": [{\"broken\": \"1.0\"}]}]",
            "[{\"type\": \"ECOSYSTEM\", \"events\": []}]",
            "[{\"type\": \"GIT\", \"events\": [{\"introduced\": \"abc\"}]}]",
            "[{\"type\": \"CALVER\", \"events\": [{\"introduced\": \"0\"}]}]",
        };
        for (String ranges : badRanges) {
            RecordingSink s = parse(withAffected("{\"package\": {\"ecosystem\": \"PyPI\", \"name\": \"x\"}, "
                    + "\"ranges\": " + ranges + "}"));
            assertEquals(Map.of("osv.invalid-range", 1), s.warnings, ranges);
            assertTrue(s.only().affected().isEmpty(), ranges);
        }
        RecordingSink typed = parse(withAffected("{\"package\": {\"ecosystem\": \"PyPI\", \"name\": \"x\"}, "
                + "\"ranges\": [{\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": 0}]}]}"));
        assertEquals(Map.of("osv.wrong-type", 1), typed.warnings);
    }

    @Test
    void hugeStringsAndDeepNestingAreRefusedQuickly() {
        String huge = "{\"id\": \"GHSA-1\", \"details\": \"" + "A".repeat(3 << 20) + "\"}";
        assertTimeoutPreemptively(QUICK, () -> assertEquals(Map.of("osv.malformed", 1), parse(huge).warnings));
        String deep = "{\"id\": \"GHSA-1\", \"database_specific\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertTimeoutPreemptively(QUICK, () -> assertEquals(Map.of("osv.malformed", 1), parse(deep).warnings));
    }

    @Test
    void zipBombIsStoppedAfterTheGoodEntries() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("GHSA-aaaa-bbbb-cccc.json"));
            zip.write(GOOD.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("bomb.json"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 1024; i++) { // 1 GiB of spaces, about 1 MB compressed
                zip.write(spaces);
            }
            zip.putNextEntry(new ZipEntry("after.json"));
            zip.write(GOOD.getBytes(StandardCharsets.UTF_8));
        }
        RecordingSink sink = new RecordingSink();
        assertTimeoutPreemptively(QUICK, () -> OsvImporter.importZip(new ByteArrayInputStream(bytes.toByteArray()),
                "bomb.zip", sink));
        assertEquals(Map.of("osv.zip-bomb", 1), sink.warnings);
        assertEquals(1, sink.advisories.size());
    }

    @Test
    void truncatedZipKeepsTheCompleteEntriesAndWarns(@TempDir Path tmp) throws IOException {
        Path full = tmp.resolve("all.zip");
        OsvRealDataTest.zipFlat(Fixtures.sharedData().resolve("osv/npm"), full);
        byte[] all = Files.readAllBytes(full);
        Path cut = tmp.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        RecordingSink sink = new RecordingSink();
        OsvImporter.importZip(cut, sink);
        assertTrue(sink.warnings.get("osv.zip-truncated") >= 1, sink.messages::toString);
        assertTrue(sink.advisories.size() >= 1 && sink.advisories.size() < 10, () -> "" + sink.advisories.size());

        Path notZip = tmp.resolve("garbage.zip");
        Files.write(notZip, "PK\u0003\u0004 and then nothing that makes sense".getBytes(StandardCharsets.UTF_8));
        RecordingSink garbage = new RecordingSink();
        OsvImporter.importZip(notZip, garbage);
        assertTrue(garbage.warnings.containsKey("osv.zip-truncated"), garbage.messages::toString);
        assertEquals(0, garbage.advisories.size());
    }
}
