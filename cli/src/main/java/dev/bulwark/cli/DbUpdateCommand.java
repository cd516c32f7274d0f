package dev.bulwark.cli;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.advisory.feed.DatabaseArtifact;
import dev.bulwark.engine.advisory.feed.DownloadReport;
import dev.bulwark.engine.advisory.feed.FeedConfig;
import dev.bulwark.engine.advisory.feed.FeedDownloader;
import dev.bulwark.engine.advisory.feed.FeedResult;
import dev.bulwark.engine.advisory.feed.PulledDatabase;
import dev.bulwark.engine.advisory.imports.Importers;
import dev.bulwark.engine.advisory.store.AdvisoryDatabase;
import dev.bulwark.engine.advisory.store.AdvisoryDatabaseBuilder;
import dev.bulwark.engine.source.registry.RetryPolicy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bulwark db update}: downloads the public feeds (conditionally: unchanged feeds are not fetched again) and
 * rebuilds the database, or pulls a built database from a registry with {@code --from REF}. The previous database
 * stays in place until the new one is complete; a failed download leaves it untouched.
 */
final class DbUpdateCommand implements Command {
    static final Opt MIRROR = Opt.value("URL", "Fetch every feed from this mirror instead of the publishers (the"
            + " layout is in docs/vulnerabilities.md).", "--mirror");
    static final Opt FROM = Opt.value("REF", "Pull a database built elsewhere from a registry (pushed with"
            + " 'bulwark db push') instead of downloading feeds.", "--from");
    static final Opt OSV = Opt.value("LIST", "Comma-separated OSV ecosystems to fetch (default: the 14 Bulwark"
            + " matches).", "--osv-ecosystems");
    static final Opt ALPINE = Opt.value("LIST", "Comma-separated Alpine secdb branches (default: v3.19 to v3.22).",
            "--alpine-branches");

    private static final CommandDef DEF = new CommandDef("db update",
            "Download the advisory feeds and rebuild the database, or pull one with --from.",
            List.of(AdvisoryDb.DB_DIR, MIRROR, FROM, OSV, ALPINE, ImageCommand.CA_CERT, ImageCommand.INSECURE,
                    ImageCommand.USERNAME, ImageCommand.PASSWORD_STDIN, ImageCommand.AUTHFILE, ReportOptions.QUIET,
                    ReportOptions.DEBUG),
            null, false, null, List.of("",
                    "  bulwark db update                          from the publishers (OSV, Debian, Alpine, KEV, EPSS)",
                    "  bulwark db update --mirror https://m/bw/   from a mirror of the same files",
                    "  bulwark db update --from reg.local/bulwark/db:1   a database pushed with 'bulwark db push'"));

    @Override
    public CommandDef def() {
        return DEF;
    }

    @Override
    public int run(ParsedArgs args, Io io) throws java.io.IOException {
        Path dir = AdvisoryDb.directory(args);
        Files.createDirectories(dir);
        Path file = dir.resolve(AdvisoryDb.FILE_NAME);
        String from = args.value("--from");
        if (from != null) {
            PulledDatabase pulled = DatabaseArtifact.pull(ImageSources.registryOptions(from, args, io), file);
            if (!args.flag("--quiet")) {
                io.err().println("bulwark: pulled " + pulled.manifestDigest() + " (" + pulled.size() + " bytes)");
            }
            try (AdvisoryDatabase db = AdvisoryDatabase.open(file)) {
                DbStatusCommand.print(io, file, db.metadata());
            }
            return 0;
        }
        FeedConfig config = FeedConfig.defaults();
        try {
            if (args.value("--mirror") != null) {
                config = config.withMirror(URI.create(args.value("--mirror")));
            }
            if (args.value("--osv-ecosystems") != null) {
                config = config.withOsvEcosystems(list(args.value("--osv-ecosystems")));
            }
            if (args.value("--alpine-branches") != null) {
                config = config.withAlpineBranches(list(args.value("--alpine-branches")));
            }
        } catch (IllegalArgumentException e) {
            throw new BulwarkException(ErrorKind.USAGE, e.getMessage());
        }
        List<Path> caCerts = args.values("--ca-cert").stream().map(Path::of).toList();
        DownloadReport report = new FeedDownloader(caCerts, RetryPolicy.defaults(), 2)
                .download(config.feeds(), dir.resolve("feeds"));
        report.throwIfFailed();
        if (report.changed().isEmpty() && Files.isRegularFile(file)) {
            if (!args.flag("--quiet")) {
                io.err().println("bulwark: no feed changed; the database is up to date");
            }
            return 0;
        }
        AdvisoryDatabaseBuilder builder = new AdvisoryDatabaseBuilder();
        List<Path> files = new ArrayList<>();
        for (FeedResult r : report.results()) {
            switch (r) {
                case FeedResult.Downloaded d -> files.add(d.file());
                case FeedResult.NotModified n -> files.add(n.file());
                case FeedResult.Failed f -> throw new IllegalStateException("failed feeds were reported above");
            }
        }
        for (Path f : files) {
            Importers.importPath(f, builder);
        }
        DbStatusCommand.print(io, file, builder.writeAtomically(file));
        return 0;
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
