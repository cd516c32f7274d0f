package dev.bulwark.engine.ecosystem.dotnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No NuGet implementation runs here; the orderings are the ones NuGet's "Package versioning" reference documents
 * (SemVer 2.0.0 precedence, labels compared without regard to case, a fourth legacy number, metadata ignored).
 */
class NuGetVersionTest {

    private static int cmp(String a, String b) {
        return Integer.signum(NuGetVersion.parseOrNull(a).compareTo(NuGetVersion.parseOrNull(b)));
    }

    @Test
    void documentedOrdering() {
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.0.1", "1.0.1", "1.1", "2.0.0");
        for (int i = 0; i + 1 < ordered.size(); i++) {
            assertEquals(-1, cmp(ordered.get(i), ordered.get(i + 1)), ordered.get(i));
        }
        assertEquals(0, cmp("1.0.0-BETA", "1.0.0-beta"), "labels ignore case");
        assertEquals(0, cmp("1.0", "1.0.0.0"));
        assertEquals(0, cmp("1.0.0+git.abc", "1.0.0"), "metadata ignored");
        assertEquals(0, cmp("1.01", "1.1"), "legacy leading zeros");
    }

    @Test
    void rejectsWhatNuGetRejects() {
        for (String bad : List.of("", "1.0.0.0.0", "a.b", "1.0-", "1.0.0-01", "1..0", "1.0.0+")) {
            assertTrue(NuGetVersion.SCHEME.parse(bad).isEmpty(), bad);
        }
    }
}
