package dev.bulwark.engine.ecosystem.golang;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import dev.bulwark.engine.inventory.Warning;
import dev.bulwark.engine.testing.Fixtures;
import dev.bulwark.engine.testing.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Real Go binaries built by {@code go-binaries.sh}, cached by the script's hash, and the go tool's answers. */
final class GoFixtures {
    private static Path built;

    private GoFixtures() {
    }

    static synchronized Path dir() {
        if (built == null) {
            try {
                Path script = Path.of(GoFixtures.class.getResource("go-binaries.sh").toURI());
                String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(script))).substring(0, 16);
                Path out = Fixtures.cacheRoot().resolve("go-binaries-" + key);
                if (!Files.exists(out.resolve(".complete"))) {
                    Tools.run(600, "bash", script.toString(), out.toString());
                }
                built = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException | NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return built;
    }

    record Result(List<Package> packages, List<Warning> warnings) {
        Set<String> identities() {
            Set<String> out = new TreeSet<>();
            for (Package p : packages) {
                out.add(describe(p));
            }
            return out;
        }
    }

    static String describe(Package p) {
        return p.name() + "@" + p.version() + (p.sourceName() == null ? "" : " from " + p.sourceName()
                + (p.sourceVersion() == null ? "" : "@" + p.sourceVersion()))
                + (p.has(PackageFlag.LOW_CONFIDENCE) ? " (low confidence)" : "");
    }

    static Result catalog(Path file, String path) throws IOException {
        List<Warning> warnings = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            List<Package> packages = new GoBinaryCataloger().parse(new CatalogFile(path, Files.size(file), in),
                    (c, m) -> warnings.add(new Warning(c, m)));
            return new Result(packages, warnings);
        }
    }

    /**
     * What {@code go version -m} says, in this cataloger's terms: the toolchain as {@code stdlib} in semver form, the
     * main module, and each dep named by its replacement when that is a module, by itself (low confidence) when the
     * replacement is a directory.
     */
    static Set<String> expectedFromGoVersion(Path binary) {
        String out = Tools.run(60, "go", "version", "-m", binary.toString());
        Set<String> expected = new TreeSet<>();
        List<String[]> modules = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith(binary.toString() + ": ")) {
                String go = line.substring(binary.toString().length() + 2).strip().split(" ")[0];
                String[] v = go.substring(2).split("\\.");
                expected.add("stdlib@v" + v[0] + "." + v[1] + "." + (v.length > 2 ? v[2] : "0"));
                continue;
            }
            String[] f = line.strip().split("\t");
            switch (f[0]) {
                case "mod", "dep" -> modules.add(new String[] {f[1], f[2], null, null});
                case "=>" -> {
                    String[] last = modules.get(modules.size() - 1);
                    last[2] = f[1];
                    last[3] = f.length > 2 ? f[2] : "";
                }
                default -> { }
            }
        }
        for (String[] m : modules) {
            if (m[2] == null) {
                expected.add(m[0] + "@" + m[1]);
            } else if (m[2].startsWith(".") || m[2].startsWith("/")) {
                expected.add(m[0] + "@" + m[1] + " from " + m[2] + " (low confidence)");
            } else {
                expected.add(m[2] + "@" + m[3] + " from " + m[0] + "@" + m[1]);
            }
        }
        return expected;
    }
}
