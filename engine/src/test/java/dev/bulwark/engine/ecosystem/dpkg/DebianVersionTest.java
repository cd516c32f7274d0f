package dev.bulwark.engine.ecosystem.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.version.BatchTool;
import dev.bulwark.engine.version.VersionVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DebianVersionTest {

    private static int cmp(String a, String b) {
        return Integer.signum(DebianVersion.parseOrNull(a).compareTo(DebianVersion.parseOrNull(b)));
    }

    @Test
    void agreesWithEveryDpkgVector() {
        List<String[]> rows = VersionVectors.rows("dpkg.tsv");
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            int c = cmp(r[0], r[1]);
            boolean ok = switch (r[2]) {
                case "lt" -> c < 0;
                case "not-lt" -> c >= 0;
                default -> c == Integer.parseInt(r[2]);
            };
            if (!ok) {
                wrong.add(String.join(" ", r));
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(76, rows.size());
    }

    @Test
    void agreesWithDpkgCompareVersionsOnGeneratedPairs() {
        Random random = new Random(4_2024);
        List<String> pairs = new ArrayList<>();
        // dpkg starts slowly (tens of ms per call here), so few pairs, made close to each other to be interesting.
        for (int i = 0; i < 150; i++) {
            pairs.add(generate(random) + " " + (random.nextInt(4) == 0 ? pairs.isEmpty() ? "1" : pairs.get(
                    pairs.size() - 1).split(" ")[0] : generate(random)));
        }
        List<String> answers = BatchTool.run(pairs, 120, "sh", "-c", "command -v dpkg >/dev/null || exit 127; "
                + "while read a b; do if dpkg --compare-versions \"$a\" lt \"$b\"; then echo -1; "
                + "elif dpkg --compare-versions \"$a\" eq \"$b\"; then echo 0; else echo 1; fi; done");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            String[] p = pairs.get(i).split(" ");
            if (cmp(p[0], p[1]) != Integer.parseInt(answers.get(i))) {
                wrong.add(pairs.get(i) + " dpkg=" + answers.get(i));
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
        String[] pieces = {".", "~", "+", "a", "b", "rc", "deb12u", "~rc", "+b", ".0", "0", "1", "9", "dfsg", "~~"};
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
    void debianSpecifics() {
        assertTrue(cmp("1:1.0", "2.0") > 0, "epoch wins");
        assertTrue(cmp("1.0~rc1", "1.0") < 0, "tilde before release");
        assertTrue(cmp("2.36-9+deb12u4", "2.36-9+deb12u3") > 0, "+debNuM");
        assertTrue(cmp("2.36-9+deb12u4", "2.36-9") > 0);
        assertTrue(cmp("1.2-3+b1", "1.2-3") > 0, "binNMU");
        assertTrue(cmp("1.2-3+b1", "1.2-3.1") < 0);
        assertEquals(0, cmp("0:1.0-0", "1.0"));
        for (String bad : List.of("", "a:1", "1:", "1.0-", "-1", "1 0", "99999999999:1")) {
            assertFalse(DebianVersion.SCHEME.isValid(bad), bad);
        }
    }
}
