package dev.bulwark.engine.advisory.feed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.advisory.feed.FeedServer.Fault;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.source.registry.RetryPolicy;
import dev.bulwark.engine.source.registry.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a real local HTTP(S) server that answers conditional requests and injects network faults. */
class FeedDownloaderTest {
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50),
            Duration.ofSeconds(5), Duration.ofSeconds(2));
    private static final byte[] V1 = "{\"version\": 1, \"vulnerabilities\": []}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] V2 = "{\"version\": 2, \"vulnerabilities\": [\"CVE-2024-1\"]}"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    FeedServer server;
    final FeedDownloader downloader = new FeedDownloader(List.of(), FAST, 4);

    @BeforeEach
    void start() throws IOException {
        server = FeedServer.http();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Feed feed(String name, String path, long max) {
        return new Feed(name, server.url(path.substring(1)), path.substring(1), max);
    }

    private FeedResult one(Feed feed) {
        List<FeedResult> results = downloader.download(List.of(feed), dir).results();
        assertEquals(1, results.size());
        return results.get(0);
    }

    @Test
    void etagMakesTheSecondDownloadA304AndAChangeIsFetched() throws Exception {
        server.put("/kev/kev.json", V1, true);
        Feed kev = feed("kev", "/kev/kev.json", 1 << 20);
        FeedResult first = one(kev);
        FeedResult.Downloaded d = assertInstanceOf(FeedResult.Downloaded.class, first);
        assertArrayEquals(V1, Files.readAllBytes(dir.resolve("kev/kev.json")));
        assertEquals(Digest.sha256(V1), d.sha256());
        assertEquals(V1.length, d.size());

        FeedResult second = one(kev);
        FeedResult.NotModified n = assertInstanceOf(FeedResult.NotModified.class, second);
        assertEquals(Digest.sha256(V1), n.sha256());
        String etag = "\"" + Digest.sha256(V1).shortHex() + "\"";
        assertEquals(etag, server.seen("/kev/kev.json").get(1).ifNoneMatch());
        assertArrayEquals(V1, Files.readAllBytes(dir.resolve("kev/kev.json")));

        server.put("/kev/kev.json", V2, true);
        FeedResult.Downloaded third = assertInstanceOf(FeedResult.Downloaded.class, one(kev));
        assertEquals(etag, server.seen("/kev/kev.json").get(2).ifNoneMatch());
        assertEquals(Digest.sha256(V2), third.sha256());
        assertArrayEquals(V2, Files.readAllBytes(dir.resolve("kev/kev.json")));
        assertNoTemporaryFiles();
    }

    @Test
    void lastModifiedAloneIsSentAsIfModifiedSince() {
        server.put("/epss.csv.gz", V1, false);
        Feed epss = feed("epss", "/epss.csv.gz", 1 << 20);
        assertInstanceOf(FeedResult.Downloaded.class, one(epss));
        assertInstanceOf(FeedResult.NotModified.class, one(epss));
        FeedServer.Seen second = server.seen("/epss.csv.gz").get(1);
        assertEquals(null, second.ifNoneMatch());
        assertTrue(second.ifModifiedSince() != null && second.ifModifiedSince().endsWith("GMT"), second.toString());
    }

    @Test
    void serverErrorsAndDroppedConnectionsAreRetried() throws Exception {
        server.put("/a.json", V1, true);
        // The JDK client itself resends a GET once when the connection closes before an answer; two drops in a row
        // therefore need one retry of ours.
        server.queue("/a.json", Fault.STATUS_500, Fault.DROP, Fault.DROP);
        assertInstanceOf(FeedResult.Downloaded.class, one(feed("a", "/a.json", 1 << 20)));
        assertEquals(4, server.seen("/a.json").size());
        assertArrayEquals(V1, Files.readAllBytes(dir.resolve("a.json")));
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() {
        server.put("/a.json", V1, true);
        server.queue("/a.json", Fault.TOO_MANY_REQUESTS);
        long start = System.nanoTime();
        assertInstanceOf(FeedResult.Downloaded.class, one(feed("a", "/a.json", 1 << 20)));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(900).toNanos(), "waited for Retry-After: 1");
        assertEquals(2, server.seen("/a.json").size());
    }

    @Test
    void retryAfterLongerThanWeWaitFailsAtOnce() {
        server.put("/a.json", V1, true);
        server.queue("/a.json", Fault.RETRY_AFTER_HOUR);
        long start = System.nanoTime();
        FeedResult.Failed failed = assertInstanceOf(FeedResult.Failed.class, one(feed("kev", "/a.json", 1 << 20)));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(4).toNanos());
        assertEquals(ErrorKind.REMOTE, failed.error().kind());
        assertTrue(failed.error().getMessage().contains("429"), failed.error().getMessage());
        assertTrue(failed.error().getMessage().startsWith("feed kev:"), failed.error().getMessage());
    }

    @Test
    void truncatedBodyOnceIsRetried() throws Exception {
        server.put("/a.json", V2, true);
        server.queue("/a.json", Fault.TRUNCATE);
        assertInstanceOf(FeedResult.Downloaded.class, one(feed("a", "/a.json", 1 << 20)));
        assertArrayEquals(V2, Files.readAllBytes(dir.resolve("a.json")));
        assertEquals(2, server.seen("/a.json").size());
    }

    @Test
    void persistentFailuresKeepThePreviousDownload() throws Exception {
        server.put("/a.json", V1, true);
        Feed a = feed("osv/PyPI", "/a.json", 1 << 20);
        assertInstanceOf(FeedResult.Downloaded.class, one(a));
        server.put("/a.json", V2, true);
        for (Fault fault : List.of(Fault.TRUNCATE, Fault.DROP, Fault.STATUS_503)) {
            server.queue("/a.json", fault, fault, fault, fault, fault, fault);
            FeedResult.Failed failed = assertInstanceOf(FeedResult.Failed.class, one(a), fault.name());
            server.clearFaults("/a.json");
            assertEquals(ErrorKind.REMOTE, failed.error().kind(), failed.error().getMessage());
            assertTrue(failed.error().getMessage().contains("after 3 attempts"), failed.error().getMessage());
            assertArrayEquals(V1, Files.readAllBytes(dir.resolve("a.json")), fault.name());
            assertNoTemporaryFiles();
        }
        // The state still describes the old file, so the next good run fetches the new one in full.
        assertInstanceOf(FeedResult.Downloaded.class, one(a));
        assertArrayEquals(V2, Files.readAllBytes(dir.resolve("a.json")));
    }

    @Test
    void oversizedBodiesAreRefusedWithoutRetrying() throws Exception {
        server.put("/big.zip", new byte[5000], true);
        FeedResult.Failed declared = assertInstanceOf(FeedResult.Failed.class, one(feed("big", "/big.zip", 4096)));
        assertEquals(ErrorKind.INVALID_INPUT, declared.error().kind(), declared.error().getMessage());
        assertEquals(1, server.seen("/big.zip").size());
        assertFalse(Files.exists(dir.resolve("big.zip")));

        server.put("/endless.zip", V1, true);
        Feed endless = feed("endless", "/endless.zip", 1 << 20);
        assertInstanceOf(FeedResult.Downloaded.class, one(endless));
        server.put("/endless.zip", V2, true);
        server.queue("/endless.zip", Fault.ENDLESS);
        FeedResult.Failed chunked = assertInstanceOf(FeedResult.Failed.class, one(endless));
        assertEquals(ErrorKind.INVALID_INPUT, chunked.error().kind(), chunked.error().getMessage());
        assertArrayEquals(V1, Files.readAllBytes(dir.resolve("endless.zip")));
        assertNoTemporaryFiles();
    }

    @Test
    void aStalledBodyTimesOut() throws Exception {
        server.put("/slow.json", V2, true);
        server.queue("/slow.json", Fault.STALL);
        FeedDownloader impatient = new FeedDownloader(List.of(), new RetryPolicy(1, Duration.ZERO, Duration.ZERO,
                Duration.ZERO, Duration.ofSeconds(1)), 1);
        long start = System.nanoTime();
        FeedResult result = impatient.download(List.of(feed("slow", "/slow.json", 1 << 20)), dir).results().get(0);
        FeedResult.Failed failed = assertInstanceOf(FeedResult.Failed.class, result);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(8).toNanos());
        assertEquals(ErrorKind.REMOTE, failed.error().kind(), failed.error().getMessage());
        assertTrue(failed.error().getMessage().contains("slow"), failed.error().getMessage());
        assertFalse(Files.exists(dir.resolve("slow.json")));
        assertNoTemporaryFiles();
    }

    @Test
    void oneFailedFeedDoesNotStopTheOthersAndIsReportedInOneLine() throws Exception {
        server.put("/ok.json", V1, true);
        DownloadReport report = downloader.download(List.of(feed("ok", "/ok.json", 1 << 20),
                feed("osv/Nope", "/missing/all.zip", 1 << 20)), dir);
        assertEquals(1, report.changed().size());
        assertEquals(1, report.failed().size());
        assertArrayEquals(V1, Files.readAllBytes(dir.resolve("ok.json")));
        BulwarkException e = assertThrows(BulwarkException.class, report::throwIfFailed);
        assertEquals(ErrorKind.REMOTE, e.kind());
        assertTrue(e.getMessage().contains("feed osv/Nope") && e.getMessage().contains("404"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aDamagedStateFileOnlyCostsAFullDownload() throws Exception {
        server.put("/a.json", V1, true);
        Feed a = feed("a", "/a.json", 1 << 20);
        one(a);
        Files.writeString(dir.resolve(FeedState.FILE_NAME), "{\"feeds\": {\"a.json\": [1, 2");
        assertInstanceOf(FeedResult.Downloaded.class, one(a));
        assertEquals(null, server.seen("/a.json").get(1).ifNoneMatch());
        assertInstanceOf(FeedResult.NotModified.class, one(a));
    }

    @Test
    void mirrorServesTheDownloadLayout() throws Exception {
        FeedConfig config = new FeedConfig(List.of("PyPI", "Rocky Linux"), List.of("v3.20"), true, true, true,
                server.url("mirror"));
        List<Feed> feeds = config.feeds();
        for (Feed f : feeds) {
            assertTrue(f.url().toString().startsWith(server.base() + "mirror/"), f.url().toString());
            server.put("/mirror/" + f.path(), (f.name() + " data").getBytes(StandardCharsets.UTF_8), true);
        }
        DownloadReport report = downloader.download(feeds, dir);
        report.throwIfFailed();
        assertEquals(feeds.size(), report.changed().size());
        assertEquals("osv/Rocky Linux data", Files.readString(dir.resolve("osv/Rocky Linux/all.zip")));
        assertEquals("alpine/v3.20/community data", Files.readString(dir.resolve("alpine/v3.20/community.json")));
        assertEquals("debian-tracker data", Files.readString(dir.resolve("debian/tracker.json")));
        assertEquals(0, downloader.download(feeds, dir).changed().size());
    }

    @Test
    void tlsIsVerifiedAgainstTheGivenCa() throws Exception {
        TestCertificates certs = TestCertificates.get();
        try (FeedServer https = FeedServer.https(certs)) {
            https.put("/kev.json", V1, true);
            Feed kev = new Feed("kev", https.url("kev.json"), "kev.json", 1 << 20);
            FeedResult untrusted = downloader.download(List.of(kev), dir).results().get(0);
            FeedResult.Failed failed = assertInstanceOf(FeedResult.Failed.class, untrusted);
            assertTrue(failed.error().getMessage().contains("TLS"), failed.error().getMessage());
            FeedResult wrongCa = new FeedDownloader(List.of(certs.otherCaCert()), FAST, 1).download(List.of(kev), dir)
                    .results().get(0);
            assertInstanceOf(FeedResult.Failed.class, wrongCa);
            FeedResult trusted = new FeedDownloader(List.of(certs.caCert()), FAST, 1).download(List.of(kev), dir)
                    .results().get(0);
            assertInstanceOf(FeedResult.Downloaded.class, trusted);
            assertArrayEquals(V1, Files.readAllBytes(dir.resolve("kev.json")));
        }
    }

    @Test
    void defaultsNameThePublishersUrls() {
        List<String> urls = FeedConfig.defaults().feeds().stream().map(f -> f.url().toString()).toList();
        assertTrue(urls.contains("https://osv-vulnerabilities.storage.googleapis.com/Rocky%20Linux/all.zip"));
        assertTrue(urls.contains("https://osv-vulnerabilities.storage.googleapis.com/crates.io/all.zip"));
        assertTrue(urls.contains("https://security-tracker.debian.org/tracker/data/json"));
        assertTrue(urls.contains("https://secdb.alpinelinux.org/v3.20/main.json"));
        assertTrue(urls.contains("https://secdb.alpinelinux.org/v3.20/community.json"));
        assertTrue(urls.contains("https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json"));
        assertTrue(urls.contains("https://epss.empiricalsecurity.com/epss_scores-current.csv.gz"));
    }

    @Test
    void unsafeNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Feed("x", URI.create("https://h/x"), "../x", 1));
        assertThrows(IllegalArgumentException.class, () -> new Feed("x", URI.create("https://h/x"), "/abs", 1));
        assertThrows(IllegalArgumentException.class, () -> new Feed("x", URI.create("file:///etc/passwd"), "x", 1));
        assertThrows(IllegalArgumentException.class, () -> FeedConfig.defaults().withOsvEcosystems(List.of("a/..")));
        assertThrows(IllegalArgumentException.class, () -> FeedConfig.defaults().withAlpineBranches(List.of("3.20")));
        assertThrows(IllegalArgumentException.class, () -> FeedConfig.defaults().withMirror(URI.create("ftp://m/")));
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".part")).toList());
        }
    }
}
