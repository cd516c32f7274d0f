package dev.bulwark.engine.advisory.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The validators ({@code ETag}, {@code Last-Modified}) and the digest of each downloaded file, kept in
 * {@value #FILE_NAME} beside the downloads. A missing, unreadable or malformed state only costs a full download.
 */
final class FeedState {
    static final String FILE_NAME = "feed-state.json";
    private static final int MAX_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What we know about one downloaded file. */
    record Entry(String url, String etag, String lastModified, long size, Digest sha256) {
    }

    private final Path file;
    private final Map<String, Entry> entries;

    private FeedState(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    static FeedState load(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        Map<String, Entry> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length <= MAX_BYTES) {
                JsonNode feeds = JSON.readTree(bytes).path("feeds");
                feeds.fields().forEachRemaining(e -> entry(e.getValue()).ifPresent(v -> entries.put(e.getKey(), v)));
            }
        } catch (IOException | RuntimeException unusable) {
            // No state (first run) or a damaged one: every feed is fetched in full.
            entries.clear();
        }
        return new FeedState(file, entries);
    }

    private static Optional<Entry> entry(JsonNode node) {
        String url = text(node, "url");
        String sha = text(node, "sha256");
        long size = node.path("size").asLong(-1);
        if (url == null || sha == null || size < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Entry(url, text(node, "etag"), text(node, "lastModified"), size, Digest.parse(sha)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    /** The entry for {@code feed} if it was fetched from the same URL and the file on disk still has its size. */
    synchronized Optional<Entry> current(Feed feed, Path target) {
        Entry e = entries.get(feed.path());
        try {
            if (e == null || !e.url().equals(feed.url().toString()) || !Files.isRegularFile(target)
                    || Files.size(target) != e.size()) {
                return Optional.empty();
            }
        } catch (IOException notReadable) {
            return Optional.empty();
        }
        return Optional.of(e);
    }

    /** Records a fresh download and writes the state file (atomically). */
    synchronized void put(Feed feed, Entry entry) {
        entries.put(feed.path(), entry);
        ObjectNode root = JSON.createObjectNode().put("version", 1);
        ObjectNode feeds = root.putObject("feeds");
        new TreeMap<>(entries).forEach((path, e) -> {
            ObjectNode n = feeds.putObject(path).put("url", e.url()).put("size", e.size())
                    .put("sha256", e.sha256().toString());
            if (e.etag() != null) {
                n.put("etag", e.etag());
            }
            if (e.lastModified() != null) {
                n.put("lastModified", e.lastModified());
            }
        });
        Path temp = AtomicFile.temporaryFor(file);
        try {
            Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            AtomicFile.deleteQuietly(temp);
            throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
        AtomicFile.commit(temp, file);
    }
}
