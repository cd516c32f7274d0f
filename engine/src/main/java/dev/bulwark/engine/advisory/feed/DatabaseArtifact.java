package dev.bulwark.engine.advisory.feed;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.source.registry.ArtifactManifest;
import dev.bulwark.engine.source.registry.ArtifactUpload;
import dev.bulwark.engine.source.registry.RegistryArtifacts;
import dev.bulwark.engine.source.registry.RegistryOptions;
import io.airlift.compress.zstd.ZstdInputStream;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/**
 * Distributes a built advisory database (one file) as an OCI artifact: artifact type {@value #ARTIFACT_TYPE}, the
 * OCI empty config, and one zstd-compressed blob ({@value #LAYER_MEDIA_TYPE}); the manifest records the schema
 * version, the build time and the sha256 of the uncompressed file. A pull verifies manifest, blob and file digests
 * and renames the file into place only when all three hold, so a failed pull leaves the previous database as it was.
 */
public final class DatabaseArtifact {
    public static final String ARTIFACT_TYPE = "application/vnd.bulwark.advisory-db.v1";
    public static final String LAYER_MEDIA_TYPE = "application/vnd.bulwark.advisory-db.layer.v1+zstd";
    /** Manifest annotation: the database schema version (required at push). */
    public static final String SCHEMA_VERSION = "dev.bulwark.advisory-db.schema-version";
    /** Manifest annotation: when the database was built, RFC 3339 (required at push). */
    public static final String CREATED = "org.opencontainers.image.created";
    /** Manifest annotation: {@code sha256:...} of the uncompressed database file (set by push). */
    public static final String CONTENT_DIGEST = "dev.bulwark.advisory-db.content-digest";
    /** Manifest annotation: the uncompressed size in bytes (set by push). */
    public static final String CONTENT_SIZE = "dev.bulwark.advisory-db.content-size";
    /** Default bound on the compressed blob and on the uncompressed file. */
    public static final long DEFAULT_MAX_BYTES = 8L << 30;

    private DatabaseArtifact() {
    }

    /**
     * Compresses {@code dbFile} and pushes it to the tag {@code options} names; {@code annotations} must hold
     * {@link #SCHEMA_VERSION} and {@link #CREATED}. Returns the manifest digest.
     */
    public static Digest push(RegistryOptions options, Path dbFile, Map<String, String> annotations) {
        if (!annotations.containsKey(SCHEMA_VERSION) || !annotations.containsKey(CREATED)) {
            throw new IllegalArgumentException("annotations need " + SCHEMA_VERSION + " and " + CREATED);
        }
        if (!Files.isRegularFile(dbFile)) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, "database " + dbFile + ": no such file");
        }
        Path compressed = null;
        try {
            compressed = Files.createTempFile("bulwark-db-push", ".zst");
            MessageDigest content = Digest.newSha256();
            long size;
            try (InputStream in = Files.newInputStream(dbFile);
                    OutputStream out = new ZstdOutputStream(Files.newOutputStream(compressed))) {
                size = in.transferTo(new DigestOutputStream(out, content));
            }
            Map<String, String> all = new HashMap<>(annotations);
            all.put(CONTENT_DIGEST, Digest.ofSha256(content).toString());
            all.put(CONTENT_SIZE, Long.toString(size));
            String title = dbFile.getFileName() + ".zst";
            return RegistryArtifacts.push(options, new ArtifactUpload(ARTIFACT_TYPE, LAYER_MEDIA_TYPE, compressed,
                    Map.of("org.opencontainers.image.title", title), all));
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot compress " + dbFile + " for pushing: "
                    + e.getMessage(), e);
        } finally {
            if (compressed != null) {
                AtomicFile.deleteQuietly(compressed);
            }
        }
    }

    /** Pulls with {@link #DEFAULT_MAX_BYTES}. */
    public static PulledDatabase pull(RegistryOptions options, Path targetFile) {
        return pull(options, targetFile, DEFAULT_MAX_BYTES);
    }

    /**
     * Pulls the database {@code options} names into {@code targetFile}, replacing it atomically. The compressed
     * blob and the uncompressed file are each bounded by {@code maxBytes}.
     */
    public static PulledDatabase pull(RegistryOptions options, Path targetFile, long maxBytes) {
        AtomicFile.removeLeftovers(targetFile);
        Path temp = AtomicFile.temporaryFor(targetFile);
        try {
            long[] written = new long[1];
            Digest[] computed = new Digest[1];
            ArtifactManifest manifest = RegistryArtifacts.pull(options, ARTIFACT_TYPE, maxBytes, (m, layer) -> {
                if (!m.layer().mediaType().equals(LAYER_MEDIA_TYPE)) {
                    throw new BulwarkException(ErrorKind.INVALID_INPUT, options.reference() + ": database blob has"
                            + " media type \"" + m.layer().mediaType() + "\", expected " + LAYER_MEDIA_TYPE);
                }
                MessageDigest md = Digest.newSha256();
                written[0] = decompress(options, layer, temp, md, limit(m, maxBytes));
                computed[0] = Digest.ofSha256(md);
            });
            Digest expected = expectedContent(options, manifest);
            if (!expected.equals(computed[0])) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, options.reference() + ": the unpacked database"
                        + " does not match " + CONTENT_DIGEST + " " + expected);
            }
            AtomicFile.commit(temp, targetFile);
            return new PulledDatabase(manifest.digest(), targetFile, written[0], computed[0], manifest.annotations());
        } finally {
            AtomicFile.deleteQuietly(temp);
        }
    }

    private static long limit(ArtifactManifest manifest, long maxBytes) {
        String declared = manifest.annotations().get(CONTENT_SIZE);
        try {
            long size = declared == null ? maxBytes : Long.parseLong(declared);
            return size < 0 ? maxBytes : Math.min(size, maxBytes);
        } catch (NumberFormatException e) {
            return maxBytes;
        }
    }

    private static Digest expectedContent(RegistryOptions options, ArtifactManifest manifest) {
        String text = manifest.annotations().get(CONTENT_DIGEST);
        try {
            return Digest.parse(text == null ? "" : text.trim());
        } catch (IllegalArgumentException e) {
            throw new BulwarkException(ErrorKind.INVALID_INPUT, options.reference() + ": the artifact has no valid "
                    + CONTENT_DIGEST + " annotation");
        }
    }

    /** Unpacks into {@code temp}, refusing output past {@code limit}; corrupt zstd data is INVALID_INPUT. */
    private static long decompress(RegistryOptions options, InputStream layer, Path temp, MessageDigest md,
            long limit) throws IOException {
        long total = 0;
        // The registry code verifies the blob after this returns, so the blob stream must stay open.
        InputStream unclosed = new java.io.FilterInputStream(layer) {
            @Override
            public void close() {
            }
        };
        try (InputStream in = new ZstdInputStream(unclosed); OutputStream out = Files.newOutputStream(temp)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) >= 0; ) {
                total += n;
                if (total > limit) {
                    throw new BulwarkException(ErrorKind.INVALID_INPUT, options.reference() + ": the database"
                            + " unpacks to more than " + limit + " bytes");
                }
                md.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        } catch (RuntimeException e) {
            if (e instanceof BulwarkException) {
                throw e;
            }
            // A tampered blob usually breaks the zstd frame before its digest is checked; report the digest.
            drainForDigestError(layer);
            throw new BulwarkException(ErrorKind.INVALID_INPUT, options.reference() + ": the database blob is not"
                    + " valid zstd data (" + e.getMessage() + ")", e);
        }
        return total;
    }

    private static void drainForDigestError(InputStream layer) throws IOException {
        if (layer instanceof dev.bulwark.engine.image.VerifyingInputStream verifying) {
            verifying.drainAndVerify();
        }
    }
}
