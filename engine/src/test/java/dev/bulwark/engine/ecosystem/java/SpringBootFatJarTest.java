package dev.bulwark.engine.ecosystem.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import dev.bulwark.engine.scan.DirectoryScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spring Boot fat jar built in the test by Maven (spring-boot-maven-plugin repackage) from the tiny project in
 * {@code fatjar/}, compared with what {@code mvn dependency:list} says its runtime classpath is. Spring Boot leaves
 * starters out of {@code BOOT-INF/lib} (their manifest says {@code Spring-Boot-Jar-Type: dependencies-starter}), so
 * those are read from each jar with unzip and left out of the expectation.
 */
class SpringBootFatJarTest {
    private static MavenProjects.Built built;
    private static Catalogued catalogued;

    @BeforeAll
    static void build() throws Exception {
        built = MavenProjects.build("fatjar");
        catalogued = Catalogued.file(built.archive(), "app/" + built.archive().getFileName());
    }

    private static boolean isStarter(MavenProjects.Listed listed) throws Exception {
        Path jar = MavenProjects.inRepository(listed);
        String manifest = JavaTools.run(jar.getParent(), 60, "unzip", "-p", jar.toString(), "META-INF/MANIFEST.MF");
        return manifest.contains("Spring-Boot-Jar-Type: dependencies-starter");
    }

    @Test
    void catalogsExactlyTheRuntimeClasspathAndTheApplication() throws Exception {
        Set<String> expected = new TreeSet<>();
        for (MavenProjects.Listed l : built.runtime()) {
            if (!isStarter(l)) {
                expected.add(l.name() + "@" + l.version());
            }
        }
        assertTrue(expected.size() > 20, "dependency:list gave " + built.runtime());
        expected.add("dev.bulwark.fixture:fatjar-demo@1.0.0");
        Set<String> actual = catalogued.packages().stream().map(p -> p.name() + "@" + p.version())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual);
        assertEquals(List.of(), catalogued.warnings());
    }

    @Test
    void nestedJarsCarryTheirLocationAndTheSha1OfTheJarMavenDownloaded() throws Exception {
        String outer = "app/" + built.archive().getFileName();
        Map<String, Package> byName = catalogued.packages().stream()
                .collect(Collectors.toMap(Package::name, Function.identity()));
        int checked = 0;
        for (MavenProjects.Listed l : built.runtime()) {
            Package p = byName.get(l.name());
            if (p == null) {
                continue; // a starter, checked by the set comparison
            }
            Path jar = MavenProjects.inRepository(l);
            assertEquals(outer + "!/BOOT-INF/lib/" + jar.getFileName(), p.location(), l.name());
            assertEquals(JavaTools.sha1sum(jar), p.hashes().get("sha1"), l.name());
            boolean hasPomProperties = JavaTools.run(jar.getParent(), 60, "unzip", "-Z1", jar.toString())
                    .contains("/pom.properties");
            assertEquals(!hasPomProperties, p.has(PackageFlag.LOW_CONFIDENCE), l.name() + " confidence");
            checked++;
        }
        assertTrue(checked > 20);
        Package app = catalogued.only("dev.bulwark.fixture:fatjar-demo");
        assertEquals(outer, app.location());
        assertEquals(JavaTools.sha1sum(built.archive()), app.hashes().get("sha1"));
        assertFalse(app.has(PackageFlag.LOW_CONFIDENCE));
    }

    @Test
    void directoryScanFindsTheFatJarEndToEnd(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("opt/app"));
        Files.copy(built.archive(), dir.resolve("opt/app/app.jar"));
        Inventory inventory = new DirectoryScanner(List.of(new JavaCataloger())).scan(dir);
        Set<String> purls = inventory.packages().stream().map(Package::purl).collect(Collectors.toSet());
        for (MavenProjects.Listed l : built.runtime()) {
            if (!isStarter(l)) {
                assertTrue(purls.contains("pkg:maven/" + l.groupId() + "/" + l.artifactId() + "@" + l.version()),
                        l + " not in " + purls);
            }
        }
        assertTrue(purls.contains("pkg:maven/dev.bulwark.fixture/fatjar-demo@1.0.0"), purls.toString());
        assertEquals(catalogued.packages().size(), inventory.packages().size());
        assertTrue(inventory.packages().stream().allMatch(p -> p.location().startsWith("opt/app/app.jar")));
    }
}
