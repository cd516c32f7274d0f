package dev.bulwark.engine.ecosystem.ruby;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.catalog.LineReader;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gems locked by a Bundler {@code Gemfile.lock}: every spec of its {@code GEM}, {@code GIT} and {@code PATH}
 * sections ({@code name (version)} at four spaces, {@code version-platform} for platform gems, whose platform becomes
 * the architecture), with the dependencies listed under it at six spaces resolved to the locked versions.
 */
public final class GemfileLockCataloger implements Cataloger {
    static final String NAME = "gemfile-lock";
    static final int MAX_LINE = 64 << 10;
    static final int MAX_SPECS = 100_000;

    private record Spec(String name, String version, String platform, List<String> deps) {
    }

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
        return path.equals("Gemfile.lock") || path.endsWith("/Gemfile.lock") || path.endsWith("/gems.locked")
                || path.equals("gems.locked");
    }

    @Override
    public List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException {
        LineReader lines = new LineReader(file.content(), MAX_LINE);
        List<Spec> specs = new ArrayList<>();
        boolean inSpecs = false;
        int malformed = 0;
        try {
            for (String line; (line = lines.readLine()) != null; ) {
                if (!line.startsWith(" ")) {
                    inSpecs = false;
                } else if (line.equals("  specs:")) {
                    inSpecs = true;
                } else if (inSpecs && line.startsWith("    ") && !line.startsWith("     ")) {
                    Spec s = spec(line.substring(4));
                    if (s == null || specs.size() >= MAX_SPECS) {
                        malformed++;
                    } else {
                        specs.add(s);
                    }
                } else if (inSpecs && line.startsWith("      ") && !line.startsWith("       ") && !specs.isEmpty()) {
                    String dep = line.substring(6);
                    int space = dep.indexOf(' ');
                    specs.get(specs.size() - 1).deps().add(space < 0 ? dep : dep.substring(0, space));
                }
            }
        } catch (LineReader.LineTooLongException e) {
            warnings.warn("gemfile-lock.malformed", file.path() + ": " + e.getMessage() + "; not a Gemfile.lock");
            return List.of();
        }
        if (malformed > 0) {
            warnings.warn("gemfile-lock.malformed-spec", file.path() + ": " + malformed
                    + " spec lines could not be read; skipped");
        }
        Map<String, String> versions = new HashMap<>();
        for (Spec s : specs) {
            versions.putIfAbsent(s.name(), s.version());
        }
        Map<String, Package> out = new LinkedHashMap<>();
        for (Spec s : specs) {
            List<String> deps = new ArrayList<>();
            for (String d : s.deps()) {
                String v = versions.get(d);
                if (v != null) {
                    deps.add(d + "@" + v);
                }
            }
            Package p = new Package("gem", s.name(), s.version(), s.platform(), null, null, List.of(), NAME,
                    file.path(), null, null).withDependsOn(deps);
            out.putIfAbsent(p.identity(), p);
        }
        return List.copyOf(out.values());
    }

    private static Spec spec(String text) {
        int open = text.indexOf(" (");
        if (open <= 0 || !text.endsWith(")")) {
            return null;
        }
        String name = text.substring(0, open);
        String version = text.substring(open + 2, text.length() - 1);
        String platform = null;
        // "1.13.8-x86_64-linux": gem versions never contain a hyphen, platforms always follow one
        int dash = version.indexOf('-');
        if (dash > 0) {
            platform = version.substring(dash + 1);
            version = version.substring(0, dash);
        }
        if (name.isEmpty() || version.isEmpty() || name.contains(" ")) {
            return null;
        }
        return new Spec(name, version, platform, new ArrayList<>());
    }
}
