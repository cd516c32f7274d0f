package dev.bulwark.engine.ecosystem.golang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.version.VersionVectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go orders module versions by SemVer precedence; the strict-SemVer rows of node-semver's comparison vectors, with
 * Go's {@code v}, are the reference (no Go semver implementation is importable offline here).
 */
class GoModuleVersionTest {

    private static int cmp(String a, String b) {
        return Integer.signum(GoModuleVersion.parseOrNull(a).compareTo(GoModuleVersion.parseOrNull(b)));
    }

    @Test
    void agreesWithTheStrictSemverVectors() {
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        for (String[] r : VersionVectors.rows("semver_compare.tsv")) {
            String a = r[0].startsWith("v") ? r[0] : "v" + r[0];
            String b = r[1].startsWith("v") ? r[1] : "v" + r[1];
            if (GoModuleVersion.parseOrNull(a) == null || GoModuleVersion.parseOrNull(b) == null) {
                continue;
            }
            checked++;
            if (cmp(a, b) != Integer.parseInt(r[2])) {
                wrong.add(String.join(" ", r));
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked >= 30, "checked " + checked);
    }

    @Test
    void goSpecifics() {
        assertTrue(cmp("v0.0.0-20191109021931-daa7c04131f5", "v0.0.0-20200101000000-aaaaaaaaaaaa") < 0, "pseudo");
        assertTrue(cmp("v0.0.0-20191109021931-daa7c04131f5", "v0.0.1") < 0);
        assertTrue(cmp("v1.2.4-0.20191109021931-daa7c04131f5", "v1.2.3") > 0, "pseudo after v1.2.3");
        assertEquals(0, cmp("v2.0.0+incompatible", "2.0.0"));
        assertTrue(GoModuleVersion.parseOrNull("v2.0.0+incompatible").isIncompatible());
        assertEquals(0, cmp("go1.21.3", "1.21.3"));
        assertTrue(cmp("go1.21rc2", "1.21.0") < 0);
        assertEquals(0, cmp("1.21rc2", "v1.21.0-rc.2"));
        assertEquals(0, cmp("go1.20", "v1.20.0"));
        assertEquals(0, cmp("v1.2", "v1.2.0"));
        assertTrue(GoModuleVersion.SCHEME.parse("latest").isEmpty());
        assertTrue(GoModuleVersion.SCHEME.parse("v1.02.3").isEmpty());
    }
}
