package dev.bulwark.engine.advisory.store;

import dev.bulwark.engine.advisory.Advisory;
import dev.bulwark.engine.advisory.Affected;
import dev.bulwark.engine.advisory.EpssScore;
import dev.bulwark.engine.advisory.KevEntry;
import dev.bulwark.engine.advisory.PackageKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Encodes the sections of the file. The package index maps {@code ecosystem NUL name} to the compact affected
 * records of every non-withdrawn advisory naming that package, so a lookup is one binary search and one decode;
 * the full advisory is a separate record read by id only for hits.
 */
record DatabaseSections(List<byte[]> parts, int packageKeys) {

    static DatabaseSections build(Map<String, Advisory> advisories, Map<String, KevEntry> kev,
            Map<String, EpssScore> epss) {
        SortedTableWriter byId = new SortedTableWriter();
        Map<String, List<byte[]>> byPackage = new TreeMap<>();
        for (Advisory a : new TreeMap<>(advisories).values()) {
            RecordWriter w = new RecordWriter();
            AdvisoryCodec.writeAdvisory(w, a);
            byId.put(utf8(a.id()), w.toByteArray());
            if (a.isWithdrawn()) {
                continue;
            }
            for (Affected x : a.affected()) {
                RecordWriter e = new RecordWriter();
                e.string(a.id());
                AdvisoryCodec.writeMatchable(e, x);
                byPackage.computeIfAbsent(keyString(x.key()), k -> new ArrayList<>()).add(e.toByteArray());
            }
        }
        SortedTableWriter packages = new SortedTableWriter();
        for (Map.Entry<String, List<byte[]>> p : byPackage.entrySet()) {
            RecordWriter w = new RecordWriter();
            w.varint(p.getValue().size());
            p.getValue().forEach(w::raw);
            packages.put(utf8(p.getKey()), w.toByteArray());
        }
        SortedTableWriter kevTable = new SortedTableWriter();
        for (KevEntry k : kev.values()) {
            RecordWriter w = new RecordWriter();
            AdvisoryCodec.writeKev(w, k);
            kevTable.put(utf8(k.cveId()), w.toByteArray());
        }
        SortedTableWriter epssTable = new SortedTableWriter();
        for (EpssScore s : epss.values()) {
            RecordWriter w = new RecordWriter();
            w.longValue(Double.doubleToLongBits(s.epss()));
            w.longValue(Double.doubleToLongBits(s.percentile()));
            epssTable.put(utf8(s.cveId()), w.toByteArray());
        }
        return new DatabaseSections(List.of(packages.toByteArray(), byId.toByteArray(),
                aliases(advisories.values()).toByteArray(), kevTable.toByteArray(), epssTable.toByteArray()),
                packages.size());
    }

    /** Alias groups: every id an advisory or its aliases connect, transitively, stored under each member. */
    private static SortedTableWriter aliases(Collection<Advisory> advisories) {
        Map<String, String> parent = new HashMap<>();
        for (Advisory a : advisories) {
            for (String alias : a.aliases()) {
                union(parent, a.id(), alias);
            }
        }
        Map<String, TreeSet<String>> groups = new HashMap<>();
        for (String id : parent.keySet()) {
            groups.computeIfAbsent(root(parent, id), r -> new TreeSet<>()).add(id);
        }
        SortedTableWriter table = new SortedTableWriter();
        for (TreeSet<String> group : groups.values()) {
            RecordWriter w = new RecordWriter();
            w.strings(group);
            byte[] value = w.toByteArray();
            group.forEach(id -> table.put(utf8(id), value));
        }
        return table;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = root(parent, a);
        String rb = root(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }

    private static String root(Map<String, String> parent, String id) {
        String r = id;
        parent.putIfAbsent(r, r);
        while (!parent.get(r).equals(r)) {
            String up = parent.get(parent.get(r));
            parent.put(r, up);
            r = up;
        }
        return r;
    }

    static String keyString(PackageKey key) {
        return key.ecosystem() + '\0' + key.name();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
