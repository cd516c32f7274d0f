package dev.bulwark.engine.advisory.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which public feeds to download and from where. By default each feed comes from its publisher; with a mirror base
 * URL every feed comes from {@code <mirror>/<path>} instead, where {@code path} is the same relative path the
 * downloader saves it under, so a mirror is a static copy of a download directory:
 * <pre>
 * osv/&lt;Ecosystem&gt;/all.zip                 OSV export per ecosystem (e.g. osv/PyPI/all.zip, osv/Rocky Linux/all.zip)
 * debian/tracker.json                    Debian Security Tracker JSON
 * alpine/&lt;branch&gt;/main.json, community.json  Alpine secdb per branch (e.g. alpine/v3.20/main.json)
 * kev/known_exploited_vulnerabilities.json  CISA KEV catalog
 * epss/epss_scores-current.csv.gz        FIRST EPSS scores
 * </pre>
 *
 * @param osvEcosystems OSV ecosystem names as OSV spells them (each has an {@code all.zip} export)
 * @param alpineBranches Alpine secdb branches such as {@code v3.20}
 * @param debianTracker whether to fetch the Debian Security Tracker JSON
 * @param kev whether to fetch the CISA KEV catalog
 * @param epss whether to fetch the EPSS scores
 * @param mirror base URL replacing every publisher's host, or null
 */
public record FeedConfig(List<String> osvEcosystems, List<String> alpineBranches, boolean debianTracker, boolean kev,
        boolean epss, URI mirror) {
    public static final String OSV_BASE = "https://osv-vulnerabilities.storage.googleapis.com/";
    public static final String DEBIAN_TRACKER_URL = "https://security-tracker.debian.org/tracker/data/json";
    public static final String ALPINE_SECDB_BASE = "https://secdb.alpinelinux.org/";
    public static final String KEV_URL =
            "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json";
    public static final String EPSS_URL = "https://epss.empiricalsecurity.com/epss_scores-current.csv.gz";

    /** The OSV ecosystems the scanner matches (issue 4); each is one {@code all.zip}. */
    public static final List<String> DEFAULT_OSV_ECOSYSTEMS = List.of("AlmaLinux", "Alpine", "Debian", "Red Hat",
            "Rocky Linux", "Ubuntu", "Maven", "npm", "PyPI", "Go", "crates.io", "RubyGems", "NuGet", "Packagist");
    public static final List<String> DEFAULT_ALPINE_BRANCHES = List.of("v3.19", "v3.20", "v3.21", "v3.22");

    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;
    private static final Pattern ECOSYSTEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._:+-]{0,63}");
    private static final Pattern BRANCH = Pattern.compile("v[0-9]{1,2}\\.[0-9]{1,3}|edge");

    public FeedConfig {
        osvEcosystems = List.copyOf(osvEcosystems);
        alpineBranches = List.copyOf(alpineBranches);
        for (String e : osvEcosystems) {
            if (!ECOSYSTEM.matcher(e).matches()) {
                throw new IllegalArgumentException("not an OSV ecosystem name: \"" + e + "\"");
            }
        }
        for (String b : alpineBranches) {
            if (!BRANCH.matcher(b).matches()) {
                throw new IllegalArgumentException("not an Alpine branch (vN.N or edge): \"" + b + "\"");
            }
        }
        if (mirror != null && (mirror.getHost() == null || !("https".equalsIgnoreCase(mirror.getScheme())
                || "http".equalsIgnoreCase(mirror.getScheme())))) {
            throw new IllegalArgumentException("mirror must be an http(s) URL: " + mirror);
        }
    }

    /** Every feed from its publisher. */
    public static FeedConfig defaults() {
        return new FeedConfig(DEFAULT_OSV_ECOSYSTEMS, DEFAULT_ALPINE_BRANCHES, true, true, true, null);
    }

    public FeedConfig withMirror(URI value) {
        return new FeedConfig(osvEcosystems, alpineBranches, debianTracker, kev, epss, value);
    }

    public FeedConfig withOsvEcosystems(List<String> value) {
        return new FeedConfig(value, alpineBranches, debianTracker, kev, epss, mirror);
    }

    public FeedConfig withAlpineBranches(List<String> value) {
        return new FeedConfig(osvEcosystems, value, debianTracker, kev, epss, mirror);
    }

    /** The feeds this configuration names, in a stable order. */
    public List<Feed> feeds() {
        List<Feed> feeds = new ArrayList<>();
        for (String ecosystem : osvEcosystems) {
            feeds.add(feed("osv/" + ecosystem, OSV_BASE + encode(ecosystem) + "/all.zip",
                    "osv/" + ecosystem + "/all.zip", 2 * GIB));
        }
        if (debianTracker) {
            feeds.add(feed("debian-tracker", DEBIAN_TRACKER_URL, "debian/tracker.json", GIB));
        }
        for (String branch : alpineBranches) {
            for (String repo : List.of("main", "community")) {
                feeds.add(feed("alpine/" + branch + "/" + repo, ALPINE_SECDB_BASE + branch + "/" + repo + ".json",
                        "alpine/" + branch + "/" + repo + ".json", 64 * MIB));
            }
        }
        if (kev) {
            feeds.add(feed("kev", KEV_URL, "kev/known_exploited_vulnerabilities.json", 64 * MIB));
        }
        if (epss) {
            feeds.add(feed("epss", EPSS_URL, "epss/epss_scores-current.csv.gz", 256 * MIB));
        }
        return List.copyOf(feeds);
    }

    private Feed feed(String name, String publisherUrl, String path, long maxBytes) {
        URI url = mirror == null ? URI.create(publisherUrl) : mirrorBase().resolve(encodePath(path));
        return new Feed(name, url, path, maxBytes);
    }

    private URI mirrorBase() {
        String s = mirror.toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }

    /** Percent-encodes a relative path (spaces in "Rocky Linux"); segments never start with a scheme-like colon. */
    private static String encodePath(String path) {
        try {
            return new URI(null, null, path, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot encode " + path, e);
        }
    }

    private static String encode(String segment) {
        return encodePath(segment);
    }
}
