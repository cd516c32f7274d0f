package dev.bulwark.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's shape, enforced: it has no faces (no CLI, HTTP server, JDBC or report code), ecosystems do not know
 * each other, image sources do not know the scanner, and the packages form no cycles.
 */
@AnalyzeClasses(packages = "dev.bulwark.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

    @ArchTest
    static final ArchRule engineHasNoFaces = noClasses().that().resideInAPackage("dev.bulwark.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "picocli..", "dev.bulwark.cli..", "dev.bulwark.report..",
                    "java.sql..", "javax.sql..", "com.sun.net.httpserver..", "jakarta.servlet..", "javax.servlet..",
                    "org.eclipse.jetty..", "io.undertow..", "io.netty..")
            .because("the engine is shared by every face: CLI, server, admission webhook and agent");

    @ArchTest
    static final ArchRule ecosystemsAreIndependent = slices().matching("dev.bulwark.engine.ecosystem.(*)..")
            .should().notDependOnEachOther()
            .because("adding an ecosystem is one new package");

    @ArchTest
    static final ArchRule sourcesDoNotKnowTheScanner = noClasses().that()
            .resideInAPackage("dev.bulwark.engine.source..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.bulwark.engine.scan..",
                    "dev.bulwark.engine.ecosystem..", "dev.bulwark.engine.tree..")
            .because("an image source only delivers manifests, configs and blobs");

    @ArchTest
    static final ArchRule catalogersDoNotKnowSourcesOrTheScanner = noClasses().that()
            .resideInAPackage("dev.bulwark.engine.ecosystem..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.bulwark.engine.source..",
                    "dev.bulwark.engine.scan..", "dev.bulwark.engine.cache..")
            .because("a cataloger sees files, never where they came from");

    @ArchTest
    static final ArchRule noCycles = slices().matching("dev.bulwark.engine.(*)..").should().beFreeOfCycles();
}
