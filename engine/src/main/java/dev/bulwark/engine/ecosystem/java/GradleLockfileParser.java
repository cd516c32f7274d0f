package dev.bulwark.engine.ecosystem.java;

import dev.bulwark.engine.catalog.LineReader;
import dev.bulwark.engine.catalog.WarningSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Gradle dependency-locking files: {@code gradle.lockfile} (Gradle 6.4+), one {@code group:name:version=conf,...}
 * line per locked module, and the older per-configuration {@code gradle/dependency-locks/CONF.lockfile}, one
 * {@code group:name:version} per line. A module that no main compile or runtime classpath uses (only test, tooling
 * such as checkstyle or jacoco, or annotation processors) is development-only.
 */
final class GradleLockfileParser {
    static final int MAX_LINE = 64 << 10;
    static final int MAX_ENTRIES = 100_000;

    /** One locked module and whether only test or build-tool configurations use it. */
    record Locked(MavenCoordinates coordinates, boolean developmentOnly) {
    }

    private GradleLockfileParser() {
    }

    /** @param configuration the configuration the whole file locks (older format), or null for gradle.lockfile */
    static List<Locked> parse(InputStream in, String path, String configuration, WarningSink warnings)
            throws IOException {
        LineReader lines = new LineReader(in, MAX_LINE);
        List<Locked> locked = new ArrayList<>();
        String line;
        try {
            while ((line = lines.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("empty=")) {
                    continue;
                }
                if (locked.size() == MAX_ENTRIES) {
                    warnings.warn("java.lockfile-too-large", path + ": more than " + MAX_ENTRIES
                            + " locked modules; the rest is not read");
                    break;
                }
                Locked entry = entry(line, configuration);
                if (entry == null) {
                    warnings.warn("java.malformed-lockfile-line", path + ":" + lines.lineNumber()
                            + ": not group:name:version[=configurations]");
                } else {
                    locked.add(entry);
                }
            }
        } catch (LineReader.LineTooLongException e) {
            warnings.warn("java.malformed-lockfile", path + ": " + e.getMessage() + "; the rest is not read");
        }
        return locked;
    }

    private static Locked entry(String line, String configuration) {
        int eq = line.indexOf('=');
        String coordinates = eq < 0 ? line : line.substring(0, eq);
        String[] parts = coordinates.split(":", -1);
        if (parts.length != 3 || !MavenCoordinates.usable(parts[0]) || !MavenCoordinates.usable(parts[1])
                || !MavenCoordinates.usable(parts[2])) {
            return null;
        }
        boolean shipped = false;
        if (eq < 0) {
            shipped = configuration == null || isShipped(configuration);
        } else {
            for (String conf : line.substring(eq + 1).split(",")) {
                shipped |= isShipped(conf.strip());
            }
        }
        return new Locked(new MavenCoordinates(parts[0], parts[1], parts[2]), !shipped);
    }

    /** {@code compileClasspath}, {@code runtimeClasspath}, and their variants outside test source sets. */
    private static boolean isShipped(String configuration) {
        return (configuration.endsWith("untimeClasspath") || configuration.endsWith("ompileClasspath"))
                && !configuration.startsWith("test") && !configuration.contains("Test");
    }
}
