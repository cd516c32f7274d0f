package dev.bulwark.engine.ecosystem.apk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.version.VersionVectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** apk-tools is not packaged for Debian, so the vectors from its own unit tests are the reference here. */
class ApkVersionTest {

    @Test
    void agreesWithEveryApkToolsComparisonVector() {
        List<String[]> rows = VersionVectors.rows("apk.tsv");
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            String op = r[2];
            boolean negate = op.startsWith("!");
            boolean holds = ApkVersion.matches(r[0], negate ? op.substring(1) : op, r[1]);
            if (holds == negate) {
                wrong.add(String.join(" ", r));
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(754, rows.size());
    }

    @Test
    void agreesWithEveryApkToolsValidityVector() {
        List<String[]> rows = VersionVectors.rows("apk_validity.tsv");
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            if (ApkVersion.SCHEME.isValid(r[0]) != r[1].equals("valid")) {
                wrong.add(String.join(" ", r));
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(31, rows.size());
    }

    @Test
    void alpineSpecifics() {
        ApkVersion a = ApkVersion.parseOrNull("1.2.3_rc1-r0");
        ApkVersion b = ApkVersion.parseOrNull("1.2.3-r0");
        assertTrue(a.compareTo(b) < 0);
        assertTrue(ApkVersion.parseOrNull("1.2.3-r10").compareTo(ApkVersion.parseOrNull("1.2.3-r9")) > 0);
        assertTrue(ApkVersion.parseOrNull("1.2.3_p1-r0").compareTo(b) > 0);
        assertTrue(ApkVersion.SCHEME.parse("1.2.3-foo").isEmpty());
    }
}
