package dev.bulwark.engine.ecosystem.ruby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.Warning;
import dev.bulwark.engine.scan.DirectoryScanner;
import dev.bulwark.engine.testing.Tools;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installed gems (Debian's ruby, bundler and ruby-* packages) against RubyGems' own view ({@code
 * Gem::Specification.each}), and Gemfile.lock files, one written by {@code bundle lock --local}, one with GIT, PATH
 * and platform sections, against Bundler's own parser ({@code Bundler::LockfileParser}).
 */
class RubyCatalogersTest {

    private record Result(List<Package> packages, List<Warning> warnings) {
    }

    private static Result parse(Cataloger c, String path, InputStream in, long size) throws IOException {
        List<Warning> warnings = new ArrayList<>();
        List<Package> packages = c.parse(new CatalogFile(path, size, in), (code, m) -> warnings.add(new Warning(code, m)));
        return new Result(packages, warnings);
    }

    private static Result parse(Cataloger c, String path, String content) throws IOException {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        return parse(c, path, new ByteArrayInputStream(b), b.length);
    }

    @Test
    void installedGemsMatchRubyGems() throws IOException {
        String out = Tools.run(60, "ruby", "-e", "Gem::Specification.each { |s| puts [s.name, s.version,"
                + " s.licenses.join(','), s.runtime_dependencies.map(&:name).sort.join(','), s.loaded_from].join(\"\\t\") }");
        Set<String> expected = new TreeSet<>();
        List<Package> found = new ArrayList<>();
        GemCataloger c = new GemCataloger();
        for (String line : out.split("\n")) {
            String[] f = line.split("\t", -1);
            expected.add(f[0] + "@" + f[1] + " " + f[2] + " -> " + f[3]);
            Path spec = Path.of(f[4]);
            String path = f[4].substring(1);
            assertTrue(c.wants(path), path);
            try (InputStream in = Files.newInputStream(spec)) {
                Result r = parse(c, path, in, Files.size(spec));
                assertEquals(List.of(), r.warnings(), path);
                found.addAll(r.packages());
            }
        }
        Set<String> actual = new TreeSet<>();
        for (Package p : c.assemble(found)) {
            Set<String> deps = new TreeSet<>();
            p.dependsOn().forEach(d -> deps.add(d.substring(0, d.lastIndexOf('@'))));
            actual.add(p.name() + "@" + p.version() + " " + String.join(",", p.licenses()) + " -> "
                    + String.join(",", deps));
        }
        assertEquals(expected, actual);
        assertTrue(expected.size() > 50, "ruby's default and bundled gems plus Debian's ruby-* gems");
        assertTrue(expected.stream().anyMatch(s -> s.startsWith("rack@")), "apt-get install ruby-rack");
    }

    // Bundler wants a Gemfile beside the lockfile, though the parser never reads it.
    private static Set<String> bundlerView(Path lock) throws IOException {
        if (!Files.exists(lock.resolveSibling("Gemfile"))) {
            Files.writeString(lock.resolveSibling("Gemfile"), "");
        }
        String out = Tools.run(60, lock.getParent(), "ruby", "-rbundler", "-e", "l = Bundler::LockfileParser.new(File.read(ARGV[0]));"
                + " l.specs.each { |s| puts [s.name, s.version, s.platform.to_s == 'ruby' ? '' : s.platform,"
                + " s.dependencies.map(&:name).sort.join(',')].join(\"\\t\") }", lock.toString());
        Set<String> expected = new TreeSet<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\t", -1);
            expected.add(f[0] + "@" + f[1] + (f[2].isEmpty() ? "" : "/" + f[2]) + " -> " + f[3]);
        }
        return expected;
    }

    private static Set<String> describe(List<Package> packages) {
        Set<String> out = new TreeSet<>();
        for (Package p : packages) {
            Set<String> deps = new TreeSet<>();
            p.dependsOn().forEach(d -> deps.add(d.substring(0, d.lastIndexOf('@'))));
            out.add(p.name() + "@" + p.version() + (p.architecture() == null ? "" : "/" + p.architecture()) + " -> "
                    + String.join(",", deps));
        }
        return out;
    }

    @Test
    void bundleLockLocalMatchesBundler(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Gemfile"), "source \"https://rubygems.org\"\ngem \"rack\"\ngem \"rake\"\n"
                + "gem \"minitest\"\ngem \"test-unit\"\n");
        Tools.run(120, dir, "bundle", "lock", "--local");
        Path lock = dir.resolve("Gemfile.lock");
        Result r = parse(new GemfileLockCataloger(), "app/Gemfile.lock", Files.readString(lock));
        assertEquals(List.of(), r.warnings());
        assertEquals(bundlerView(lock), describe(r.packages()));
        assertTrue(describe(r.packages()).stream().anyMatch(s -> s.startsWith("test-unit@") && s.endsWith(
                "-> power_assert")));
    }

    @Test
    void gitPathAndPlatformSectionsMatchBundler(@TempDir Path dir) throws IOException {
        String lock = """
                GIT
                  remote: https://github.com/rails/rails.git
                  revision: 0123456789abcdef0123456789abcdef01234567
                  branch: main
                  specs:
                    activesupport (7.1.0.alpha)
                      concurrent-ruby (~> 1.0, >= 1.0.2)
                      i18n (>= 1.6, < 2)

                PATH
                  remote: .
                  specs:
                    myapp (0.1.0)
                      nokogiri

                GEM
                  remote: https://rubygems.org/
                  specs:
                    concurrent-ruby (1.2.2)
                    i18n (1.14.1)
                      concurrent-ruby (~> 1.0)
                    nokogiri (1.15.4-x86_64-linux)
                      racc (~> 1.4)
                    nokogiri (1.15.4-aarch64-linux)
                      racc (~> 1.4)
                    racc (1.7.1)

                PLATFORMS
                  aarch64-linux
                  x86_64-linux

                DEPENDENCIES
                  activesupport!
                  myapp!

                BUNDLED WITH
                   2.4.19
                """;
        Path file = Files.writeString(dir.resolve("Gemfile.lock"), lock);
        Result r = parse(new GemfileLockCataloger(), "Gemfile.lock", lock);
        assertEquals(List.of(), r.warnings());
        assertEquals(bundlerView(file), describe(r.packages()));
    }

    @Test
    void malformedInput() throws IOException {
        Result lock = parse(new GemfileLockCataloger(), "Gemfile.lock",
                "GEM\n  specs:\n    ok (1.0)\n    broken\n    (2.0)\n      orphan\n" + "x".repeat(70_000));
        assertEquals(1, lock.warnings().size(), lock.warnings().toString());
        assertEquals(List.of(), lock.packages()); // an endless line means it is not a lockfile at all
        Result partial = parse(new GemfileLockCataloger(), "Gemfile.lock", "GEM\n  specs:\n    ok (1.0)\n    broken\n");
        assertEquals(1, partial.packages().size());
        assertEquals(1, partial.warnings().size());
        Result spec = parse(new GemCataloger(), "specifications/x.gemspec", "Gem::Specification.new do |s|\nend\n");
        assertEquals(List.of(), spec.packages());
        assertEquals("gemspec.malformed", spec.warnings().get(0).code());
    }

    @Test
    void directoryScanOfDebianGemDirectories(@TempDir Path root) throws IOException {
        Path debian = Path.of("/usr/share/rubygems-integration/all/specifications");
        Path target = Files.createDirectories(root.resolve("usr/share/rubygems-integration/all/specifications"));
        try (Stream<Path> specs = Files.list(debian)) {
            for (Path p : specs.toList()) {
                Files.copy(p, target.resolve(p.getFileName()));
            }
        }
        Files.writeString(Files.createDirectories(root.resolve("srv/app")).resolve("Gemfile.lock"),
                "GEM\n  specs:\n    rack (2.2.4)\n");
        Inventory inv = new DirectoryScanner(List.of(new GemCataloger(), new GemfileLockCataloger())).scan(root);
        assertEquals(List.of(), inv.warnings());
        assertTrue(inv.packages().stream().anyMatch(p -> p.purl().startsWith("pkg:gem/rack@2.2.")
                && p.location().startsWith("usr/share/rubygems-integration/")));
        assertTrue(inv.packages().stream().anyMatch(p -> p.purl().equals("pkg:gem/rack@2.2.4")
                && p.location().equals("srv/app/Gemfile.lock")));
        assertFalse(new GemCataloger().wants("usr/share/doc/rack/rack.gemspec"));
    }
}
