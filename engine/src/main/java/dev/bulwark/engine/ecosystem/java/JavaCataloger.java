package dev.bulwark.engine.ecosystem.java;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Java (Maven) packages: jar, war, ear and par archives with the archives nested in them (Spring Boot
 * {@code BOOT-INF/lib}, {@code WEB-INF/lib}, jars in jars), loose {@code META-INF/maven/**}{@code /pom.properties}
 * of exploded archives, and in project directories {@code gradle.lockfile} and the explicitly versioned
 * dependencies of {@code pom.xml}. Packages are named {@code groupId:artifactId}; an archive's packages carry its
 * SHA-1, and nested ones are located as {@code outer.jar!/BOOT-INF/lib/inner.jar}.
 */
public final class JavaCataloger implements Cataloger {
    static final String NAME = "java";
    static final int MAX_POM_XML = 8 << 20;

    private final ArchiveLimits limits;

    public JavaCataloger() {
        this(ArchiveLimits.DEFAULTS);
    }

    JavaCataloger(ArchiveLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(String path) {
        if (ArchiveNames.isArchive(path)) {
            return true;
        }
        if (path.endsWith("pom.xml")) {
            return isBase(path, "pom.xml") && !path.contains("META-INF/maven/");
        }
        if (path.endsWith(".lockfile")) {
            return isBase(path, "gradle.lockfile") || path.contains("gradle/dependency-locks/");
        }
        return path.endsWith("/pom.properties") && ArchiveNames.isPomProperties(path);
    }

    @Override
    public List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException {
        String path = file.path();
        if (ArchiveNames.isArchive(path)) {
            return ArchiveWalker.walk(path, file.content(), limits, warnings, NAME);
        }
        if (path.endsWith("pom.xml")) {
            return pomXml(file, warnings);
        }
        if (path.endsWith(".lockfile")) {
            String configuration = isBase(path, "gradle.lockfile") ? null : ArchiveNames.baseName(path)
                    .replace(".lockfile", "");
            List<Package> packages = new ArrayList<>();
            for (GradleLockfileParser.Locked l : GradleLockfileParser.parse(file.content(), path, configuration,
                    warnings)) {
                packages.add(pkg(l.coordinates(), path, l.developmentOnly()));
            }
            return packages;
        }
        return looseProperties(file, warnings);
    }

    private List<Package> pomXml(CatalogFile file, WarningSink warnings) throws IOException {
        if (file.size() > MAX_POM_XML) {
            warnings.warn("java.oversized-pom", file.path() + " is " + file.size() + " bytes, over " + MAX_POM_XML);
            return List.of();
        }
        List<Package> packages = new ArrayList<>();
        for (PomXmlParser.Declared d : PomXmlParser.parse(file.readAll(MAX_POM_XML), file.path(), warnings)) {
            packages.add(pkg(d.coordinates(), file.path(), "test".equals(d.scope())));
        }
        return packages;
    }

    private List<Package> looseProperties(CatalogFile file, WarningSink warnings) throws IOException {
        byte[] data = file.content().readNBytes(limits.maxMetadataBytes() + 1);
        if (data.length > limits.maxMetadataBytes()) {
            warnings.warn("java.oversized-metadata", file.path() + " is over " + limits.maxMetadataBytes()
                    + " bytes; not read");
            return List.of();
        }
        try {
            MavenCoordinates c = PomProperties.parse(data);
            if (c == null) {
                warnings.warn("java.incomplete-pom-properties", file.path()
                        + ": no usable groupId, artifactId and version");
                return List.of();
            }
            return List.of(pkg(c, file.path(), false));
        } catch (IOException e) {
            warnings.warn("java.malformed-pom-properties", file.path() + ": " + ArchiveWalker.oneLine(e));
            return List.of();
        }
    }

    private static Package pkg(MavenCoordinates c, String path, boolean development) {
        return new Package("maven", c.packageName(), c.version(), null, null, null, List.of(), NAME, path, null, null,
                null, null, development ? Set.of(PackageFlag.DEVELOPMENT) : Set.of(), null);
    }

    private static boolean isBase(String path, String base) {
        return path.equals(base) || path.endsWith("/" + base);
    }
}
