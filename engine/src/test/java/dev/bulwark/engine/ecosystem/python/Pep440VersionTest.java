package dev.bulwark.engine.ecosystem.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.version.BatchTool;
import dev.bulwark.engine.version.VersionVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Pep440VersionTest {

    private static int cmp(String a, String b) {
        return Integer.signum(Pep440Version.parseOrNull(a).compareTo(Pep440Version.parseOrNull(b)));
    }

    @Test
    void agreesWithEveryComparisonVector() {
        List<String[]> rows = VersionVectors.rows("pep440_compare.tsv");
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            if (cmp(r[0], r[1]) != Integer.parseInt(r[2])) {
                wrong.add(String.join(" ", r));
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(91, rows.size());
    }

    @Test
    void agreesWithEverySpecifierVector() {
        List<String[]> rows = VersionVectors.rows("pep440_specifier.tsv");
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            Pep440Specifier spec = Pep440Specifier.parseOrNull(r[1]);
            Pep440Version v = Pep440Version.parseOrNull(r[0]);
            if (spec == null || v == null || spec.contains(v) != Boolean.parseBoolean(r[2])) {
                wrong.add(String.join(" ", r));
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(188, rows.size());
    }

    /** python3's packaging library answers every generated pair and specifier in one process. */
    @Test
    void agreesWithPythonPackagingOnGeneratedInput() {
        Random random = new Random(440);
        List<String> input = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            input.add("cmp\t" + version(random) + "\t" + version(random));
        }
        String[] ops = {"==", "!=", "<", "<=", ">", ">=", "~="};
        for (int i = 0; i < 2000; i++) {
            String op = ops[random.nextInt(ops.length)];
            String spec = version(random).replaceAll("\\+.*", "");
            if (op.equals("~=") && !spec.contains(".")) {
                spec = spec.replaceFirst("^(\\d+)", "$1.0");
            }
            if ((op.equals("==") || op.equals("!=")) && random.nextInt(3) == 0) {
                spec = spec.replaceAll("(a|b|rc|\\.post|\\.dev)\\d+", "") + ".*";
            }
            input.add("spec\t" + op + spec + "\t" + version(random));
        }
        String script = "import sys\nfrom packaging.version import Version\nfrom packaging.specifiers import"
                + " SpecifierSet\nfor line in sys.stdin:\n p = line.rstrip('\\n').split('\\t')\n if p[0] == 'cmp':\n"
                + "  a, b = Version(p[1]), Version(p[2])\n  print(-1 if a < b else (0 if a == b else 1))\n else:\n"
                + "  try:\n   s = SpecifierSet(p[1])\n  except Exception:\n   print('invalid')\n   continue\n"
                + "  print(str(s.contains(p[2], prereleases=True)).lower())\n";
        List<String> answers = BatchTool.run(input, 60, "python3", "-c", script);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            String[] p = input.get(i).split("\t");
            Pep440Specifier spec = p[0].equals("cmp") ? null : Pep440Specifier.parseOrNull(p[1]);
            String mine = p[0].equals("cmp") ? String.valueOf(cmp(p[1], p[2]))
                    : spec == null ? "invalid" : String.valueOf(spec.contains(Pep440Version.parseOrNull(p[2])));
            if (!mine.equals(answers.get(i))) {
                wrong.add(input.get(i) + " packaging=" + answers.get(i));
            }
        }
        assertEquals(List.of(), wrong);
    }

    static String version(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextInt(10) == 0) {
            b.append(r.nextInt(2)).append('!');
        }
        b.append(r.nextInt(3));
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            b.append('.').append(r.nextInt(3));
        }
        String[] pre = {"", "", "a1", "b2", "rc1", "alpha", "c3", "-beta.1", "pre0", "a0"};
        b.append(pre[r.nextInt(pre.length)]);
        String[] post = {"", "", "", ".post1", "-1", "post2", ".rev3", "_r1"};
        b.append(post[r.nextInt(post.length)]);
        String[] dev = {"", "", "", ".dev0", "dev3", "-dev"};
        b.append(dev[r.nextInt(dev.length)]);
        String[] local = {"", "", "", "", "+ubuntu1", "+1.2", "+abc.5"};
        b.append(local[r.nextInt(local.length)]);
        return b.toString();
    }

    @Test
    void pep440Specifics() {
        assertEquals(0, cmp("1.0", "1.0.0"));
        assertTrue(cmp("1.0.dev1", "1.0a1") < 0);
        assertTrue(cmp("1.0.post1", "1.0") > 0);
        assertTrue(cmp("v1.0-RC1", "1.0") < 0);
        assertTrue(Pep440Version.SCHEME.parse("1.0-foo").isEmpty());
        assertTrue(Pep440Specifier.parseOrNull(">=1.0.*") == null);
    }
}
