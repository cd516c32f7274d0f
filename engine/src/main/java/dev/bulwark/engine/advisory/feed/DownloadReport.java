package dev.bulwark.engine.advisory.feed;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of one download run, one result per feed in the order asked. Feeds that succeeded are on disk even
 * when others failed; {@link #throwIfFailed} turns failures into one line.
 */
public record DownloadReport(List<FeedResult> results) {
    public DownloadReport {
        results = List.copyOf(results);
    }

    /** Feeds whose file on disk changed in this run. */
    public List<FeedResult.Downloaded> changed() {
        return results.stream().filter(r -> r instanceof FeedResult.Downloaded).map(r -> (FeedResult.Downloaded) r)
                .toList();
    }

    public List<FeedResult.Failed> failed() {
        return results.stream().filter(r -> r instanceof FeedResult.Failed).map(r -> (FeedResult.Failed) r)
                .toList();
    }

    /** Throws one {@link ErrorKind#REMOTE} line naming every failed feed and why, if any failed. */
    public void throwIfFailed() {
        List<FeedResult.Failed> failed = failed();
        if (failed.isEmpty()) {
            return;
        }
        String detail = failed.stream().map(f -> f.error().getMessage()).collect(Collectors.joining("; "));
        String head = failed.size() == 1 ? "feed update failed: " : failed.size() + " feeds failed: ";
        BulwarkException e = new BulwarkException(ErrorKind.REMOTE, head + detail
                + " (previous downloads were kept)", failed.get(0).error());
        failed.stream().skip(1).forEach(f -> e.addSuppressed(f.error()));
        throw e;
    }
}
