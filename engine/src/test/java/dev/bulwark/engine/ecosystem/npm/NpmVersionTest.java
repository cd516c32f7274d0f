package dev.bulwark.engine.ecosystem.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.testing.Fixtures;
import dev.bulwark.engine.testing.Tools;
import dev.bulwark.engine.version.BatchTool;
import dev.bulwark.engine.version.VersionVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NpmVersionTest {
    private static final String SEMVER = "7.8.6";

    private static int cmp(String a, String b, boolean loose) {
        return Integer.signum(NpmVersion.parseOrNull(a, loose).compareTo(NpmVersion.parseOrNull(b, loose)));
    }

    private static boolean loose(String opts) {
        return opts.contains("opts=true") || opts.matches(".*\"loose\": ?(true|[1-9]\\d*).*");
    }

    @Test
    void agreesWithEveryComparisonVector() {
        List<String[]> rows = VersionVectors.rows("semver_compare.tsv");
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            NpmVersion a = NpmVersion.parseOrNull(r[0], true);
            NpmVersion b = NpmVersion.parseOrNull(r[1], true);
            if (a == null || b == null || Integer.signum(a.compareTo(b)) != Integer.parseInt(r[2])) {
                wrong.add(String.join(" ", r));
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(68, rows.size());
    }

    @Test
    void agreesWithEveryRangeVector() {
        List<String[]> rows = VersionVectors.rows("semver_range.tsv");
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            boolean includePrerelease = r[3].contains("includePrerelease\": true");
            if (NpmRange.satisfies(r[1], r[0], loose(r[3]), includePrerelease) != Boolean.parseBoolean(r[2])) {
                wrong.add(String.join(" | ", r));
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(224, rows.size());
    }

    /** The node-semver fixture file: comparisons, equality and range include/exclude (gtr/ltr are not modelled). */
    @Test
    void agreesWithNodeSemverFixtures() throws IOException {
        JsonNode cases = new ObjectMapper().readTree(VersionVectors.file("semver_node.json").toFile()).get("cases");
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (JsonNode c : cases) {
            String fixture = c.get("fixture").asText();
            JsonNode o = c.get("options");
            boolean loose = o != null && (o.isBoolean() && o.asBoolean()
                    || o.isObject() && o.has("loose") && o.get("loose").asBoolean());
            boolean pre = o != null && o.isObject() && o.has("includePrerelease")
                    && o.get("includePrerelease").asBoolean();
            switch (fixture) {
                case "comparisons" -> {
                    checked++;
                    if (cmp(c.get("a").asText(), c.get("b").asText(), loose) <= 0) {
                        wrong.add(c.toString());
                    }
                }
                case "equality" -> {
                    checked++;
                    if (cmp(c.get("a").asText(), c.get("b").asText(), loose) != 0) {
                        wrong.add(c.toString());
                    }
                }
                case "range-include", "range-exclude" -> {
                    checked++;
                    boolean want = fixture.equals("range-include");
                    if (NpmRange.satisfies(c.get("version").asText(), c.get("range").asText(), loose, pre) != want) {
                        wrong.add(c.toString());
                    }
                }
                default -> {
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(292, checked);
    }

    /** node-semver itself, installed once into the fixture cache, answers every generated pair in one process. */
    @Test
    void agreesWithNodeSemverOnGeneratedVersionsAndRanges() {
        Path dir = nodeSemver();
        Random random = new Random(99);
        List<String> input = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            input.add("cmp\t" + version(random) + "\t" + version(random));
        }
        for (int i = 0; i < 3000; i++) {
            input.add("sat\t" + range(random) + "\t" + version(random) + "\t" + random.nextBoolean() + "\t"
                    + random.nextBoolean());
        }
        String script = "const semver = require(" + quote(dir.resolve("node_modules/semver").toString())
                + "); const rl = require('readline').createInterface({input:"
                + " process.stdin}); const out = []; rl.on('line', l => { const p = l.split('\\t'); if (p[0] === 'cmp')"
                + " { out.push(String(semver.compare(p[1], p[2]))); } else { out.push(String(semver.satisfies(p[2],"
                + " p[1], {loose: p[3] === 'true', includePrerelease: p[4] === 'true'}))); } });"
                + " rl.on('close', () => process.stdout.write(out.join('\\n') + '\\n'));";
        List<String> answers = BatchTool.run(input, 60, "node", "-e", script);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            String[] p = input.get(i).split("\t", -1);
            String mine = p[0].equals("cmp") ? String.valueOf(cmp(p[1], p[2], false))
                    : String.valueOf(NpmRange.satisfies(p[2], p[1], p[3].equals("true"), p[4].equals("true")));
            if (!mine.equals(answers.get(i))) {
                wrong.add(input.get(i) + " node=" + answers.get(i) + " ours=" + mine);
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static Path nodeSemver() {
        Path dir = Fixtures.cacheRoot().resolve("node-semver-" + SEMVER);
        if (!Files.exists(dir.resolve("node_modules/semver/package.json"))) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            Tools.run(300, dir, "npm", "install", "--no-audit", "--no-fund", "--prefix", dir.toString(),
                    "semver@" + SEMVER);
        }
        return dir;
    }

    static String version(Random r) {
        String[] pre = {"", "", "", "-alpha", "-alpha.1", "-beta.2", "-rc.1", "-0", "-1", "-x.y"};
        return r.nextInt(3) + "." + r.nextInt(3) + "." + r.nextInt(3) + pre[r.nextInt(pre.length)]
                + (r.nextInt(10) == 0 ? "+build.5" : "");
    }

    static String range(Random r) {
        String[] ops = {"", "=", "<", "<=", ">", ">=", "^", "~", "~>"};
        String[] parts = {"x", "*", "0", "1", "2"};
        StringBuilder b = new StringBuilder();
        int sets = 1 + r.nextInt(2);
        for (int s = 0; s < sets; s++) {
            if (s > 0) {
                b.append(" || ");
            }
            if (r.nextInt(6) == 0) {
                b.append(version(r)).append(" - ").append(partial(r, parts));
                continue;
            }
            int n = 1 + r.nextInt(2);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    b.append(' ');
                }
                b.append(ops[r.nextInt(ops.length)]);
                b.append(r.nextBoolean() ? version(r) : partial(r, parts));
            }
        }
        return b.toString();
    }

    private static String partial(Random r, String[] parts) {
        int n = 1 + r.nextInt(3);
        StringBuilder b = new StringBuilder(parts[r.nextInt(parts.length)]);
        for (int i = 1; i < n; i++) {
            b.append('.').append(parts[r.nextInt(parts.length)]);
        }
        return b.toString();
    }

    @Test
    void npmSpecifics() {
        assertTrue(NpmRange.satisfies("4.17.20", "<4.17.21", false, false));
        assertTrue(!NpmRange.satisfies("4.17.21", "<4.17.21", false, false));
        assertTrue(!NpmRange.satisfies("2.0.0-beta.1", "^1.0.0 || >=1.5.0", false, false));
        assertTrue(NpmVersion.SCHEME.parse("1.0").isEmpty());
        assertTrue(NpmVersion.SCHEME.parse("9007199254740992.0.0").isEmpty());
        assertTrue(NpmRange.parseOrNull("not a range !!", false, false) == null);
    }
}
