package dev.bulwark.engine.ecosystem.python;

import dev.bulwark.engine.catalog.LineReader;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * pip requirements files: only requirements pinned to one version ({@code name==1.2.3}, extras and environment
 * markers allowed) name what gets installed; ranges, unpinned names, URLs and options do not, and are counted in one
 * warning per file rather than guessed. Files named for development or tests ({@code requirements-dev.txt},
 * {@code test-requirements.txt}, {@code requirements/dev.txt}) are development-only by the common convention.
 */
final class RequirementsParser {
    static final int MAX_LINE = 64 << 10;
    static final int MAX_LOGICAL_LINE = 1 << 20;
    static final int MAX_REQUIREMENTS = 100_000;

    private RequirementsParser() {
    }

    static List<Package> parse(InputStream in, String path, WarningSink warnings) throws IOException {
        Set<PackageFlag> flags = development(path) ? Set.of(PackageFlag.DEVELOPMENT) : Set.of();
        List<Package> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int unpinned = 0;
        LineReader lines = new LineReader(in, MAX_LINE);
        StringBuilder logical = new StringBuilder();
        String line;
        try {
            while ((line = lines.readLine()) != null) {
                if (line.endsWith("\\")) {
                    if (logical.length() + line.length() > MAX_LOGICAL_LINE) {
                        warnings.warn("python.malformed", path + ": a continued line over " + MAX_LOGICAL_LINE
                                + " bytes at line " + lines.lineNumber() + " (requirements before it are kept)");
                        break;
                    }
                    logical.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                logical.append(line);
                String requirement = strip(logical.toString());
                logical.setLength(0);
                if (requirement.isEmpty() || requirement.startsWith("-")) {
                    continue;
                }
                String[] pinned = pinned(requirement);
                if (pinned == null) {
                    unpinned++;
                    continue;
                }
                if (out.size() >= MAX_REQUIREMENTS) {
                    warnings.warn("python.too-many-entries", path + ": more than " + MAX_REQUIREMENTS
                            + " requirements; the rest are not read");
                    break;
                }
                if (seen.add(pinned[0] + "@" + pinned[1])) {
                    out.add(new Package("pypi", pinned[0], pinned[1], null, null, null, List.of(),
                            PythonCataloger.NAME, path, null, null, null, null, flags, null));
                }
            }
        } catch (LineReader.LineTooLongException e) {
            warnings.warn("python.malformed", path + ": " + e.getMessage() + " (requirements before it are kept)");
        }
        if (unpinned > 0) {
            warnings.warn("python.unpinned-requirements", path + ": " + unpinned
                    + " requirements not pinned with == (ranges, bare names, URLs); not reported");
        }
        return out;
    }

    /** The requirement without its comment and hash options. */
    private static String strip(String line) {
        String s = line;
        int hash = s.indexOf(" #");
        if (s.startsWith("#")) {
            return "";
        }
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        int option = s.indexOf(" --");
        if (option >= 0) {
            s = s.substring(0, option);
        }
        return s.strip();
    }

    /** {@code [normalised name, version]} for {@code name[extras]==version[; marker]}, or null. */
    static String[] pinned(String requirement) {
        int semi = requirement.indexOf(';');
        String spec = (semi < 0 ? requirement : requirement.substring(0, semi)).strip();
        if (spec.contains("://") || spec.contains(" @ ")) {
            return null;
        }
        int op = spec.indexOf("==");
        if (op <= 0 || spec.indexOf(',') >= 0) {
            return null;
        }
        String name = Pep503.requirementName(spec.substring(0, op));
        String version = spec.substring(spec.startsWith("===", op) ? op + 3 : op + 2).strip();
        if (name == null || version.isEmpty() || version.contains("*") || version.indexOf(' ') >= 0
                || !spec.substring(0, op).strip().matches("[A-Za-z0-9._-]+(\\[[A-Za-z0-9._, -]*\\])?")) {
            return null;
        }
        return new String[] {name, version};
    }

    private static boolean development(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        String base = p.substring(p.lastIndexOf('/') + 1);
        return base.contains("dev") || base.contains("test") || base.contains("lint") || base.contains("docs");
    }
}
