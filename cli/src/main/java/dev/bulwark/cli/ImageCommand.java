package dev.bulwark.cli;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.cache.LayerCache;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.ImageSource;
import dev.bulwark.engine.image.Platform;
import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.scan.Catalogers;
import dev.bulwark.engine.scan.ImageScanner;
import dev.bulwark.engine.scan.ScanResult;
import dev.bulwark.engine.scan.ScanListener;
import dev.bulwark.engine.scan.ScanOptions;
import dev.bulwark.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code bulwark image}: inventory of a container image from a registry, an archive, a layout or an engine. */
final class ImageCommand implements Command {
    static final Opt INPUT = Opt.value("FILE", "Read a docker-archive or oci-archive tar.", "--input", "-i");
    static final Opt ENGINE = Opt.flag("Read REF from a local Docker or Podman engine over its API socket.",
            "--engine");
    static final Opt ENGINE_HOST = Opt.value("URL", "Engine socket for --engine, unix:///path (default: $DOCKER_HOST,"
            + " else the usual Docker and Podman socket paths).", "--engine-host");
    static final Opt PLATFORM = Opt.value("OS/ARCH[/VARIANT]",
            "Platform to pick from a multi-platform image (default: this machine's).", "--platform");
    static final Opt CA_CERT = Opt.repeated("FILE",
            "PEM CA certificate(s) to trust for the registry besides the system ones. Repeatable.", "--ca-cert");
    static final Opt INSECURE = Opt.flag("Allow plain HTTP and unverified TLS for the registry (plain HTTP is always"
            + " allowed for localhost).", "--insecure");
    static final Opt USERNAME = Opt.value("USER", "Registry user; the password comes from --password-stdin or"
            + " $BULWARK_PASSWORD.", "--username", "-u");
    static final Opt PASSWORD_STDIN = Opt.flag("Read the registry password from standard input.",
            "--password-stdin");
    static final Opt AUTHFILE = Opt.value("FILE", "Auth file (Docker config.json or containers auth.json format) to"
            + " look in first.", "--authfile");
    static final Opt NO_CACHE = Opt.flag("Read every layer; neither use nor fill the cache.", "--no-cache");
    static final Opt MAX_LAYER = Opt.value("SIZE", "Stop when one layer expands past SIZE (decompression bombs),"
            + " e.g. 512MiB (default: 64GiB).", "--max-layer-size");

    private static final List<Opt> OPTIONS;

    static {
        List<Opt> all = new ArrayList<>(List.of(INPUT, ENGINE, ENGINE_HOST, PLATFORM, CA_CERT, INSECURE, USERNAME,
                PASSWORD_STDIN, AUTHFILE, CacheCommand.CACHE_DIR, NO_CACHE, MAX_LAYER));
        all.addAll(FindingOptions.OPTIONS);
        all.addAll(ReportOptions.OPTIONS);
        OPTIONS = List.copyOf(all);
    }

    private static final CommandDef DEF = new CommandDef("image", "Inventory a container image and match it against the advisory database.", OPTIONS, "REF",
            false, "Image reference, oci:DIR[:TAG], docker-archive:FILE or oci-archive:FILE.", List.of("",
                    "  bulwark image REF              from a registry (localhost:5000/app:1, debian:12)",
                    "  bulwark image --input FILE     from a docker-archive or oci-archive tar",
                    "  bulwark image oci:DIR[:TAG]    from an OCI image layout directory",
                    "  bulwark image --engine REF     from a local Docker or Podman engine"));

    @Override
    public CommandDef def() {
        return DEF;
    }

    @Override
    public int run(ParsedArgs args, Io io) throws IOException {
        ReportOptions report = new ReportOptions(args);
        ReportWriter writer = report.writer();
        FindingOptions findings = new FindingOptions(args, java.util.Set.of("vuln", "secret"));
        ScanOptions options = ScanOptions.defaults()
                .withMaxLayerBytes(Sizes.parse(args.value("--max-layer-size", "64GiB"), "--max-layer-size"));
        String platformText = args.value("--platform");
        Platform wanted = platformText == null ? Platform.current() : parsePlatform(platformText);
        String cacheDir = args.value("--cache-dir");
        LayerCache cache = args.flag("--no-cache") ? null
                : new LayerCache(cacheDir != null ? Path.of(cacheDir) : LayerCache.defaultDirectory());
        if (cache != null) {
            options = options.withSpoolDirectory(cache.tempDirectory());
        }
        options = findings.withScanners(options);
        ImageSource source = ImageSources.resolve(args, wanted, cache, io);
        Inventory inventory;
        List<dev.bulwark.engine.finding.SecretFinding> secrets;
        List<dev.bulwark.engine.policy.PolicySubject> imageSubjects;
        try (Image image = source.open()) {
            imageSubjects = List.of(new dev.bulwark.engine.policy.PolicySubject.Image(image.config()));
            ScanListener listener = ScanListener.NONE;
            ProgressPrinter progress = null;
            if (!report.quiet && ProgressPrinter.stderrIsTerminal()) {
                progress = new ProgressPrinter(io.err(), image.layers().size());
                listener = progress;
            }
            try {
                ScanResult scanned = new ImageScanner(Catalogers.all(), cache, options, listener).index(image);
                inventory = scanned.inventory();
                secrets = scanned.secrets();
            } finally {
                if (progress != null) {
                    progress.finish();
                }
            }
        }
        FindingOptions.Outcome outcome = findings.decide(findings.assess(inventory, List.copyOf(secrets), io, report.quiet),
                imageSubjects, io, report.quiet);
        report.write(writer, outcome.shown(), io);
        report.summarizeWarnings(outcome.shown().inventory(), io.err());
        return outcome.exitCode();
    }

    private static Platform parsePlatform(String text) {
        try {
            return Platform.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BulwarkException(ErrorKind.USAGE, "--platform: " + e.getMessage());
        }
    }
}
