package dev.bulwark.engine.ecosystem.dpkg;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.catalog.LineReader;
import dev.bulwark.engine.catalog.PackageFiles;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Debian packages from {@code var/lib/dpkg/status} and distroless {@code var/lib/dpkg/status.d/*}, with licenses
 * from the machine-readable {@code usr/share/doc/PACKAGE/copyright} files where packages ship them.
 */
public final class DpkgCataloger implements Cataloger {
    static final String NAME = "dpkg";
    /** Marks the license-only records a copyright file yields until {@link #assemble} folds them in. */
    static final String COPYRIGHT = "dpkg-copyright";
    private static final String STATUS = "var/lib/dpkg/status";
    private static final String STATUS_D = "var/lib/dpkg/status.d/";
    private static final String DOC = "usr/share/doc/";
    private static final String INFO = "var/lib/dpkg/info/";
    /** dpkg's file lists hold one path per line; none is this long. */
    private static final int MAX_LIST_LINE = 16 << 10;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public boolean wants(String path) {
        if (path.equals(STATUS)) {
            return true;
        }
        if (path.startsWith(STATUS_D)) {
            return path.indexOf('/', STATUS_D.length()) < 0 && !path.endsWith(".md5sums");
        }
        if (path.startsWith(INFO)) {
            return path.endsWith(".list") && path.indexOf('/', INFO.length()) < 0;
        }
        return copyrightPackage(path) != null;
    }

    @Override
    public List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException {
        if (file.path().startsWith(INFO)) {
            recordOwnership(file, warnings);
            return List.of();
        }
        String docPackage = copyrightPackage(file.path());
        if (docPackage != null) {
            List<String> licenses = DebCopyrightParser.licenses(file.content());
            return licenses.isEmpty() ? List.of()
                    : List.of(new Package("deb", docPackage, "", null, null, null, licenses, COPYRIGHT, file.path(),
                            null, null));
        }
        List<Package> out = new ArrayList<>();
        for (DpkgStanza s : DpkgStatusParser.parse(file.content(), file.path(), warnings)) {
            Package p = toPackage(s, file.path(), warnings);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public List<Package> assemble(List<Package> found) {
        Map<String, List<String>> licenses = new HashMap<>();
        List<Package> packages = new ArrayList<>(found.size());
        for (Package p : found) {
            if (COPYRIGHT.equals(p.foundBy())) {
                licenses.put(p.name(), p.licenses());
            } else {
                packages.add(p);
            }
        }
        List<Package> out = new ArrayList<>(packages.size());
        for (Package p : packages) {
            List<String> l = licenses.get(p.name());
            out.add(l == null ? p : p.withLicenses(l));
        }
        return out;
    }

    /** {@code var/lib/dpkg/info/NAME[:ARCH].list}: the files package NAME installed, one absolute path a line. */
    private static void recordOwnership(CatalogFile file, WarningSink sink) throws IOException {
        String base = file.path().substring(INFO.length(), file.path().length() - ".list".length());
        int colon = base.indexOf(':');
        String owner = "deb/" + (colon < 0 ? base : base.substring(0, colon));
        LineReader reader = new LineReader(file.content(), MAX_LIST_LINE);
        String line;
        while ((line = reader.readLine()) != null) {
            String path = line.startsWith("/") ? line.substring(1) : line;
            if (PackageFiles.mayHoldPackages(path)) {
                sink.owns(path, owner);
            }
        }
    }

    private static Package toPackage(DpkgStanza s, String path, WarningSink warnings) {
        String name = s.get("Package");
        String version = s.get("Version");
        if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
            warnings.warn("dpkg.incomplete-stanza", path + ": stanza at line " + s.firstLine()
                    + " has no Package or Version; skipped");
            return null;
        }
        String status = s.get("Status");
        if (status != null) {
            String[] words = status.split("\\s+");
            String state = words[words.length - 1].toLowerCase(Locale.ROOT);
            if (state.equals("not-installed") || state.equals("config-files")) {
                return null;
            }
        }
        String sourceName = name;
        String sourceVersion = version;
        String source = s.get("Source");
        if (source != null && !source.isEmpty()) {
            int paren = source.indexOf('(');
            if (paren > 0 && source.endsWith(")")) {
                sourceName = source.substring(0, paren).trim();
                sourceVersion = source.substring(paren + 1, source.length() - 1).trim();
            } else {
                sourceName = source.trim();
            }
        }
        return new Package("deb", name, version, s.get("Architecture"), sourceName, sourceVersion, List.of(), NAME,
                path, null, null);
    }

    /** The package name for {@code usr/share/doc/NAME/copyright}, else null. */
    private static String copyrightPackage(String path) {
        if (!path.startsWith(DOC) || !path.endsWith("/copyright")) {
            return null;
        }
        int end = path.length() - "/copyright".length();
        if (end <= DOC.length()) {
            return null;
        }
        String name = path.substring(DOC.length(), end);
        return name.indexOf('/') >= 0 ? null : name;
    }
}
