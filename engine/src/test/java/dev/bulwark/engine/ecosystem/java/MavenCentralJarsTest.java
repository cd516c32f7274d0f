package dev.bulwark.engine.ecosystem.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Real artifacts from Maven Central, fetched by Maven into the fixture repository: their coordinates are the ones
 * fetched, their SHA-1 what sha1sum says, and a shaded jar (built by maven-shade-plugin from {@code shaded/}) holds
 * one package per module {@code mvn dependency:list} resolved, plus its own.
 */
class MavenCentralJarsTest {

    private static Package single(String coordinates) throws Exception {
        Path jar = JavaTools.fetch(coordinates);
        Catalogued c = Catalogued.file(jar, "usr/share/java/" + jar.getFileName());
        assertEquals(List.of(), c.warnings());
        assertEquals(1, c.packages().size(), c.packages().toString());
        Package p = c.packages().get(0);
        String[] gav = coordinates.split(":");
        assertEquals("maven", p.type());
        assertEquals(gav[0] + ":" + gav[1], p.name());
        assertEquals(gav[2], p.version());
        assertEquals("usr/share/java/" + jar.getFileName(), p.location());
        assertEquals(JavaTools.sha1sum(jar), p.hashes().get("sha1"));
        // Maven checked the download against Central's .sha1 file and kept it beside the jar
        assertEquals(Files.readString(jar.resolveSibling(jar.getFileName() + ".sha1")).strip().substring(0, 40),
                p.hashes().get("sha1"));
        return p;
    }

    @Test
    void log4jCore() throws Exception {
        assertFalse(single("org.apache.logging.log4j:log4j-core:2.14.1").has(PackageFlag.LOW_CONFIDENCE));
    }

    @Test
    void jacksonDatabind() throws Exception {
        assertFalse(single("com.fasterxml.jackson.core:jackson-databind:2.17.2").has(PackageFlag.LOW_CONFIDENCE));
    }

    @Test
    void gradleBuiltJarFallsBackToItsManifest() throws Exception {
        Path jar = JavaTools.fetch("org.jetbrains.kotlin:kotlin-stdlib:1.9.24");
        assertFalse(JavaTools.run(jar.getParent(), 60, "unzip", "-Z1", jar.toString()).contains("pom.properties"),
                "the fixture must be a jar without Maven metadata");
        assertTrue(single("org.jetbrains.kotlin:kotlin-stdlib:1.9.24").has(PackageFlag.LOW_CONFIDENCE));
    }

    @Test
    void shadedJarYieldsEveryShadedModule() throws Exception {
        MavenProjects.Built built = MavenProjects.build("shaded");
        Catalogued c = Catalogued.file(built.archive(), "app/" + built.archive().getFileName());
        assertEquals(List.of(), c.warnings());
        Set<String> expected = built.runtime().stream().map(l -> l.name() + "@" + l.version())
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(expected.size() >= 3, built.runtime().toString());
        expected.add("dev.bulwark.fixture:shaded-demo@2.0.0");
        Set<String> actual = c.packages().stream().map(p -> p.name() + "@" + p.version())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual);
        // and the same set as the pom.properties files unzip finds in the jar
        Path jar = built.archive();
        Set<String> unzipped = new TreeSet<>();
        for (String entry : JavaTools.run(jar.getParent(), 60, "unzip", "-Z1", jar.toString()).split("\n")) {
            if (entry.endsWith("/pom.properties")) {
                Properties p = new Properties();
                p.load(new java.io.StringReader(JavaTools.run(jar.getParent(), 60, "unzip", "-p", jar.toString(),
                        entry)));
                unzipped.add(p.getProperty("groupId") + ":" + p.getProperty("artifactId") + "@"
                        + p.getProperty("version"));
            }
        }
        assertEquals(unzipped, actual);
        String sha1 = JavaTools.sha1sum(jar);
        assertTrue(c.packages().stream().allMatch(p -> sha1.equals(p.hashes().get("sha1"))));
    }
}
