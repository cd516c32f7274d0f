package dev.bulwark.engine.match;

import dev.bulwark.engine.testing.Fixtures;
import dev.bulwark.engine.testing.Tools;
import dev.bulwark.engine.version.BatchTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Version order as each ecosystem's own implementation decides it, for the accuracy oracle: every version the oracle
 * will compare is ranked in one batch by the real implementation (equal versions share a rank), so no Bulwark code
 * orders anything. A version the implementation rejects has no rank.
 */
final class ReferenceOrder {
    static final String SEMVER = "7.8.6";

    private final Map<String, Integer> ranks;
    final String implementation;

    private ReferenceOrder(Map<String, Integer> ranks, String implementation) {
        this.ranks = ranks;
        this.implementation = implementation;
    }

    /** Whether the implementation accepts {@code v}. */
    boolean valid(String v) {
        return ranks.containsKey(v);
    }

    /** The sign of {@code a - b}; both must be {@link #valid}. */
    int compare(String a, String b) {
        return Integer.compare(ranks.get(a), ranks.get(b));
    }

    /** maven-artifact's {@code ComparableVersion} (the version pinned in the root pom), in this JVM. */
    static ReferenceOrder maven(Collection<String> versions) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(versions));
        sorted.sort((a, b) -> new ComparableVersion(a).compareTo(new ComparableVersion(b)));
        Map<String, Integer> ranks = new HashMap<>();
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            ComparableVersion here = new ComparableVersion(sorted.get(i));
            if (i > 0 && new ComparableVersion(sorted.get(i - 1)).compareTo(here) != 0) {
                rank++;
            }
            ranks.put(sorted.get(i), rank);
        }
        return new ReferenceOrder(ranks, "maven-artifact ComparableVersion");
    }

    /**
     * node-semver (strict parsing), installed into the fixture cache. Go and crates.io versions are SemVer 2.0; a Go
     * module version's leading {@code v} must be removed by the caller.
     */
    static ReferenceOrder nodeSemver(Collection<String> versions) {
        Path semver = nodeSemverDir().resolve("node_modules/semver");
        String script = "const semver = require(" + quote(semver.toString()) + ");"
                + " const lines = require('fs').readFileSync(0, 'utf8').split('\\n'); lines.pop();"
                + " const ok = [...new Set(lines.filter(v => semver.valid(v) !== null))].sort(semver.compare);"
                + " const rank = new Map(); let r = 0;"
                + " ok.forEach((v, i) => { if (i > 0 && semver.compare(ok[i - 1], v) !== 0) r++; rank.set(v, r); });"
                + " process.stdout.write(lines.map(v => rank.has(v) ? String(rank.get(v)) : 'invalid').join('\\n')"
                + " + '\\n');";
        return batch(versions, "node-semver " + SEMVER, "node", "-e", script);
    }

    /** Python {@code packaging.version.Version} (PEP 440) of the python3 on the PATH. */
    static ReferenceOrder pep440(Collection<String> versions) {
        String script = String.join("\n",
                "import sys",
                "from packaging.version import Version, InvalidVersion",
                "lines = sys.stdin.read().split('\\n')[:-1]",
                "parsed = {}",
                "for v in lines:",
                "    try:",
                "        parsed[v] = Version(v)",
                "    except InvalidVersion:",
                "        pass",
                "order = sorted(set(parsed.values()))",
                "rank = {p: i for i, p in enumerate(order)}",
                "print('\\n'.join(str(rank[parsed[v]]) if v in parsed else 'invalid' for v in lines))");
        return batch(versions, "python packaging", "python3", "-c", script);
    }

    private static ReferenceOrder batch(Collection<String> versions, String name, String... command) {
        List<String> input = new ArrayList<>(new TreeSet<>(versions));
        input.removeIf(v -> v.isEmpty() || v.contains("\n"));
        List<String> answers = BatchTool.run(input, 120, command);
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < input.size(); i++) {
            if (!"invalid".equals(answers.get(i))) {
                ranks.put(input.get(i), Integer.parseInt(answers.get(i).strip()));
            }
        }
        return new ReferenceOrder(ranks, name);
    }

    /** The node-semver install the version tests use, made here too when they have not run yet. */
    static Path nodeSemverDir() {
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

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
