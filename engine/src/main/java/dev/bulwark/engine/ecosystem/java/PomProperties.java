package dev.bulwark.engine.ecosystem.java;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Reads the coordinates Maven's archiver writes to {@code META-INF/maven/GROUP/ARTIFACT/pom.properties}. */
final class PomProperties {
    private PomProperties() {
    }

    /**
     * The coordinates in {@code content}, or null when groupId, artifactId or version is missing or unusable.
     *
     * @throws IOException when the content is not a properties file (a malformed unicode escape)
     */
    static MavenCoordinates parse(byte[] content) throws IOException {
        Properties p = new Properties();
        try {
            // Maven writes ISO-8859-1 with escapes, as Properties.store does; UTF-8 reading keeps ASCII identical
            p.load(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException("not a properties file: " + e.getMessage(), e);
        }
        String group = trimmed(p.getProperty("groupId"));
        String artifact = trimmed(p.getProperty("artifactId"));
        String version = trimmed(p.getProperty("version"));
        if (!MavenCoordinates.usable(group) || !MavenCoordinates.usable(artifact)
                || !MavenCoordinates.usable(version)) {
            return null;
        }
        return new MavenCoordinates(group, artifact, version);
    }

    private static String trimmed(String value) {
        return value == null ? null : value.strip();
    }
}
