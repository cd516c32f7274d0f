package dev.bulwark.cli;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.cache.LayerCache;
import dev.bulwark.engine.image.ImageSource;
import dev.bulwark.engine.image.Platform;
import dev.bulwark.engine.source.archive.ArchiveImageSource;
import dev.bulwark.engine.source.layout.OciLayoutImageSource;
import java.nio.file.Path;

/** Chooses the image source from the flags and the form of the reference, as users of skopeo and trivy expect. */
final class ImageSources {
    private ImageSources() {
    }

    static ImageSource resolve(ParsedArgs args, Platform platform, LayerCache cache, Io io) {
        String ref = args.positional();
        String input = args.value("--input");
        if (input != null) {
            if (ref != null) {
                throw new BulwarkException(ErrorKind.USAGE, "give either --input FILE or REF, not both");
            }
            return new ArchiveImageSource(Path.of(input), platform);
        }
        if (ref == null || ref.isBlank()) {
            throw new BulwarkException(ErrorKind.USAGE, "name an image: bulwark image REF, or --input FILE");
        }
        if (args.flag("--engine")) {
            throw new BulwarkException(ErrorKind.USAGE, "--engine is not available in this build");
        }
        if (ref.startsWith("oci:")) {
            return OciLayoutImageSource.parse(ref, platform);
        }
        if (ref.startsWith("docker-archive:") || ref.startsWith("oci-archive:")) {
            return new ArchiveImageSource(Path.of(ref.substring(ref.indexOf(':') + 1)), platform);
        }
        throw new BulwarkException(ErrorKind.USAGE, "registry references are not available in this build");
    }
}
