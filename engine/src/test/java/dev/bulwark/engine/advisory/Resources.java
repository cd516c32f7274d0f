package dev.bulwark.engine.advisory;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test fixtures under {@code src/test/resources/advisory}. */
public final class Resources {
    private Resources() {
    }

    public static Path advisory(String name) {
        try {
            return Path.of(Resources.class.getResource("/advisory/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
