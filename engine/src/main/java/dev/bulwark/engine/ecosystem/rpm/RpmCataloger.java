package dev.bulwark.engine.ecosystem.rpm;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * RPM packages from the rpm database, under {@code var/lib/rpm/} or {@code usr/lib/sysimage/rpm/}, in any of its
 * three formats: SQLite {@code rpmdb.sqlite}, Berkeley DB hash {@code Packages} and NDB {@code Packages.db}. The
 * format is told by the file's magic. {@code gpg-pubkey} entries (imported signing keys) are not packages and are
 * left out. A damaged entry is skipped with a warning; a database that cannot be read at all gives one warning.
 */
public final class RpmCataloger implements Cataloger {
    static final String NAME = "rpm";
    /** Far above any real system (a full RHEL install has a few thousand), low enough to bound memory. */
    static final int MAX_PACKAGES = 100_000;
    /** A thoroughly broken file could otherwise yield a warning per slot or cell. */
    static final int MAX_WARNINGS = 100;
    private static final Set<String> DATABASES = Set.of(
            "var/lib/rpm/rpmdb.sqlite", "var/lib/rpm/Packages", "var/lib/rpm/Packages.db",
            "usr/lib/sysimage/rpm/rpmdb.sqlite", "usr/lib/sysimage/rpm/Packages",
            "usr/lib/sysimage/rpm/Packages.db");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(String path) {
        return DATABASES.contains(path);
    }

    @Override
    public List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException {
        String path = file.path();
        try (RandomAccessBytes db = SpooledDatabase.spool(path, file.content())) {
            if (db.size() == 0) {
                return List.of();
            }
            RpmDatabaseReader reader = RpmDatabaseReader.forMagic(db);
            if (reader == null) {
                warnings.warn("rpm.unknown-format", path
                        + " is not an rpm database in SQLite, Berkeley DB hash or NDB format; skipped");
                return List.of();
            }
            Collector collector = new Collector(path, warnings);
            try {
                reader.read(db, collector);
            } catch (MalformedDatabaseException e) {
                warnings.warn("rpm.unreadable-database", path + " cannot be read: " + e.getMessage()
                        + (collector.packages.isEmpty() ? "" : "; kept the " + collector.packages.size()
                        + " packages read before"));
            }
            if (collector.warned > MAX_WARNINGS) {
                warnings.warn("rpm.too-many-warnings", path + ": " + (collector.warned - MAX_WARNINGS)
                        + " more damaged entries were skipped");
            }
            return collector.packages;
        }
    }

    /** Turns header blobs into packages as the reader finds them, so blobs never pile up in memory. */
    private static final class Collector implements HeaderBlobSink {
        final String path;
        final WarningSink warnings;
        final List<Package> packages = new ArrayList<>();
        int seen;
        int warned;

        Collector(String path, WarningSink warnings) {
            this.path = path;
            this.warnings = warnings;
        }

        @Override
        public boolean wantsMore() {
            if (seen < MAX_PACKAGES) {
                return true;
            }
            if (seen == MAX_PACKAGES) {
                seen++;
                warnings.warn("rpm.too-many-packages", path + " has more than " + MAX_PACKAGES
                        + " entries; the rest were not read");
            }
            return false;
        }

        @Override
        public void blob(byte[] header) {
            seen++;
            RpmHeader h;
            try {
                h = RpmHeader.parse(header);
            } catch (MalformedHeaderException e) {
                warn("rpm.malformed-header", "skipped a package whose header is damaged: " + e.getMessage());
                return;
            }
            if (!h.name().equals("gpg-pubkey")) {
                packages.add(toPackage(h, path));
            }
        }

        @Override
        public void skipped(String reason) {
            warn("rpm.malformed-entry", "skipped an entry: " + reason);
        }

        private void warn(String code, String message) {
            if (++warned <= MAX_WARNINGS) {
                warnings.warn(code, path + ": " + message);
            }
        }
    }

    static Package toPackage(RpmHeader h, String path) {
        SourceRpm source = SourceRpm.parse(h.sourceRpm());
        String sourceVersion = null;
        if (source != null) {
            // Epoch is spec-wide, so the binary's epoch is the source's too; the file name just cannot carry it.
            String vr = source.version() + "-" + source.release();
            sourceVersion = h.epoch() == null ? vr : h.epoch() + ":" + vr;
        }
        return new Package("rpm", h.name(), h.evr(), h.arch(), source == null ? null : source.name(), sourceVersion,
                h.license() == null ? List.of() : List.of(h.license()), NAME, path, null, null);
    }
}
