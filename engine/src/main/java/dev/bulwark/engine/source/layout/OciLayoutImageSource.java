package dev.bulwark.engine.source.layout;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.ImageSource;
import dev.bulwark.engine.image.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code oci:DIR[:TAG]}: an OCI image layout directory, as skopeo and umoci write them. */
public final class OciLayoutImageSource implements ImageSource {
    private final Path dir;
    private final String tag;
    private final Platform platform;

    public OciLayoutImageSource(Path dir, String tag, Platform platform) {
        this.dir = dir;
        this.tag = tag;
        this.platform = platform;
    }

    /** Parses {@code oci:DIR[:TAG]}: the whole of it is the directory if such a directory exists. */
    public static OciLayoutImageSource parse(String reference, Platform platform) {
        String rest = reference.substring("oci:".length());
        if (rest.isEmpty()) {
            throw new BulwarkException(ErrorKind.USAGE, "oci: needs a directory, as oci:DIR or oci:DIR:TAG");
        }
        if (Files.isDirectory(Path.of(rest))) {
            return new OciLayoutImageSource(Path.of(rest), null, platform);
        }
        int colon = rest.lastIndexOf(':');
        if (colon > 0 && colon < rest.length() - 1) {
            return new OciLayoutImageSource(Path.of(rest.substring(0, colon)), rest.substring(colon + 1), platform);
        }
        return new OciLayoutImageSource(Path.of(rest), null, platform);
    }

    @Override
    public Image open() {
        if (!Files.isDirectory(dir)) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, dir + ": no such directory");
        }
        DirectoryBlobStore store = new DirectoryBlobStore(dir);
        try {
            if (!OciLayout.isLayout(store)) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, dir + ": not an OCI image layout (no oci-layout"
                        + " and index.json)");
            }
            return OciLayout.open(store, describe(), tag, platform, null);
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "oci:" + dir + (tag == null ? "" : ":" + tag);
    }
}
