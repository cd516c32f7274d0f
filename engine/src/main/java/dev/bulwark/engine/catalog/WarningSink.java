package dev.bulwark.engine.catalog;

/**
 * Where catalogers report what they skipped and, for OS package databases, which files an OS package installed.
 */
@FunctionalInterface
public interface WarningSink {
    void warn(String code, String message);

    /**
     * Records that {@code path} (relative to the root, no leading slash) was installed by the OS package
     * {@code owner} ({@code deb/python3-yaml}). Language packages read from such files are marked as owned by it.
     * Sinks that do not track ownership ignore this.
     */
    default void owns(String path, String owner) {
    }
}
