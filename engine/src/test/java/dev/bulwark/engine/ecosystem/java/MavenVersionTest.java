package dev.bulwark.engine.ecosystem.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.version.VersionVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.junit.jupiter.api.Test;

class MavenVersionTest {

    private static int cmp(String a, String b) {
        return Integer.signum(MavenVersion.parseOrNull(a).compareTo(MavenVersion.parseOrNull(b)));
    }

    @Test
    void agreesWithEveryComparableVersionVector() {
        List<String[]> rows = VersionVectors.rows("maven.tsv");
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            if (cmp(r[0], r[1]) != Integer.parseInt(r[2])) {
                wrong.add(String.join(" ", r));
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(573, rows.size());
    }

    /** maven-artifact 3.9.6 (pinned in the root pom) is the reference. */
    @Test
    void agreesWithMavenArtifactOnGeneratedPairs() {
        Random random = new Random(11);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            String a = generate(random);
            String b = random.nextInt(5) == 0 ? a.toUpperCase() : generate(random);
            int expected = Integer.signum(new ComparableVersion(a).compareTo(new ComparableVersion(b)));
            if (cmp(a, b) != expected) {
                wrong.add(a + " " + b + " maven=" + expected);
            }
        }
        assertEquals(List.of(), wrong);
    }

    static String generate(Random r) {
        String[] pieces = {".", "-", "0", "1", "2", "10", "alpha", "a", "b", "beta", "m", "milestone", "rc", "cr",
            "snapshot", "SNAPSHOT", "ga", "final", "release", "sp", "foo", "x", "jre", "RELEASE", "Final", "00"};
        StringBuilder b = new StringBuilder();
        b.append(r.nextInt(4));
        int n = r.nextInt(7);
        for (int i = 0; i < n; i++) {
            b.append(pieces[r.nextInt(pieces.length)]);
        }
        return b.toString();
    }

    @Test
    void mavenSpecifics() {
        assertEquals(0, cmp("1.0", "1"));
        assertEquals(0, cmp("1-ga", "1.0.0"));
        assertTrue(cmp("2.17.0", "2.15.0") > 0);
        assertTrue(cmp("2.15.0-rc1", "2.15.0") < 0);
        assertTrue(cmp("1.0-SNAPSHOT", "1.0") < 0);
        assertTrue(cmp("1.0.sp1", "1.0") > 0);
        assertTrue(MavenVersion.SCHEME.parse(" ").isEmpty());
    }
}
