package dev.bulwark.engine.advisory.cvss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.finding.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Parsing rules and hostile input; scores themselves are checked against real implementations elsewhere. */
class CvssVectorTest {
    private static final String V31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    private static final String V40 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
    private static final String V2 = "AV:N/AC:L/Au:N/C:P/I:P/A:P";

    /** Malformed vectors, each with a word its error message must contain. */
    static final List<String[]> MALFORMED = List.of(
            new String[] {"", "no metrics"},
            new String[] {"   ", "no metrics"},
            new String[] {"CVSS:3.1/", "no metrics"},
            new String[] {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "missing mandatory metric A"},
            new String[] {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/C:H/I:H", "missing mandatory metrics S, A"},
            new String[] {V31 + "/XX:Y", "unknown metric 'XX'"},
            new String[] {V31 + "/AV:N", "AV appears more than once"},
            new String[] {"CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "invalid value 'Q' for metric AV"},
            new String[] {V31 + "/", "empty metric"},
            new String[] {"CVSS:3.1//AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "empty metric"},
            new String[] {V31 + "/E", "has no ':'"},
            new String[] {"CVSS:3.1/AV:N:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "invalid value 'N:N'"},
            new String[] {"CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "invalid value 'n'"},
            new String[] {"CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "unsupported CVSS version"},
            new String[] {"cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "unknown metric 'cvss'"},
            new String[] {V40 + "/U:green", "invalid value 'green'"},
            new String[] {V40 + "/MSC:S", "invalid value 'S' for metric MSC"},
            new String[] {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N", "missing mandatory metric SA"},
            new String[] {V40 + "/E:X/E:A", "E appears more than once"},
            new String[] {"AV:N/AC:L/Au:N/C:P/I:P", "missing mandatory metric A"},
            new String[] {V2 + "/E:X", "invalid value 'X' for metric E"},
            new String[] {V2 + "/MAV:N", "unknown metric 'MAV'"},
            new String[] {"(AV:N/AC:L/Au:N/C:P/I:P/A:P)", "unknown metric '(AV'"},
            new String[] {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:\u0000", "invalid value '?'"},
            new String[] {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\nE:F", "invalid value 'H?E:F'"});

    @Test
    void everyMalformedVectorIsRejectedWithAOneLineReason() {
        for (String[] bad : MALFORMED) {
            CvssParseException e = assertThrows(CvssParseException.class, () -> CvssVector.parse(bad[0]), bad[0]);
            assertEquals(ErrorKind.INVALID_INPUT, e.kind());
            assertTrue(e.getMessage().contains(bad[1]), () -> "message for " + bad[0] + " was: " + e.getMessage());
            assertFalse(e.getMessage().chars().anyMatch(c -> c < 0x20), e.getMessage());
            assertTrue(CvssVector.tryParse(bad[0]).isEmpty());
        }
        assertThrows(CvssParseException.class, () -> CvssVector.parse(null));
    }

    @Test
    void overlongInputIsRejectedBeforeParsingAndQuotedShort() {
        String huge = V31 + "/E:F".repeat(1_000_000);
        CvssParseException e = assertThrows(CvssParseException.class, () -> CvssVector.parse(huge));
        assertTrue(e.getMessage().contains("over the limit of 512"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, "message must not echo the whole input");
    }

    @Test
    void metricsOutOfOrderAreAcceptedAndWrittenBackInOrder() {
        // GitHub advisories publish v4 vectors with VC/SC/VI/SI... interleaved (github/advisory-database#7448)
        CvssVector shuffled = CvssVector.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/SC:N/VI:H/SI:N/VA:H/SA:N");
        assertEquals("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", shuffled.vector());
        assertEquals(CvssVector.parse(shuffled.vector()).score(), shuffled.score());
        CvssVector v3 = CvssVector.parse("  CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N/E:F ");
        assertEquals(V31 + "/E:F", v3.vector());
        assertEquals(CvssVersion.V3_1, v3.version());
        assertEquals("F", v3.metric("E").orElseThrow());
        assertTrue(v3.metric("RL").isEmpty());
        assertTrue(v3.metric("nope").isEmpty());
    }

    @Test
    void versionsAndNomenclatureFollowThePrefixAndTheGroupsGiven() {
        assertInstanceOf(Cvss2Vector.class, CvssVector.parse(V2));
        assertEquals(CvssVersion.V3_0, CvssVector.parse(V31.replace("3.1", "3.0")).version());
        Cvss4Vector base = (Cvss4Vector) CvssVector.parse(V40);
        assertEquals("CVSS-B", base.nomenclature());
        assertEquals("CVSS-B", ((Cvss4Vector) CvssVector.parse(V40 + "/E:X/S:P")).nomenclature());
        assertEquals("CVSS-BT", ((Cvss4Vector) CvssVector.parse(V40 + "/E:U")).nomenclature());
        assertEquals("CVSS-BE", ((Cvss4Vector) CvssVector.parse(V40 + "/MAV:L")).nomenclature());
        assertEquals("CVSS-BTE", ((Cvss4Vector) CvssVector.parse(V40 + "/E:P/CR:L")).nomenclature());
    }

    @Test
    void ratingsMapToFindingSeverities() {
        assertEquals(Severity.NEGLIGIBLE, CvssRating.NONE.toSeverity());
        assertEquals(Severity.CRITICAL, CvssRating.CRITICAL.toSeverity());
        // v2 has no None and no Critical: a perfect 10.0 is High, a zero is Low (the NVD v2 ranges)
        assertEquals(CvssRating.HIGH, CvssVector.parse("AV:N/AC:L/Au:N/C:C/I:C/A:C").rating());
        assertEquals(CvssRating.LOW, CvssVector.parse("AV:N/AC:L/Au:N/C:N/I:N/A:N").rating());
        assertEquals(Severity.HIGH, CvssVector.parse("AV:N/AC:L/Au:N/C:C/I:C/A:C").severity());
        assertEquals(Severity.NEGLIGIBLE, CvssVector.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N").severity());
    }

    @Test
    void randomMutationsNeverThrowAnythingButAParseException() {
        Random random = new Random(7);
        String alphabet = "CVS:/0134.ANLPHRUXEMSIacdeu \u0000\u00e9";
        List<String> seeds = List.of(V2, V31, V40, V40 + "/E:A/CR:H/MSI:S/U:Amber", V31 + "/E:F/MS:C/MPR:L");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            int parsed = 0;
            for (int i = 0; i < 50_000; i++) {
                StringBuilder s = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
                for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                    int at = random.nextInt(s.length() + 1);
                    switch (random.nextInt(3)) {
                        case 0 -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        case 1 -> { if (at < s.length()) s.deleteCharAt(at); }
                        default -> { if (at < s.length()) s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length()))); }
                    }
                }
                try {
                    CvssVector v = CvssVector.parse(s.toString());
                    assertTrue(v.score() >= 0 && v.score() <= 10, s::toString);
                    assertEquals(v.score(), CvssVector.parse(v.vector()).score(), s::toString);
                    parsed++;
                } catch (CvssParseException expected) {
                    assertEquals(ErrorKind.INVALID_INPUT, expected.kind());
                }
            }
            assertTrue(parsed > 250, "mutations should sometimes stay valid, got " + parsed);
        });
    }
}
