package dev.bulwark.engine.ecosystem.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.scan.DirectoryScanner;
import dev.bulwark.engine.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Debian's python3 packages (python3-yaml, python3-requests and what they pull in, installed by apt) read through
 * {@link DirectoryScanner}, against what the system Python's own {@code importlib.metadata} reports for the same
 * directory.
 */
class DebianDistPackagesTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path ROOT = Path.of("/usr/lib/python3");

    /** One line per distribution: name, version, kind, license, run-time requirement names (PEP 503, by Python). */
    private static final String LIST = String.join("\n",
            "import importlib.metadata as m, re",
            "norm = lambda n: re.sub(r'[-_.]+', '-', n).lower()",
            "for d in m.distributions(path=['/usr/lib/python3/dist-packages']):",
            "    kind = 'dist' if type(d._path).__name__ and str(d._path).endswith('.dist-info') else 'egg'",
            "    reqs = [r for r in (d.requires or []) if 'extra ==' not in r.replace('\"', \"'\")]",
            "    names = sorted({norm(re.match(r'[A-Za-z0-9._-]+', r).group(0)) for r in reqs})",
            "    print('\\t'.join([norm(d.metadata['Name']), d.version, kind, d.metadata.get('License') or '',",
            "        ','.join(names)]))");

    @Test
    void matchesImportlibMetadata() {
        if (!Files.isExecutable(PYTHON) || !Files.isDirectory(ROOT.resolve("dist-packages/yaml"))
                || !Files.isDirectory(ROOT.resolve("dist-packages/requests"))) {
            throw new AssertionError("this test needs Debian's python3 with python3-yaml and python3-requests: "
                    + "apt-get install -y python3-yaml python3-requests");
        }
        String listed = Tools.run(60, PYTHON.toString(), "-c", LIST);
        Set<String> expected = new TreeSet<>();
        Map<String, String> licenses = new TreeMap<>();
        Map<String, String> requires = new TreeMap<>();
        for (String line : listed.split("\n")) {
            String[] f = line.split("\t", -1);
            expected.add(f[0] + "@" + f[1]);
            licenses.put(f[0], f[3]);
            if (f[2].equals("dist")) {
                requires.put(f[0] + "@" + f[1], f[4]);
            }
        }
        Inventory inv = new DirectoryScanner(List.of(new PythonCataloger())).scan(ROOT);
        List<Package> found = inv.packages();
        assertEquals(expected, found.stream().map(p -> p.name() + "@" + p.version())
                .collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(expected.contains("pyyaml@6.0") || expected.stream().anyMatch(s -> s.startsWith("pyyaml@")));
        assertTrue(expected.stream().anyMatch(s -> s.startsWith("requests@")));

        Set<String> installedNames = found.stream().map(Package::name).collect(Collectors.toSet());
        for (Package p : found) {
            assertTrue(p.purl().startsWith("pkg:pypi/" + p.name() + "@"), p.purl());
            String license = licenses.get(p.name());
            if (!license.isEmpty() && !license.contains("\n") && license.length() <= 100
                    && !license.equalsIgnoreCase("UNKNOWN")) {
                assertTrue(p.licenses().contains(license), p.name() + ": " + p.licenses() + " vs " + license);
            }
            String reqs = requires.get(p.name() + "@" + p.version());
            if (reqs != null && p.location().endsWith("/METADATA")) {
                Set<String> want = new TreeSet<>();
                for (String n : reqs.split(",")) {
                    if (!n.isEmpty() && installedNames.contains(n)) {
                        want.add(n);
                    }
                }
                assertEquals(want, p.dependsOn().stream().map(d -> d.substring(0, d.indexOf('@')))
                        .collect(Collectors.toCollection(TreeSet::new)), p.name());
            }
        }
        assertTrue(inv.warnings().isEmpty(), inv.warnings().toString());
    }
}
