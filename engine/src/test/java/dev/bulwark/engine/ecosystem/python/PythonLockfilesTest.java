package dev.bulwark.engine.ecosystem.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import dev.bulwark.engine.scan.DirectoryScanner;
import dev.bulwark.engine.testing.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real lockfiles from public repositories (see the fixtures' README), scanned as a project tree through
 * {@link DirectoryScanner}; expected packages come from the system Python reading the same files with
 * {@code tomllib} and {@code json} under each format's documented meaning.
 */
class PythonLockfilesTest {
    private static final String PYTHON = "/usr/bin/python3";

    /** Prints {@code name@version[ dev]} per locked package, by the formats' documentation. */
    private static final String EXPECTED = String.join("\n",
            "import json, re, sys, tomllib",
            "norm = lambda n: re.sub(r'[-_.]+', '-', n).lower()",
            "kind, path = sys.argv[1], sys.argv[2]",
            "if kind == 'poetry':",
            "    for p in tomllib.load(open(path, 'rb'))['package']:",
            "        g = p.get('groups')",
            "        dev = p.get('category') == 'dev' or (bool(g) and 'main' not in g)",
            "        print(norm(p['name']) + '@' + p['version'] + (' dev' if dev else ''))",
            "elif kind == 'uv':",
            "    for p in tomllib.load(open(path, 'rb'))['package']:",
            "        s = p.get('source', {})",
            "        if 'editable' not in s and 'virtual' not in s:",
            "            print(norm(p['name']) + '@' + p['version'])",
            "elif kind == 'pipenv':",
            "    d = json.load(open(path))",
            "    for sec in ('default', 'develop'):",
            "        for n, e in d[sec].items():",
            "            v = e.get('version', '')",
            "            if v.startswith('==') and not (sec == 'develop' and n in d['default']):",
            "                print(norm(n) + '@' + v[2:] + (' dev' if sec == 'develop' else ''))");

    @TempDir
    Path project;

    private Inventory scan(String... resources) throws IOException {
        for (String r : resources) {
            Path target = project.resolve(r);
            Files.createDirectories(target.getParent());
            try (InputStream in = getClass().getResourceAsStream(r)) {
                Files.copy(in, target);
            }
        }
        return new DirectoryScanner(List.of(new PythonCataloger())).scan(project);
    }

    private Set<String> expected(String kind, String resource) {
        String out = Tools.run(60, PYTHON, "-c", EXPECTED, kind, project.resolve(resource).toString());
        return out.lines().filter(l -> !l.isBlank()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> actual(Inventory inv, String location) {
        return inv.packages().stream().filter(p -> p.location().equals(location))
                .map(p -> p.name() + "@" + p.version() + (p.has(PackageFlag.DEVELOPMENT) ? " dev" : ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void poetryUvAndPipenvMatchTheirDocumentedReading() throws IOException {
        Inventory inv = scan("poetry/poetry.lock", "uv/uv.lock", "pipenv/Pipfile.lock");
        for (String[] c : new String[][] {{"poetry", "poetry/poetry.lock"}, {"uv", "uv/uv.lock"},
                {"pipenv", "pipenv/Pipfile.lock"}}) {
            Set<String> want = expected(c[0], c[1]);
            assertTrue(want.size() >= 4, c[0] + ": " + want);
            assertEquals(want, actual(inv, c[1]), c[0]);
        }
        Package tap = inv.packages().stream().filter(p -> p.name().equals("tap-py")).findFirst().orElseThrow();
        assertEquals("pkg:pypi/tap-py@2.2", tap.purl());
        Package asttokens = inv.packages().stream().filter(p -> p.name().equals("asttokens")).findFirst()
                .orElseThrow();
        assertEquals(List.of(), asttokens.dependsOn(), "six is not in the slice, so not resolved");
        assertTrue(inv.warnings().isEmpty(), inv.warnings().toString());
    }

    @Test
    void unpinnedRequirementsAreCountedNotReported() throws IOException {
        Inventory inv = scan("httpx/requirements.txt");
        String text = Files.readString(project.resolve("httpx/requirements.txt"));
        long unpinned = text.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("-")).count();
        assertEquals(List.of(), inv.packages());
        assertEquals(1, inv.warnings().size(), inv.warnings().toString());
        assertEquals("python.unpinned-requirements", inv.warnings().get(0).code());
        assertTrue(inv.warnings().get(0).message().contains(unpinned + " requirements not pinned"),
                inv.warnings().toString());
    }
}
