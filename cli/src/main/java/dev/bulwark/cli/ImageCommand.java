package dev.bulwark.cli;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.cache.LayerCache;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.ImageSource;
import dev.bulwark.engine.image.Platform;
import dev.bulwark.engine.finding.Finding;
import dev.bulwark.engine.hardening.BaseDetection;
import dev.bulwark.engine.hardening.GoldenBase;
import dev.bulwark.engine.hardening.GoldenBases;
import dev.bulwark.engine.hardening.HardeningChecks;
import dev.bulwark.engine.hardening.HardeningInput;
import dev.bulwark.engine.hardening.HardeningResult;
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
    static final Opt GOLDEN_BASES = Opt.value("FILE", "Approved golden base images (YAML or JSON: baseImages, each a"
            + " name with diffIds or a reference); with --scanners misconfig an image that starts with none of them"
            + " is a finding.", "--golden-bases");

    private static final List<Opt> OPTIONS;

    static {
        List<Opt> all = new ArrayList<>(List.of(INPUT, ENGINE, ENGINE_HOST, PLATFORM, CA_CERT, INSECURE, USERNAME,
                PASSWORD_STDIN, AUTHFILE, CacheCommand.CACHE_DIR, NO_CACHE, MAX_LAYER, GOLDEN_BASES));
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
        report.step(io, "command started");
        ReportWriter writer = report.writer();
        FindingOptions findings = new FindingOptions(args, java.util.Set.of("vuln", "secret", "misconfig"));
        boolean hardening = findings.scanners.contains("misconfig");
        String goldenFile = args.value("--golden-bases");
        if (goldenFile != null && !hardening) {
            throw new BulwarkException(ErrorKind.USAGE, "--golden-bases needs --scanners misconfig");
        }
        GoldenBases golden = goldenFile == null ? GoldenBases.none() : GoldenBases.load(Path.of(goldenFile));
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
        options = findings.withScanners(options).withHardening(hardening);
        golden = resolve(golden, args, wanted);
        ImageSource source = ImageSources.resolve(args, wanted, cache, io);
        Inventory inventory;
        List<Finding> other = new ArrayList<>();
        List<dev.bulwark.engine.policy.PolicySubject> imageSubjects;
        try (Image image = source.open()) {
            report.step(io, "image opened (" + image.layers().size() + " layers)");
            imageSubjects = List.of(new dev.bulwark.engine.policy.PolicySubject.Image(image.config()));
            ScanListener listener = ScanListener.NONE;
            ProgressPrinter progress = null;
            if (!report.quiet && ProgressPrinter.stderrIsTerminal()) {
                progress = new ProgressPrinter(io.err(), image.layers().size());
                listener = progress;
            }
            ScanResult scanned;
            try {
                scanned = new ImageScanner(Catalogers.all(), cache, options, listener).index(image);
            } finally {
                if (progress != null) {
                    progress.finish();
                }
            }
            inventory = scanned.inventory();
            report.step(io, "inventory (" + inventory.packages().size() + " packages)");
            other.addAll(scanned.secrets());
            if (hardening) {
                HardeningResult checked = HardeningChecks.run(new HardeningInput(image.config(), registryReference(args),
                        inventory, scanned.notables(), golden));
                other.addAll(checked.findings());
                if (checked.base() instanceof BaseDetection.Approved a && !report.quiet) {
                    io.err().println("bulwark: based on the approved golden base image " + Main.oneLine(a.name())
                            + " (its " + a.layers() + " layer(s) are the image's first)");
                }
            }
        }
        FindingOptions.Outcome outcome = findings.decide(findings.assess(inventory, other, io, report.quiet),
                imageSubjects, io, report.quiet);
        report.writeShown(writer, outcome.shown(), io);
        report.summarizeWarnings(outcome.shown().inventory(), io.err());
        return outcome.exitCode();
    }

    /** The reference whose tag the mutable-tag check judges: a registry or engine image's, else none. */
    private static String registryReference(ParsedArgs args) {
        String ref = args.positional();
        if (args.value("--input") != null || ref == null || ImageSources.isLocal(ref)) {
            return null;
        }
        return ref;
    }

    /** Golden bases declared by reference get the diffIDs of that image's configuration (no layer is read). */
    private static GoldenBases resolve(GoldenBases golden, ParsedArgs args, Platform platform) {
        if (golden.unresolved().isEmpty()) {
            return golden;
        }
        List<GoldenBase> out = new ArrayList<>();
        for (GoldenBase b : golden.bases()) {
            if (b.resolved()) {
                out.add(b);
                continue;
            }
            try (Image base = ImageSources.other(b.reference(), args, platform).open()) {
                out.add(b.withDiffIds(base.config().diffIds()));
            } catch (BulwarkException e) {
                throw new BulwarkException(e.kind(), "golden base image " + Main.oneLine(b.name()) + " ("
                        + Main.oneLine(b.reference()) + "): " + e.getMessage());
            } catch (IOException e) {
                throw new BulwarkException(ErrorKind.LOCAL_IO, "golden base image " + Main.oneLine(b.name()) + ": "
                        + e.getMessage());
            }
        }
        return new GoldenBases(out);
    }

    private static Platform parsePlatform(String text) {
        try {
            return Platform.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BulwarkException(ErrorKind.USAGE, "--platform: " + e.getMessage());
        }
    }
}
