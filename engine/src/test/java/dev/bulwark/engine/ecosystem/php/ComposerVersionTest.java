package dev.bulwark.engine.ecosystem.php;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.version.BatchTool;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ComposerVersionTest {
    private static final String SEMVER_AUTOLOAD = "/usr/share/php/Composer/Semver/autoload.php";

    /**
     * composer/semver itself (Debian's php-composer-semver, which composer uses) normalizes each generated version
     * and orders the pair, in one php process.
     */
    @Test
    void agreesWithComposerSemverOnGeneratedPairs() {
        Random random = new Random(5);
        List<String> input = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            input.add(version(random) + "\t" + version(random));
        }
        String script = "require '" + SEMVER_AUTOLOAD + "'; $p = new Composer\\Semver\\VersionParser();"
                + " $n = function ($v) use ($p) { try { return $p->normalize($v); } catch (Exception $e) {"
                + " return null; } };"
                + " while (($l = fgets(STDIN)) !== false) { [$a, $b] = explode(\"\\t\", rtrim($l, \"\\n\"));"
                + " $na = $n($a); $nb = $n($b);"
                + " if ($na === null || $nb === null || strpos($na, 'dev-') === 0 || strpos($nb, 'dev-') === 0)"
                + " { echo \"invalid\\n\"; continue; }"
                + " echo $na, ' ', $nb, ' ', version_compare($na, $nb), \"\\n\"; }";
        List<String> answers = BatchTool.run(input, 60, "php", "-r", script);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            String[] p = input.get(i).split("\t", -1);
            ComposerVersion a = ComposerVersion.parseOrNull(p[0]);
            ComposerVersion b = ComposerVersion.parseOrNull(p[1]);
            String mine = a == null || b == null ? "invalid"
                    : a.normalized() + " " + b.normalized() + " " + Integer.signum(a.compareTo(b));
            if (!mine.equals(answers.get(i))) {
                wrong.add(input.get(i) + " composer=" + answers.get(i) + " ours=" + mine);
            }
        }
        assertEquals(List.of(), wrong);
    }

    static String version(Random r) {
        String[] pieces = {".0", ".1", ".2", ".10", "-alpha", "-beta2", "-RC1", "-rc.2", "-patch1", "-pl3", "-p1", "a1",
            "b", "-dev", ".x-dev", "-stable", "@dev", "+build1", "-foo"};
        StringBuilder b = new StringBuilder();
        if (r.nextInt(4) == 0) {
            b.append('v');
        }
        b.append(r.nextInt(4));
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(pieces[r.nextInt(pieces.length)]);
        }
        return b.toString();
    }

    @Test
    void composerSpecifics() {
        assertEquals("1.2.0.0", ComposerVersion.normalize("v1.2"));
        assertTrue(ComposerVersion.parseOrNull("1.0.0-beta2").compareTo(ComposerVersion.parseOrNull("1.0.0")) < 0);
        assertTrue(ComposerVersion.parseOrNull("1.0.0-patch1").compareTo(ComposerVersion.parseOrNull("1.0.0")) > 0);
        assertTrue(ComposerVersion.SCHEME.parse("dev-main").isEmpty());
    }
}
