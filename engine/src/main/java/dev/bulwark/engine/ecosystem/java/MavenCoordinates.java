package dev.bulwark.engine.ecosystem.java;

/** A Maven artifact's identity; {@code groupId} is null when the evidence (a bare manifest) does not say it. */
record MavenCoordinates(String groupId, String artifactId, String version) {

    /** The package name Bulwark uses for maven: {@code groupId:artifactId}, or the artifactId alone. */
    String packageName() {
        return groupId == null ? artifactId : groupId + ":" + artifactId;
    }

    static boolean usable(String value) {
        if (value == null || value.isEmpty() || value.length() > 256) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == ':' || c == '$' || c == '{' || c == '}' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
