package dev.bulwark.engine.ecosystem.ruby;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.catalog.LineReader;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ruby gems installed in a gem directory: every {@code specifications/*.gemspec} (and {@code specifications/default/}
 * for gems bundled with Ruby) under any gem path, which covers {@code /usr/lib/ruby/gems}, {@code /var/lib/gems},
 * {@code /usr/local/bundle}, Debian's {@code /usr/share/rubygems-integration} and vendored bundles. Runtime
 * dependencies are resolved to the installed gem of that name in {@link #assemble}, since a gemspec records only a
 * version requirement.
 */
public final class GemCataloger implements Cataloger {
    static final String NAME = "gemspec";
    /** A marker for a dependency known by name only until {@link #assemble} sees every installed gem. */
    static final String UNRESOLVED = "@*";

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
        return path.endsWith(".gemspec") && (path.contains("/specifications/") || path.startsWith("specifications/"));
    }

    @Override
    public List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException {
        GemspecFile spec;
        try {
            spec = GemspecFile.parse(file.content());
        } catch (LineReader.LineTooLongException e) {
            warnings.warn("gemspec.malformed", file.path() + ": " + e.getMessage() + "; skipped");
            return List.of();
        }
        if (spec.name() == null || spec.version() == null || spec.name().isEmpty() || spec.version().isEmpty()) {
            warnings.warn("gemspec.malformed", file.path() + ": no name and version assignment; skipped");
            return List.of();
        }
        List<String> deps = spec.runtimeDependencies().stream().map(d -> d + UNRESOLVED).toList();
        return List.of(new Package("gem", spec.name(), spec.version(), null, null, null, spec.licenses(), NAME,
                file.path(), null, null).withDependsOn(deps));
    }

    /** Resolves each dependency to the gem of that name installed in the same gem directory, else anywhere. */
    @Override
    public List<Package> assemble(List<Package> found) {
        Map<String, List<Package>> byName = new HashMap<>();
        for (Package p : found) {
            byName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p);
        }
        List<Package> out = new ArrayList<>(found.size());
        for (Package p : found) {
            List<String> deps = new ArrayList<>();
            for (String d : p.dependsOn()) {
                if (!d.endsWith(UNRESOLVED)) {
                    deps.add(d);
                    continue;
                }
                Package target = pick(byName.get(d.substring(0, d.length() - UNRESOLVED.length())), gemDir(p));
                if (target != null) {
                    deps.add(target.name() + "@" + target.version());
                }
            }
            out.add(p.withDependsOn(deps));
        }
        return out;
    }

    private static Package pick(List<Package> candidates, String dir) {
        if (candidates == null) {
            return null;
        }
        for (Package c : candidates) {
            if (gemDir(c).equals(dir)) {
                return c;
            }
        }
        return candidates.get(0);
    }

    private static String gemDir(Package p) {
        String loc = p.location() == null ? "" : p.location();
        int at = loc.lastIndexOf("specifications/");
        return at < 0 ? loc : loc.substring(0, at);
    }
}
