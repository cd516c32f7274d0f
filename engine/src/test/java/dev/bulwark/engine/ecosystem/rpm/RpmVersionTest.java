package dev.bulwark.engine.ecosystem.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.version.BatchTool;
import dev.bulwark.engine.version.VersionVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RpmVersionTest {

    private static int cmp(String a, String b) {
        return Integer.signum(RpmVersion.parseOrNull(a).compareTo(RpmVersion.parseOrNull(b)));
    }

    @Test
    void agreesWithEveryRpmvercmpVector() {
        List<String[]> rows = VersionVectors.rows("rpm.tsv");
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            if (RpmVersion.rpmvercmp(r[0], r[1]) != Integer.parseInt(r[2])) {
                wrong.add(String.join(" ", r));
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(91, rows.size());
    }

    /** librpm itself decides: rpm's embedded Lua exposes rpm.vercmp, run once over all pairs. */
    @Test
    void agreesWithLibrpmOnGeneratedPairs() {
        Random random = new Random(7);
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            pairs.add(generate(random) + " " + generate(random));
        }
        List<String> answers = BatchTool.run(pairs, 60, "rpm", "--eval",
                "%{lua: for line in io.lines(\"/dev/stdin\") do local a, b = line:match('^(%S+) (%S+)$'); "
                        + "print(rpm.vercmp(a, b) .. '\\n') end}");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            String[] p = pairs.get(i).split(" ");
            if (cmp(p[0], p[1]) != Integer.parseInt(answers.get(i).strip())) {
                wrong.add(pairs.get(i) + " rpm=" + answers.get(i));
            }
        }
        assertEquals(List.of(), wrong);
    }

    static String generate(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextInt(5) == 0) {
            b.append(r.nextInt(3)).append(':');
        }
        b.append(r.nextInt(12));
        String[] pieces = {".", "~", "^", "_", "a", "b", "rc", "git", "el9", ".0", "0", "1", "9", "+", "~~"};
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            b.append(pieces[r.nextInt(pieces.length)]);
            if (r.nextBoolean()) {
                b.append(r.nextInt(20));
            }
        }
        if (r.nextBoolean()) {
            b.append('-').append(r.nextInt(4));
            if (r.nextBoolean()) {
                b.append(pieces[r.nextInt(pieces.length)]).append(r.nextInt(3));
            }
        }
        return b.toString();
    }

    @Test
    void rpmSpecifics() {
        assertTrue(cmp("1:1.0-1.el9", "2.0-1.el9") > 0, "epoch wins");
        assertTrue(cmp("1.0~rc1-1", "1.0-1") < 0);
        assertTrue(cmp("1.0^git1-1", "1.0-1") > 0);
        assertTrue(cmp("1.0^git1", "1.0.1") < 0);
        assertTrue(cmp("1.0", "1.0-5.el9") < 0, "a missing release sorts first, as librpm sorts it");
        assertTrue(RpmVersion.SCHEME.parse("").isEmpty());
        assertTrue(RpmVersion.SCHEME.parse("1:-1").isEmpty());
    }
}
