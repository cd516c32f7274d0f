package dev.bulwark.engine.ecosystem.java;

/** What a path names: a Java archive, Maven metadata, and the artifact and version a jar's file name carries. */
final class ArchiveNames {
    private static final String[] ARCHIVE_SUFFIXES = {".jar", ".war", ".ear", ".par"};

    private ArchiveNames() {
    }

    static boolean isArchive(String path) {
        int len = path.length();
        if (len < 5 || path.charAt(len - 4) != '.') {
            return false;
        }
        for (String suffix : ARCHIVE_SUFFIXES) {
            if (path.regionMatches(true, len - 4, suffix, 0, 4)) {
                return true;
            }
        }
        return false;
    }

    /** {@code META-INF/maven/GROUP/ARTIFACT/pom.properties}, at the root or under a classes directory. */
    static boolean isPomProperties(String path) {
        return path.endsWith("/pom.properties") && path.contains("META-INF/maven/");
    }

    static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The file name without directories and archive suffix: {@code lib/foo-1.2.jar} gives {@code foo-1.2}. */
    static String stem(String path) {
        String base = baseName(path);
        return isArchive(base) ? base.substring(0, base.length() - 4) : base;
    }

    /** The artifactId part of {@code artifact-1.2.3}: everything before the first {@code -} followed by a digit. */
    static String artifactOf(String stem) {
        int cut = versionStart(stem);
        return cut < 0 ? stem : stem.substring(0, cut - 1);
    }

    /** The version part of {@code artifact-1.2.3}, or null when the name carries none. */
    static String versionOf(String stem) {
        int cut = versionStart(stem);
        return cut < 0 ? null : stem.substring(cut);
    }

    private static int versionStart(String stem) {
        for (int i = 1; i < stem.length() - 1; i++) {
            if (stem.charAt(i) == '-' && Character.isDigit(stem.charAt(i + 1))) {
                return i + 1;
            }
        }
        return -1;
    }
}
