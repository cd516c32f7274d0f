package dev.bulwark.engine.finding;

/**
 * Where a finding was seen.
 *
 * @param path the file (relative, no leading slash) or, for image configuration, {@code config:Env} and the like
 * @param startLine first line, 1-based, or 0 when lines do not apply
 * @param endLine last line, 1-based, or 0
 * @param layer the diffID of the image layer holding the file, or null outside images
 * @param resource the object inside the file the finding is about ({@code Deployment/default/web}, a Dockerfile
 *     stage name, a container name), or null
 */
public record Location(String path, int startLine, int endLine, String layer, String resource) {

    public Location {
        if (startLine < 0 || endLine < 0) {
            throw new IllegalArgumentException("negative line number");
        }
    }

    public static Location file(String path) {
        return new Location(path, 0, 0, null, null);
    }

    public static Location lines(String path, int start, int end) {
        return new Location(path, start, end, null, null);
    }

    public Location withLayer(String diffId) {
        return new Location(path, startLine, endLine, diffId, resource);
    }

    public Location withResource(String name) {
        return new Location(path, startLine, endLine, layer, name);
    }
}
