package dev.bulwark.engine.source.registry;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Digest;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Uploads blobs to one repository with the distribution API's monolithic flow: {@code HEAD} to skip a blob the
 * registry already has, {@code POST /blobs/uploads/} to open a session, one {@code PUT ?digest=} with the bytes.
 * The registry's {@code Docker-Content-Digest} answer is cross-checked against the digest we computed.
 */
final class BlobUploader {
    private final RegistryClient client;

    BlobUploader(RegistryClient client) {
        this.client = client;
    }

    /** Whether the repository already holds {@code digest} (a 404 means no; anything else unexpected fails). */
    boolean exists(Digest digest, String what) {
        HttpResponse<InputStream> response = client.send("HEAD", client.repositoryUri("blobs/" + digest), Map.of(),
                null, what);
        RegistryTransport.closeQuietly(response);
        if (response.statusCode() == 404) {
            return false;
        }
        client.expectStatus(response, 200, what);
        return true;
    }

    /** Uploads a file's bytes unless the registry has them already. */
    void upload(Digest digest, Path file, String what) {
        upload(digest, () -> {
            try {
                return HttpRequest.BodyPublishers.ofFile(file);
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException(e);
            }
        }, what);
    }

    /** Uploads small in-memory bytes unless the registry has them already. */
    void upload(Digest digest, byte[] bytes, String what) {
        upload(digest, () -> HttpRequest.BodyPublishers.ofByteArray(bytes), what);
    }

    private void upload(Digest digest, Supplier<HttpRequest.BodyPublisher> body, String what) {
        if (exists(digest, "checking for " + what)) {
            return;
        }
        HttpResponse<InputStream> opened = client.send("POST", client.repositoryUri("blobs/uploads/"), Map.of(),
                null, "starting the upload of " + what);
        client.expectStatus(opened, 202, "starting the upload of " + what);
        RegistryTransport.closeQuietly(opened);
        URI session = sessionUri(opened, what);
        String separator = session.getRawQuery() == null ? "?" : "&";
        URI put = URI.create(session + separator + "digest=" + digest);
        HttpResponse<InputStream> done = client.send("PUT", put, Map.of("Content-Type", "application/octet-stream"),
                body, "uploading " + what);
        client.expectStatus(done, 201, "uploading " + what);
        RegistryTransport.closeQuietly(done);
        Optional<String> claimed = done.headers().firstValue("Docker-Content-Digest");
        if (claimed.isPresent() && !claimed.get().trim().equals(digest.toString())) {
            throw new BulwarkException(ErrorKind.REMOTE, "registry " + client.reference().registry() + " stored "
                    + what + " as " + claimed.get().trim() + " instead of " + digest);
        }
    }

    private URI sessionUri(HttpResponse<InputStream> opened, String what) {
        String location = opened.headers().firstValue("Location").orElseThrow(() -> new BulwarkException(
                ErrorKind.REMOTE, "registry " + client.reference().registry() + " opened an upload for " + what
                        + " without a Location"));
        try {
            URI resolved = opened.uri().resolve(location);
            // Credentials go with the PUT, so the session must stay on the registry itself, with the same scheme.
            if (!resolved.getScheme().equalsIgnoreCase(opened.uri().getScheme()) || resolved.getAuthority() == null
                    || !resolved.getAuthority().equalsIgnoreCase(opened.uri().getAuthority())) {
                throw new IllegalArgumentException("elsewhere");
            }
            return resolved;
        } catch (IllegalArgumentException e) {
            throw new BulwarkException(ErrorKind.REMOTE, "registry " + client.reference().registry()
                    + " answered an upload with an unusable Location while uploading " + what);
        }
    }
}
