package dev.bulwark.cli;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.cache.LayerCache;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.ImageSource;
import dev.bulwark.engine.image.Platform;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.scan.Catalogers;
import dev.bulwark.engine.scan.ImageScanner;
import dev.bulwark.engine.scan.ScanListener;
import dev.bulwark.engine.scan.ScanOptions;
import dev.bulwark.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bulwark image}: inventory of a container image from a registry, an archive, a layout or an engine. */
@Command(name = "image", mixinStandardHelpOptions = true,
        description = {"Inventory a container image.", "",
            "  bulwark image REF                  from a registry (e.g. localhost:5000/app:1, debian:12)",
            "  bulwark image --input FILE         from a docker-archive or oci-archive tar",
            "  bulwark image oci:DIR[:TAG]        from an OCI image layout directory",
            "  bulwark image --engine REF         from a local Docker or Podman engine (DOCKER_HOST or default socket)",
            ""})
final class ImageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REF", arity = "0..1",
            description = "Image reference, oci:DIR[:TAG], docker-archive:FILE or oci-archive:FILE.")
    String reference;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Read a docker-archive or oci-archive tar.")
    Path input;

    @Option(names = "--engine", description = "Read REF from a local Docker or Podman engine over its API socket.")
    boolean engine;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "Platform to pick from a multi-platform image (default: this machine's, linux/amd64 here).")
    String platform;

    @Option(names = "--ca-cert", paramLabel = "FILE",
            description = "PEM CA certificate(s) to trust for the registry, on top of the system ones. Repeatable.")
    List<Path> caCerts = new ArrayList<>();

    @Option(names = "--insecure",
            description = "Allow plain HTTP and unverified TLS for the registry (plain HTTP is always allowed for"
                    + " localhost).")
    boolean insecure;

    @Option(names = {"-u", "--username"}, paramLabel = "USER",
            description = "Registry user name (else from auth files; see docs/cli.md). Password from"
                    + " --password-stdin or $BULWARK_PASSWORD.")
    String username;

    @Option(names = "--password-stdin", description = "Read the registry password from standard input.")
    boolean passwordStdin;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Layer cache directory (default: $BULWARK_CACHE_DIR, else $XDG_CACHE_HOME/bulwark, else"
                    + " ~/.cache/bulwark).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Read every layer; neither use nor fill the cache.")
    boolean noCache;

    @Option(names = "--max-layer-size", paramLabel = "SIZE", defaultValue = "64GiB",
            description = "Stop when one layer expands past SIZE (decompression bombs); e.g. 512MiB, 64GiB"
                    + " (default: ${DEFAULT-VALUE}).")
    String maxLayerSize;

    @Mixin
    ReportOptions report = new ReportOptions();

    @Override
    public Integer call() throws IOException {
        ReportWriter writer = report.writer();
        ScanOptions options = ScanOptions.defaults().withMaxLayerBytes(Sizes.parse(maxLayerSize, "--max-layer-size"));
        Platform wanted = platform == null ? Platform.current() : parsePlatform(platform);
        LayerCache cache = noCache ? null : new LayerCache(cacheDir != null ? cacheDir : LayerCache.defaultDirectory());
        ImageSource source = ImageSources.resolve(this, wanted, cache);
        Inventory inventory;
        try (Image image = source.open()) {
            ScanListener listener = ScanListener.NONE;
            ProgressPrinter progress = null;
            if (!report.quiet && ProgressPrinter.stderrIsTerminal()) {
                progress = new ProgressPrinter(spec.commandLine().getErr(), image.layers().size());
                listener = progress;
            }
            try {
                inventory = new ImageScanner(Catalogers.all(), cache, options, listener).scan(image);
            } finally {
                if (progress != null) {
                    progress.finish();
                }
            }
        }
        report.write(writer, inventory, spec.commandLine().getOut(), BulwarkCommand.stdout(spec));
        report.summarizeWarnings(inventory, spec.commandLine().getErr());
        return 0;
    }

    private static Platform parsePlatform(String text) {
        try {
            return Platform.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BulwarkException(ErrorKind.USAGE, "--platform: " + e.getMessage());
        }
    }
}
