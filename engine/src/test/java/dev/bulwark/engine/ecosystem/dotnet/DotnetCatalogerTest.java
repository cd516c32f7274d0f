package dev.bulwark.engine.ecosystem.dotnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.Warning;
import dev.bulwark.engine.scan.DirectoryScanner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real deps.json and packages.lock.json files (see the README beside the fixtures for their source). */
class DotnetCatalogerTest {

    private record Result(List<Package> packages, List<Warning> warnings) {
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = DotnetCatalogerTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static Result parse(String path, byte[] content) throws IOException {
        List<Warning> warnings = new ArrayList<>();
        List<Package> packages = new DotnetCataloger().parse(new CatalogFile(path, content.length,
                new ByteArrayInputStream(content)), (c, m) -> warnings.add(new Warning(c, m)));
        return new Result(packages, warnings);
    }

    private static Set<String> describe(List<Package> packages) {
        Set<String> out = new TreeSet<>();
        packages.forEach(p -> out.add(p.name() + "@" + p.version() + " -> " + new TreeSet<>(p.dependsOn())));
        return out;
    }

    @Test
    void depsJsonPackagesNotProjects() throws IOException {
        Result r = parse("app/TestLibrary.deps.json", fixture("TestLibrary.deps.json"));
        assertEquals(List.of(), r.warnings());
        assertEquals(Set.of("AWSSDK.Core@3.7.10.6 -> []", "Newtonsoft.Json@13.0.1 -> []", "Serilog@2.10.0 -> []",
                "Serilog.Sinks.Console@4.0.1 -> [Serilog@2.10.0]"), describe(r.packages()));
        Package json = r.packages().stream().filter(p -> p.name().equals("Newtonsoft.Json")).findFirst().orElseThrow();
        assertEquals(HexFormat.of().formatHex(Base64.getDecoder().decode(
                "ppPFpBcvxdsfUonNcvITKqLl3bqxWbDCZIzDWHzjpdAHRFfZe0Dw9HmA0+za13IdyrgJwpkDTDA9fHaxOrt20A==")),
                json.hashes().get("sha512"));
    }

    @Test
    void packagesLockEveryFrameworkOncePerVersion() throws IOException {
        Result r = parse("src/packages.lock.json", fixture("packages.lock.json"));
        assertEquals(List.of(), r.warnings());
        assertEquals(Set.of("AutoMapper@13.0.1 -> [Microsoft.Extensions.Options@6.0.0]", "bootstrap@5.0.0 -> []",
                "log4net@2.0.5 -> []", "log4net@1.2.15 -> []",
                "Microsoft.Extensions.DependencyInjection.Abstractions@6.0.0 -> []",
                "Microsoft.Extensions.Options@6.0.0 -> [Microsoft.Extensions.DependencyInjection.Abstractions@6.0.0,"
                        + " Microsoft.Extensions.Primitives@6.0.0]",
                "Microsoft.Extensions.Primitives@6.0.0 -> [System.Runtime.CompilerServices.Unsafe@6.0.0]",
                "System.Runtime.CompilerServices.Unsafe@6.0.0 -> []"), describe(r.packages()));
        assertTrue(r.packages().stream().allMatch(p -> p.hashes().get("sha512").length() == 128));
    }

    @Test
    void malformedAndHostile() throws IOException {
        for (String bad : List.of("{", "[1,2]", "\"text\"", "[".repeat(5000), "{\"libraries\": {\"x\": 5}}")) {
            Result r = parse("a.deps.json", bad.getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of(), r.packages(), bad.substring(0, Math.min(20, bad.length())));
            assertTrue(r.warnings().size() <= 1);
        }
        Result lock = parse("packages.lock.json", "{\"dependencies\": {\"net8.0\": {\"x\": {\"resolved\": 1},"
                .concat("\"y\": {\"type\": \"Direct\", \"resolved\": \"1.0\", \"contentHash\": \"!!\"}}}}")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(Set.of("y@1.0 -> []"), describe(lock.packages()));
    }

    @Test
    void directoryScan(@TempDir Path root) throws IOException {
        Files.write(Files.createDirectories(root.resolve("app")).resolve("TestLibrary.deps.json"),
                fixture("TestLibrary.deps.json"));
        Files.write(Files.createDirectories(root.resolve("src/web")).resolve("packages.lock.json"),
                fixture("packages.lock.json"));
        Inventory inv = new DirectoryScanner(List.of(new DotnetCataloger())).scan(root);
        assertEquals(List.of(), inv.warnings());
        assertEquals(12, inv.packages().size());
        assertTrue(inv.packages().stream().anyMatch(p -> p.purl().equals("pkg:nuget/Newtonsoft.Json@13.0.1")));
        assertFalse(new DotnetCataloger().wants("app/appsettings.json"));
    }
}
