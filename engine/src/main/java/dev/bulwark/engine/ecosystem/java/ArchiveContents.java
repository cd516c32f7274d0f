package dev.bulwark.engine.ecosystem.java;

import dev.bulwark.engine.catalog.WarningSink;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/** What one archive says about itself: its Maven {@code pom.properties} coordinates, its manifest, its entry count. */
final class ArchiveContents {
    static final String MANIFEST = "META-INF/MANIFEST.MF";

    final Set<MavenCoordinates> poms = new LinkedHashSet<>();
    byte[] manifest;
    int entries;

    /** Records one {@code pom.properties} read from {@code path!/name}, warning when it is unusable. */
    void pom(String path, String name, byte[] data, WarningSink warnings) {
        try {
            MavenCoordinates c = PomProperties.parse(data);
            if (c != null) {
                poms.add(c);
            } else {
                warnings.warn("java.incomplete-pom-properties", path + "!/" + name
                        + ": no usable groupId, artifactId and version");
            }
        } catch (IOException x) {
            warnings.warn("java.malformed-pom-properties", path + "!/" + name + ": " + ArchiveWalker.oneLine(x));
        }
    }
}
