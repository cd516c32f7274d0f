package dev.bulwark.engine.advisory.store;

import dev.bulwark.engine.advisory.Advisory;
import dev.bulwark.engine.advisory.AdvisorySource;
import dev.bulwark.engine.advisory.Affected;
import dev.bulwark.engine.advisory.AffectedEntry;
import dev.bulwark.engine.advisory.EventKind;
import dev.bulwark.engine.advisory.FixState;
import dev.bulwark.engine.advisory.KevEntry;
import dev.bulwark.engine.advisory.PackageKey;
import dev.bulwark.engine.advisory.RangeEvent;
import dev.bulwark.engine.advisory.RangeType;
import dev.bulwark.engine.advisory.Reference;
import dev.bulwark.engine.advisory.SeverityType;
import dev.bulwark.engine.advisory.SeverityVector;
import dev.bulwark.engine.advisory.VersionRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of advisories, affected packages and KEV entries in the database. Decoding goes back through the
 * model's validating constructors, so a damaged record fails as {@link CorruptDatabase} rather than yielding an
 * invalid object. Enum ordinals are part of the file format: new constants go at the end and bump the schema.
 */
final class AdvisoryCodec {
    private AdvisoryCodec() {
    }

    static void writeAdvisory(RecordWriter w, Advisory a) {
        w.string(a.id());
        w.strings(a.aliases());
        w.strings(a.related());
        w.strings(a.upstream());
        w.string(a.summary());
        w.string(a.details());
        w.instant(a.published());
        w.instant(a.modified());
        w.instant(a.withdrawn());
        w.varint(a.severities().size());
        for (SeverityVector s : a.severities()) {
            w.put((byte) s.type().ordinal());
            w.string(s.score());
        }
        w.varint(a.affected().size());
        a.affected().forEach(x -> writeAffected(w, x));
        w.varint(a.references().size());
        for (Reference r : a.references()) {
            w.string(r.type());
            w.string(r.url());
        }
        w.string(a.databaseSpecific());
        w.put((byte) a.source().ordinal());
    }

    static Advisory readAdvisory(RecordReader r) {
        return readAdvisory(r, true);
    }

    /**
     * The advisory as matching reads it: everything but {@code details} (null) and {@code affected} (empty), which a
     * finding does not show and which make up most of a record.
     */
    static Advisory readAdvisoryForMatching(RecordReader r) {
        return readAdvisory(r, false);
    }

    private static Advisory readAdvisory(RecordReader r, boolean whole) {
        try {
            String id = r.requiredString();
            List<String> aliases = r.strings();
            List<String> related = r.strings();
            List<String> upstream = r.strings();
            String summary = r.string();
            String details = null;
            if (whole) {
                details = r.string();
            } else {
                r.skipString();
            }
            var published = r.instant();
            var modified = r.instant();
            var withdrawn = r.instant();
            int ns = r.count();
            List<SeverityVector> severities = new ArrayList<>(ns);
            for (int i = 0; i < ns; i++) {
                severities.add(new SeverityVector(r.enumValue(SeverityType.values()), r.requiredString()));
            }
            int na = r.count();
            List<Affected> affected = whole ? new ArrayList<>(na) : List.of();
            for (int i = 0; i < na; i++) {
                if (whole) {
                    affected.add(readAffected(r));
                } else {
                    skipAffected(r);
                }
            }
            int nr = r.count();
            List<Reference> refs = new ArrayList<>(nr);
            for (int i = 0; i < nr; i++) {
                refs.add(new Reference(r.requiredString(), r.requiredString()));
            }
            return new Advisory(id, aliases, related, upstream, summary, details, published, modified, withdrawn,
                    severities, affected, refs, r.string(), r.enumValue(AdvisorySource.values()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CorruptDatabase("invalid advisory: " + e.getMessage());
        }
    }

    /** Moves past what {@link #writeAffected} wrote, checking only the bounds. */
    private static void skipAffected(RecordReader r) {
        r.skipString();
        r.skipString();
        r.skipString();
        int n = r.count();
        for (int i = 0; i < n; i++) {
            r.get();
            r.skipString();
            int ne = r.count();
            for (int j = 0; j < ne; j++) {
                r.get();
                r.skipString();
            }
        }
        r.skipStrings();
        r.get();
        for (int i = 0; i < 4; i++) {
            r.skipString();
        }
    }

    static void writeAffected(RecordWriter w, Affected a) {
        w.string(a.key().ecosystem());
        w.string(a.key().name());
        w.string(a.purl());
        writeMatchable(w, a);
        w.string(a.note());
        w.string(a.ecosystemSpecific());
        w.string(a.databaseSpecific());
    }

    /** The part of an affected package a matcher needs: the package index stores only this. */
    static void writeMatchable(RecordWriter w, Affected a) {
        w.varint(a.ranges().size());
        for (VersionRange range : a.ranges()) {
            w.put((byte) range.type().ordinal());
            w.string(range.repo());
            w.varint(range.events().size());
            for (RangeEvent e : range.events()) {
                w.put((byte) e.kind().ordinal());
                w.string(e.version());
            }
        }
        w.strings(a.versions());
        w.put((byte) a.fixState().ordinal());
        w.string(a.distroSeverity());
    }

    static Affected readAffected(RecordReader r) {
        try {
            PackageKey key = new PackageKey(r.requiredString(), r.requiredString());
            String purl = r.string();
            List<VersionRange> ranges = readRanges(r);
            return new Affected(key, purl, ranges, r.strings(), r.enumValue(FixState.values()), r.string(),
                    r.string(), r.string(), r.string());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CorruptDatabase("invalid affected package: " + e.getMessage());
        }
    }

    static AffectedEntry readEntry(RecordReader r, PackageKey key) {
        try {
            String id = r.requiredString();
            List<VersionRange> ranges = readRanges(r);
            return new AffectedEntry(id, key, ranges, r.strings(), r.enumValue(FixState.values()), r.string());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CorruptDatabase("invalid package index entry: " + e.getMessage());
        }
    }

    private static List<VersionRange> readRanges(RecordReader r) {
        int n = r.count();
        List<VersionRange> ranges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            RangeType type = r.enumValue(RangeType.values());
            String repo = r.string();
            int ne = r.count();
            List<RangeEvent> events = new ArrayList<>(ne);
            for (int j = 0; j < ne; j++) {
                events.add(new RangeEvent(r.enumValue(EventKind.values()), r.requiredString()));
            }
            ranges.add(new VersionRange(type, repo, events));
        }
        return ranges;
    }

    static void writeKev(RecordWriter w, KevEntry k) {
        w.string(k.cveId());
        w.string(k.vendorProject());
        w.string(k.product());
        w.string(k.name());
        w.date(k.dateAdded());
        w.date(k.dueDate());
        w.string(k.knownRansomwareUse());
        w.string(k.shortDescription());
    }

    static KevEntry readKev(RecordReader r) {
        try {
            return new KevEntry(r.requiredString(), r.string(), r.string(), r.string(), r.date(), r.date(),
                    r.string(), r.string());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CorruptDatabase("invalid KEV entry: " + e.getMessage());
        }
    }
}
