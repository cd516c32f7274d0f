package dev.bulwark.engine.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.ecosystem.VersionSchemes;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionSchemeContractTest {

    @Test
    void osvEcosystemsAndPackageTypesMapToSchemes() {
        assertEquals("dpkg", VersionSchemes.forEcosystem("Debian:12").orElseThrow().name());
        assertEquals("dpkg", VersionSchemes.forEcosystem("Ubuntu:22.04:LTS").orElseThrow().name());
        assertEquals("apk", VersionSchemes.forEcosystem("Alpine:v3.20").orElseThrow().name());
        assertEquals("rpm", VersionSchemes.forEcosystem("AlmaLinux:9").orElseThrow().name());
        assertEquals("rpm", VersionSchemes.forEcosystem("Rocky Linux:9").orElseThrow().name());
        assertEquals("rpm", VersionSchemes.forEcosystem("Red Hat:enterprise_linux:9::appstream").orElseThrow().name());
        assertEquals("maven", VersionSchemes.forEcosystem("Maven").orElseThrow().name());
        assertEquals("npm", VersionSchemes.forEcosystem("npm").orElseThrow().name());
        assertEquals("pep440", VersionSchemes.forEcosystem("PyPI").orElseThrow().name());
        assertEquals("go", VersionSchemes.forEcosystem("Go").orElseThrow().name());
        assertEquals("cargo", VersionSchemes.forEcosystem("crates.io").orElseThrow().name());
        assertEquals("gem", VersionSchemes.forEcosystem("RubyGems").orElseThrow().name());
        assertEquals("nuget", VersionSchemes.forEcosystem("NuGet").orElseThrow().name());
        assertEquals("composer", VersionSchemes.forEcosystem("Packagist").orElseThrow().name());
        assertTrue(VersionSchemes.forEcosystem("Hackage").isEmpty());
        assertTrue(VersionSchemes.forEcosystem(null).isEmpty());
        for (String type : List.of("deb", "rpm", "apk", "maven", "npm", "pypi", "golang", "cargo", "gem", "nuget",
                "composer")) {
            assertTrue(VersionSchemes.forPackageType(type).isPresent(), type);
        }
        assertTrue(VersionSchemes.forPackageType("generic").isEmpty());
        assertEquals(11, VersionSchemes.all().stream().map(VersionScheme::name).distinct().count());
    }

    @Test
    void hostileTextIsInvalidNeverACrash() {
        String huge = "1.".repeat(100_000) + "0";
        List<String> hostile = List.of("", " ", "\u0000", "..", "--", "-", ":", "~", "^", "+", "v", "1:", ":1",
                "99999999999999999999999999:1", "1.0-", "\uD800", "1 2", huge, "x".repeat(5000),
                "1" + "0".repeat(400), "1.0.0-" + "a.".repeat(300) + "a");
        for (VersionScheme scheme : VersionSchemes.all()) {
            for (String text : hostile) {
                long start = System.nanoTime();
                scheme.parse(text).ifPresent(v -> assertEquals(0, v.compareTo(v), scheme + " " + text));
                assertTrue(System.nanoTime() - start < 1_000_000_000L, scheme + " took too long on hostile text");
            }
            assertFalse(scheme.isValid(null), scheme.name());
            assertFalse(scheme.isValid(huge), scheme.name());
            InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> scheme.compare(huge, "1.0"));
            assertEquals(scheme.name(), e.scheme());
            assertTrue(e.getMessage().length() < 200, "one short line");
        }
    }

    @Test
    void versionsOfDifferentSchemesDoNotCompare() {
        Version deb = VersionSchemes.forPackageType("deb").orElseThrow().parse("1.0").orElseThrow();
        Version rpm = VersionSchemes.forPackageType("rpm").orElseThrow().parse("1.0").orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> deb.compareTo(rpm));
    }

    @Test
    void semverPrecedenceFollowsTheSpecExample() {
        // The ordering example of semver.org section 11, in order.
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1");
        for (int i = 0; i + 1 < ordered.size(); i++) {
            assertTrue(SemVer.parse(ordered.get(i)).compareTo(SemVer.parse(ordered.get(i + 1))) < 0, ordered.get(i));
        }
        assertEquals(0, SemVer.parse("1.0.0+a").compareTo(SemVer.parse("1.0.0+b")));
        for (String bad : List.of("01.0.0", "1.0", "1.0.0-01", "1.0.0-", "1.0.0+", "v1.0.0", "1.0.0-a..b")) {
            assertEquals(null, SemVer.parse(bad), bad);
        }
    }
}
