package dev.bulwark.engine.advisory.feed;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.image.Digest;
import java.nio.file.Path;

/** What happened to one feed in a download run. */
public sealed interface FeedResult {
    Feed feed();

    /** A new copy was downloaded and moved into place. */
    record Downloaded(Feed feed, Path file, long size, Digest sha256) implements FeedResult {
    }

    /** The server answered 304; the copy on disk (described here from the state file) is current. */
    record NotModified(Feed feed, Path file, long size, Digest sha256) implements FeedResult {
    }

    /** The feed could not be fetched; any previous copy on disk is untouched. */
    record Failed(Feed feed, BulwarkException error) implements FeedResult {
    }
}
