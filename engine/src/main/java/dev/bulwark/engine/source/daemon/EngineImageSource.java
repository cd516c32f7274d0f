package dev.bulwark.engine.source.daemon;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.Image;
import dev.bulwark.engine.image.ImageSource;
import dev.bulwark.engine.source.archive.ArchiveImageSource;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code --engine REF}: an image in a local Docker or Podman engine. {@link #inspect()} is one small request;
 * {@link #open()} also exports the image (a docker-archive stream), spools it to a temporary file under the cache
 * and reads it as an archive; the file is deleted when the image is closed. Callers that may not need the layers use
 * {@link #openDeferred()}, which exports only when the first layer is opened, so a fully cached image costs one
 * inspect.
 */
public final class EngineImageSource implements ImageSource {
    /** Exports larger than this are refused, so a broken engine cannot fill the disk. */
    public static final long DEFAULT_MAX_EXPORT_BYTES = 64L << 30;
    private static final int MAX_REFERENCE_CHARS = 1024;

    private final String reference;
    private final EngineEndpoint endpoint;
    private final Path spoolDirectory;
    private final EngineApi api;
    private final long maxExportBytes;
    private EngineInspection inspection;

    /**
     * @param spoolDirectory where exports are spooled, normally {@code LayerCache.tempDirectory()}
     */
    public EngineImageSource(String reference, EngineEndpoint endpoint, Path spoolDirectory) {
        this(reference, endpoint, spoolDirectory, Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofMinutes(10), DEFAULT_MAX_EXPORT_BYTES);
    }

    EngineImageSource(String reference, EngineEndpoint endpoint, Path spoolDirectory, Duration connectTimeout,
            Duration inspectTimeout, Duration exportTimeout, long maxExportBytes) {
        this.reference = checked(reference);
        this.endpoint = endpoint;
        this.spoolDirectory = spoolDirectory;
        this.api = new EngineApi(new UnixHttpClient(endpoint.socket(), connectTimeout), inspectTimeout,
                exportTimeout);
        this.maxExportBytes = maxExportBytes;
    }

    /** The engine found from {@code DOCKER_HOST} or the default socket paths. */
    public static EngineImageSource fromEnvironment(String reference, Path spoolDirectory) {
        return new EngineImageSource(reference, EngineEndpoint.fromEnvironment(), spoolDirectory);
    }

    public String reference() {
        return reference;
    }

    public EngineEndpoint endpoint() {
        return endpoint;
    }

    /** Asks the engine about the image (once; later calls return the same answer). */
    public synchronized EngineInspection inspect() {
        if (inspection == null) {
            inspection = api.inspect(reference);
        }
        return inspection;
    }

    /** The layer diffIDs from the inspection, lowest first; for an engine export, blob digest equals diffID. */
    public List<Digest> diffIds() {
        return inspect().diffIds();
    }

    /** Inspects and exports the image now; the returned image deletes its spool file on close. */
    @Override
    public Image open() {
        EngineInspection expected = inspect();
        Path spool = createSpool();
        Closeable deleteSpool = () -> Files.deleteIfExists(spool);
        Image image;
        try {
            api.export(reference, spool, maxExportBytes);
            image = openArchive(spool, expected, deleteSpool);
        } catch (RuntimeException e) {
            closeQuietly(deleteSpool, e);
            throw e;
        }
        if (!image.config().diffIds().equals(expected.diffIds())) {
            BulwarkException changed = new BulwarkException(ErrorKind.REMOTE, "engine image " + reference
                    + " changed in the engine between inspect and export; run the scan again");
            closeQuietly(image, changed);
            throw changed;
        }
        return image;
    }

    /**
     * Inspects now and exports only when a layer is opened. The image's config comes from the inspection (no
     * history, so layers have no {@code createdBy}) and its layer blobs are described by their diffIDs with size 0,
     * because the engine reports neither before an export.
     */
    public Image openDeferred() {
        return new DeferredEngineImage(inspect(), this::open);
    }

    @Override
    public String describe() {
        return "engine " + reference;
    }

    private Image openArchive(Path spool, EngineInspection expected, Closeable deleteSpool) {
        try {
            return new ArchiveImageSource(spool, expected.platform(), deleteSpool, reference).open();
        } catch (BulwarkException e) {
            String m = e.getMessage();
            // Name the engine image, not the temporary file, which is gone by the time the user reads this.
            String text = m.startsWith(spool.toString()) ? "engine image " + reference + ": export"
                    + m.substring(spool.toString().length()) : m;
            throw new BulwarkException(e.kind(), text, e);
        }
    }

    private Path createSpool() {
        try {
            Files.createDirectories(spoolDirectory);
            return Files.createTempFile(spoolDirectory, "engine-export-", ".tar");
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot create a spool file in " + spoolDirectory + ": "
                    + e.getMessage() + " (use --cache-dir)", e);
        }
    }

    private static void closeQuietly(Closeable c, Exception primary) {
        try {
            c.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }

    private static String checked(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new BulwarkException(ErrorKind.USAGE, "--engine needs an image reference, e.g. alpine:3.20");
        }
        if (reference.length() > MAX_REFERENCE_CHARS || !reference.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new BulwarkException(ErrorKind.USAGE, "not a valid image reference: "
                    + ResponseHead.printable(reference));
        }
        return reference;
    }
}
