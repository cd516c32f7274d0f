package dev.bulwark.engine.ecosystem.java;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Guesses an archive's Maven coordinates from its {@code MANIFEST.MF} and file name, for jars built without Maven
 * metadata (Gradle and Ant builds). The result is weaker evidence than {@code pom.properties}: the manifest has no
 * groupId field, so the group comes from {@code Implementation-Vendor-Id}, an Ivy-style title
 * ({@code group#artifact;version}), the bundle's symbolic name, or a short list of well-known families.
 */
final class ManifestCoordinates {
    /** Families whose jars carry no Maven metadata and no group in the manifest; longest prefix first. */
    private static final String[][] KNOWN_GROUPS = {
        {"spring-boot", "org.springframework.boot"},
        {"spring-security-", "org.springframework.security"},
        {"spring-data-", "org.springframework.data"},
        {"spring-", "org.springframework"},
        {"tomcat-embed-", "org.apache.tomcat.embed"},
        {"micrometer-", "io.micrometer"},
        {"kotlin-", "org.jetbrains.kotlin"},
        {"kotlinx-", "org.jetbrains.kotlinx"},
    };

    private ManifestCoordinates() {
    }

    /**
     * The coordinates the manifest and the archive's file name suggest, or null when they name no version.
     *
     * @throws IOException when the manifest is malformed
     */
    static MavenCoordinates guess(byte[] manifest, String archivePath) throws IOException {
        Attributes main = manifest == null ? new Attributes() : new Manifest(new ByteArrayInputStream(manifest))
                .getMainAttributes();
        String stem = ArchiveNames.stem(archivePath);
        String title = main.getValue("Implementation-Title");
        MavenCoordinates ivy = ivyTitle(title);
        if (ivy != null) {
            return ivy;
        }
        String fileVersion = ArchiveNames.versionOf(stem);
        String declared = first(main.getValue("Implementation-Version"), main.getValue("Bundle-Version"),
                main.getValue("Specification-Version"));
        // Maven's version is the file name's; manifests often add build data (1.9.24-release-822)
        String version = fileVersion != null && (declared == null || declared.startsWith(fileVersion))
                ? fileVersion : declared;
        if (!MavenCoordinates.usable(version)) {
            return null;
        }
        String symbolic = symbolicName(main.getValue("Bundle-SymbolicName"));
        String artifact = fileVersion != null ? ArchiveNames.artifactOf(stem)
                : first(title, lastSegment(symbolic), stem);
        if (!MavenCoordinates.usable(artifact)) {
            return null;
        }
        String group = first(main.getValue("Implementation-Vendor-Id"), knownGroup(artifact),
                groupOf(symbolic, artifact));
        return new MavenCoordinates(MavenCoordinates.usable(group) ? group : null, artifact, version);
    }

    /** Gradle's Nebula plugins write {@code Implementation-Title: group#artifact;version}. */
    private static MavenCoordinates ivyTitle(String title) {
        if (title == null) {
            return null;
        }
        int hash = title.indexOf('#');
        int semi = title.indexOf(';', hash + 1);
        if (hash <= 0 || semi < 0) {
            return null;
        }
        String group = title.substring(0, hash);
        String artifact = title.substring(hash + 1, semi);
        String version = title.substring(semi + 1);
        return MavenCoordinates.usable(group) && MavenCoordinates.usable(artifact) && MavenCoordinates.usable(version)
                ? new MavenCoordinates(group, artifact, version) : null;
    }

    private static String symbolicName(String value) {
        if (value == null) {
            return null;
        }
        int semi = value.indexOf(';');
        return (semi < 0 ? value : value.substring(0, semi)).strip();
    }

    /** {@code org.apache.commons.lang3} with artifact {@code commons-lang3} gives {@code org.apache.commons}. */
    private static String groupOf(String symbolic, String artifact) {
        if (symbolic == null || symbolic.indexOf('.') < 0) {
            return null;
        }
        if (symbolic.endsWith("." + artifact)) {
            return symbolic.substring(0, symbolic.length() - artifact.length() - 1);
        }
        return symbolic.substring(0, symbolic.lastIndexOf('.'));
    }

    private static String knownGroup(String artifact) {
        for (String[] known : KNOWN_GROUPS) {
            if (artifact.startsWith(known[0])) {
                return known[1];
            }
        }
        return null;
    }

    private static String lastSegment(String symbolic) {
        return symbolic == null ? null : symbolic.substring(symbolic.lastIndexOf('.') + 1);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && MavenCoordinates.usable(v.strip())) {
                return v.strip();
            }
        }
        return null;
    }
}
