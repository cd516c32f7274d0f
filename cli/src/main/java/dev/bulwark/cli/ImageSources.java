package dev.bulwark.cli;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.cache.LayerCache;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.ImageSource;
import dev.bulwark.engine.source.daemon.EngineEndpoint;
import dev.bulwark.engine.source.daemon.EngineImageSource;
import dev.bulwark.engine.image.Platform;
import dev.bulwark.engine.source.archive.ArchiveImageSource;
import dev.bulwark.engine.source.layout.OciLayoutImageSource;
import dev.bulwark.engine.source.registry.RegistryImageSource;
import dev.bulwark.engine.source.registry.RegistryOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        if (args.value("--engine-host") != null && !args.flag("--engine")) {
            throw new BulwarkException(ErrorKind.USAGE, "--engine-host goes with --engine");
        }
        if (args.flag("--engine")) {
            return engine(ref, args.value("--engine-host"), cache);
        }
        if (isLocal(ref)) {
            return local(ref, platform);
        }
        return registry(ref, args, platform, io);
    }

    /** Whether {@code ref} names a layout or an archive rather than a registry image. */
    static boolean isLocal(String ref) {
        return ref.startsWith("oci:") || ref.startsWith("docker-archive:") || ref.startsWith("oci-archive:");
    }

    private static ImageSource local(String ref, Platform platform) {
        if (ref.startsWith("oci:")) {
            return OciLayoutImageSource.parse(ref, platform);
        }
        return new ArchiveImageSource(Path.of(ref.substring(ref.indexOf(':') + 1)), platform);
    }

    /**
     * A second image named in a file (a golden base's {@code reference}): a layout, an archive or a registry image,
     * read with the registry flags --ca-cert, --insecure and --authfile but not --username, whose password belongs
     * to the scanned image and can be read from standard input only once.
     */
    static ImageSource other(String ref, ParsedArgs args, Platform platform) {
        if (isLocal(ref)) {
            return local(ref, platform);
        }
        return new RegistryImageSource(connection(ref, args).withPlatform(platform));
    }

    /**
     * An engine image is exported (a full copy through the API) only when some layer is not in the cache: with
     * everything cached, one inspect call is the whole conversation. Exported layers are plain tars, so a layer's
     * blob digest is its diffID.
     */
    private static ImageSource engine(String ref, String host, LayerCache cache) {
        Path spool = cache != null ? cache.tempDirectory() : Path.of(System.getProperty("java.io.tmpdir"));
        EngineImageSource source = host != null
                ? new EngineImageSource(ref, EngineEndpoint.parse(host), spool)
                : EngineImageSource.fromEnvironment(ref, spool);
        return new ImageSource() {
            @Override
            public Image open() {
                boolean cached = cache != null && source.diffIds().stream().allMatch(d -> cache.isVerified(d, d));
                return cached ? source.openDeferred() : source.open();
            }

            @Override
            public String describe() {
                return source.describe();
            }
        };
    }

    private static ImageSource registry(String ref, ParsedArgs args, Platform platform, Io io) {
        return new RegistryImageSource(registryOptions(ref, args, io).withPlatform(platform));
    }

    /** Registry options from the shared registry flags: --ca-cert, --insecure, --username, --authfile. */
    static RegistryOptions registryOptions(String ref, ParsedArgs args, Io io) {
        RegistryOptions options = connection(ref, args);
        String user = args.value("--username");
        if (user != null) {
            options = options.withCredentials(user, password(args, io));
        } else if (args.flag("--password-stdin")) {
            throw new BulwarkException(ErrorKind.USAGE, "--password-stdin needs --username");
        }
        return options;
    }

    /** The flags that apply to any registry the command reads: --ca-cert, --insecure and --authfile. */
    private static RegistryOptions connection(String ref, ParsedArgs args) {
        RegistryOptions options = RegistryOptions.of(ref)
                .withCaCerts(args.values("--ca-cert").stream().map(Path::of).toList())
                .withInsecure(args.flag("--insecure"));
        for (Path ca : options.caCerts()) {
            if (!Files.isReadable(ca)) {
                throw new BulwarkException(ErrorKind.NOT_FOUND, "--ca-cert " + ca + ": no such readable file");
            }
        }
        String authFile = args.value("--authfile");
        if (authFile != null) {
            if (!Files.isReadable(Path.of(authFile))) {
                throw new BulwarkException(ErrorKind.NOT_FOUND, "--authfile " + authFile + ": no such readable file");
            }
            options = options.withAuthFile(Path.of(authFile));
        }
        return options;
    }

    /** The password from standard input (first line) or $BULWARK_PASSWORD; never from the command line. */
    private static String password(ParsedArgs args, Io io) {
        if (args.flag("--password-stdin")) {
            try {
                byte[] data = io.in().readNBytes(64 << 10);
                String text = new String(data, StandardCharsets.UTF_8);
                int nl = text.indexOf('\n');
                String pw = (nl < 0 ? text : text.substring(0, nl)).replace("\r", "");
                if (pw.isEmpty()) {
                    throw new BulwarkException(ErrorKind.USAGE, "--password-stdin: standard input is empty");
                }
                return pw;
            } catch (IOException e) {
                throw new BulwarkException(ErrorKind.USAGE, "--password-stdin: cannot read standard input");
            }
        }
        String env = System.getenv("BULWARK_PASSWORD");
        if (env == null || env.isEmpty()) {
            throw new BulwarkException(ErrorKind.USAGE, "--username needs a password: --password-stdin or"
                    + " $BULWARK_PASSWORD");
        }
        return env;
    }
}
