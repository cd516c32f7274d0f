package dev.bulwark.engine.ecosystem.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Project files: a pom.xml whose direct dependencies Maven itself lists ({@code dependency:list
 * -DexcludeTransitive}), a real gradle.lockfile (see the fixture's README), and hostile XML and lockfiles.
 */
class ProjectFilesTest {

    @Test
    void pomXmlDirectDependenciesMatchMaven(@TempDir Path dir) throws Exception {
        String pom = MavenProjects.resource("pomxml/pom.xml");
        Path listed = JavaTools.fixture("java-pomxml-list", JavaTools.hash(pom), into -> {
            Files.writeString(into.resolve("pom.xml"), pom);
            JavaTools.mvn(into, JavaTools.DEPENDENCY_PLUGIN + ":list", "-DexcludeTransitive=true",
                    "-DoutputFile=" + into.resolve("list.txt"));
        });
        Set<String> expected = new TreeSet<>();
        Set<String> expectedDevelopment = new TreeSet<>();
        for (MavenProjects.Listed l : MavenProjects.parse(Files.readAllLines(listed.resolve("list.txt")))) {
            expected.add(l.name() + "@" + l.version());
            if (l.scope().equals("test")) {
                expectedDevelopment.add(l.name());
            }
        }
        assertEquals(4, expected.size(), expected.toString());
        Catalogued c = Catalogued.bytes(new JavaCataloger(), "src/app/pom.xml", pom.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), c.warnings());
        assertEquals(expected, c.packages().stream().map(p -> p.name() + "@" + p.version())
                .collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(expectedDevelopment, c.packages().stream().filter(p -> p.has(PackageFlag.DEVELOPMENT))
                .map(Package::name).collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(c.packages().stream().allMatch(p -> p.location().equals("src/app/pom.xml")));
    }

    private static Catalogued pom(String xml) throws Exception {
        return Catalogued.bytes(new JavaCataloger(), "pom.xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static final String DEPENDENCY = "<project><dependencies><dependency><groupId>g</groupId>"
            + "<artifactId>a</artifactId><version>%s</version></dependency></dependencies></project>";

    @Test
    void unresolvablePropertiesAndRangesAreSkipped() throws Exception {
        assertEquals(List.of("java.pom-unresolved-version"), pom(DEPENDENCY.formatted("${other.version}")).codes());
        assertEquals(List.of("java.pom-version-range"), pom(DEPENDENCY.formatted("[1.0,2.0)")).codes());
        Catalogued selfRef = pom("<project><version>7</version>" + DEPENDENCY.formatted("${project.version}")
                .substring("<project>".length()));
        assertEquals("7", selfRef.only("g:a").version());
        Catalogued loop = pom("<project><properties><a>${b}</a><b>${a}</b></properties>"
                + DEPENDENCY.formatted("${a}").substring("<project>".length()));
        assertEquals(List.of("java.pom-unresolved-version"), loop.codes());
    }

    @Test
    void externalEntitiesAndEntityExpansionAreRefused() throws Exception {
        Catalogued xxe = pom("<?xml version=\"1.0\"?><!DOCTYPE project [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + DEPENDENCY.formatted("&x;"));
        assertEquals(List.of(), xxe.packages());
        assertEquals(List.of("java.malformed-pom"), xxe.codes());
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE project [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        laughs.append("]>").append(DEPENDENCY.formatted("&l9;"));
        Catalogued bomb = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> pom(laughs.toString()));
        assertEquals(List.of(), bomb.packages());
        assertEquals(List.of("java.malformed-pom"), bomb.codes());
        assertEquals(List.of("java.malformed-pom"), pom("<project><dependencies>").codes());
        assertEquals(List.of("java.malformed-pom"), pom("<a>".repeat(100)).codes());
    }

    @Test
    void realGradleLockfile() throws Exception {
        String lockfile = MavenProjects.resource("gradle/gradle.lockfile");
        Catalogued c = Catalogued.bytes(new JavaCataloger(), "gradle.lockfile",
                lockfile.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), c.warnings());
        long modules = lockfile.lines().filter(l -> !l.startsWith("#") && !l.startsWith("empty=") && !l.isBlank())
                .count();
        assertEquals(modules, c.packages().size());
        Package guava = c.only("com.google.guava:guava");
        assertEquals("31.1-jre", guava.version());
        assertTrue(guava.has(PackageFlag.DEVELOPMENT), "checkstyle tooling only");
        assertFalse(c.only("com.google.code.findbugs:jsr305").has(PackageFlag.DEVELOPMENT));
        assertFalse(c.only("org.eclipse.jdt:org.eclipse.jdt.annotation").has(PackageFlag.DEVELOPMENT));
        assertTrue(c.only("org.junit.jupiter:junit-jupiter-engine").has(PackageFlag.DEVELOPMENT));
        assertEquals(2, c.packages().stream().filter(p -> !p.has(PackageFlag.DEVELOPMENT)).count());
    }

    @Test
    void hostileLockfiles() throws Exception {
        Catalogued c = Catalogued.bytes(new JavaCataloger(), "gradle.lockfile",
                ("a:b:1=runtimeClasspath\nnot a module line\nc:d=x\n" + "x".repeat(100_000) + "\ne:f:2\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("java.malformed-lockfile-line", "java.malformed-lockfile-line",
                "java.malformed-lockfile"), c.codes());
        assertEquals(List.of("a:b"), c.packages().stream().map(Package::name).toList());
        Catalogued old = Catalogued.bytes(new JavaCataloger(), "gradle/dependency-locks/testRuntimeClasspath.lockfile",
                "a:b:1\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(old.only("a:b").has(PackageFlag.DEVELOPMENT));
    }

    @Test
    void wantsOnlyItsFiles() {
        JavaCataloger j = new JavaCataloger();
        for (String yes : List.of("a.jar", "opt/x/App.WAR", "srv/e.ear", "p.par", "pom.xml", "src/pom.xml",
                "gradle.lockfile", "m/gradle.lockfile", "gradle/dependency-locks/compileClasspath.lockfile",
                "webapps/ROOT/META-INF/maven/g/a/pom.properties")) {
            assertTrue(j.wants(yes), yes);
        }
        for (String no : List.of("jar", ".jar.txt", "a.jarx", "mypom.xml", "x.lockfile",
                "buildscript-gradle.lockfile", "META-INF/maven/g/a/pom.xml", "pom.properties")) {
            assertFalse(j.wants(no), no);
        }
    }
}
