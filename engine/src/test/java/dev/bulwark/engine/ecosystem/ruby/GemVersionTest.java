package dev.bulwark.engine.ecosystem.ruby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.version.BatchTool;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GemVersionTest {

    /** Ruby's own Gem::Version answers every generated pair (and whether each is valid) in one process. */
    @Test
    void agreesWithGemVersionOnGeneratedPairs() {
        Random random = new Random(3);
        List<String> input = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            input.add(version(random) + "\t" + version(random));
        }
        String script = "STDIN.each_line { |l| a, b = l.chomp.split(\"\\t\", -1); "
                + "va = Gem::Version.correct?(a) ? Gem::Version.new(a) : nil; "
                + "vb = Gem::Version.correct?(b) ? Gem::Version.new(b) : nil; "
                + "puts((va.nil? || vb.nil?) ? \"invalid\" : (va <=> vb).to_s) }";
        List<String> answers = BatchTool.run(input, 60, "ruby", "-e", script);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            String[] p = input.get(i).split("\t", -1);
            GemVersion a = GemVersion.parseOrNull(p[0]);
            GemVersion b = GemVersion.parseOrNull(p[1]);
            String mine = a == null || b == null ? "invalid" : String.valueOf(Integer.signum(a.compareTo(b)));
            if (!mine.equals(answers.get(i))) {
                wrong.add(input.get(i) + " ruby=" + answers.get(i) + " ours=" + mine);
            }
        }
        assertEquals(List.of(), wrong);
    }

    static String version(Random r) {
        String[] pieces = {".", ".", "-", "0", "1", "2", "10", "a", "b", "pre", "rc", "beta", "Alpha", "x", "..", " "};
        StringBuilder b = new StringBuilder();
        b.append(r.nextInt(4));
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.append(pieces[r.nextInt(pieces.length)]);
        }
        return b.toString();
    }

    @Test
    void gemSpecifics() {
        assertTrue(GemVersion.parseOrNull("1.0.a").compareTo(GemVersion.parseOrNull("1.0")) < 0);
        assertEquals(0, GemVersion.parseOrNull("1.0.0").compareTo(GemVersion.parseOrNull("1")));
        assertTrue(GemVersion.parseOrNull("1.0.0-rc1").compareTo(GemVersion.parseOrNull("1.0.0")) < 0);
        assertTrue(GemVersion.SCHEME.parse("1..0").isEmpty());
    }
}
