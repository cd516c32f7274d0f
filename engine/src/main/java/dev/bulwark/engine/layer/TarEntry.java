package dev.bulwark.engine.layer;

/**
 * One tar header, after GNU long names and PAX records are applied. {@code name} is exactly as stored (normalised
 * later by {@link LayerPaths}).
 */
public record TarEntry(String name, char typeFlag, long size, int mode, long uid, long gid, String linkName) {

    public boolean isRegularFile() {
        return typeFlag == '0' || typeFlag == '\0' || typeFlag == '7';
    }

    public boolean isDirectory() {
        return typeFlag == '5';
    }

    public boolean isSymlink() {
        return typeFlag == '2';
    }

    public boolean isHardlink() {
        return typeFlag == '1';
    }
}
