package dev.bulwark.engine.ecosystem.rust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.version.VersionVectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cargo orders by SemVer 2.0.0 precedence; the strict rows of node-semver's comparison vectors are the reference. */
class CargoVersionTest {

    @Test
    void agreesWithTheStrictSemverVectors() {
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        for (String[] r : VersionVectors.rows("semver_compare.tsv")) {
            CargoVersion a = CargoVersion.parseOrNull(r[0]);
            CargoVersion b = CargoVersion.parseOrNull(r[1]);
            if (a == null || b == null) {
                continue;
            }
            checked++;
            if (Integer.signum(a.compareTo(b)) != Integer.parseInt(r[2])) {
                wrong.add(String.join(" ", r));
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked >= 20, "checked " + checked);
    }

    @Test
    void cargoSpecifics() {
        assertTrue(CargoVersion.SCHEME.parse("v1.0.0").isEmpty());
        assertTrue(CargoVersion.SCHEME.parse("1.0").isEmpty());
        assertTrue(CargoVersion.SCHEME.parse("1.0.0-01").isEmpty());
        assertTrue(CargoVersion.parseOrNull("1.0.0-alpha").compareTo(CargoVersion.parseOrNull("1.0.0")) < 0);
    }
}
