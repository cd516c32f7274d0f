package dev.bulwark.engine.ecosystem.python;

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
 * Python packages (purl type {@code pypi}, names normalised as PEP 503 says): installed distributions from
 * {@code *.dist-info/METADATA} and {@code *.egg-info} in site-packages and dist-packages directories, and locked ones
 * from {@code poetry.lock}, {@code Pipfile.lock}, {@code uv.lock} and pinned {@code requirements*.txt}. Licenses
 * come from {@code License-Expression}, {@code License} or license classifiers; an installed distribution's direct
 * dependencies are its run-time {@code Requires-Dist} entries installed beside it.
 */
public final class PythonCataloger implements Cataloger {
    static final String NAME = "python";

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
        return PythonFileKind.of(path) != null;
    }

    @Override
    public List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException {
        PythonFileKind kind = PythonFileKind.of(file.path());
        if (kind == null) {
            return List.of();
        }
        return switch (kind) {
            case DIST_INFO, EGG_INFO -> installed(file, warnings);
            case POETRY_LOCK -> PythonLockParsers.poetry(file, warnings);
            case PIPFILE_LOCK -> PythonLockParsers.pipfile(file, warnings);
            case UV_LOCK -> PythonLockParsers.uv(file, warnings);
            case REQUIREMENTS -> RequirementsParser.parse(file.content(), file.path(), warnings);
        };
    }

    private static List<Package> installed(CatalogFile file, WarningSink warnings) throws IOException {
        CoreMetadata m;
        try {
            m = CoreMetadata.read(file.content());
        } catch (LineReader.LineTooLongException e) {
            warnings.warn("python.malformed", file.path() + ": " + e.getMessage());
            return List.of();
        }
        if (m.name() == null || m.name().isBlank() || m.version() == null || m.version().isBlank()) {
            warnings.warn("python.incomplete-package", file.path() + ": no Name or Version header");
            return List.of();
        }
        return List.of(new Package("pypi", Pep503.normalize(m.name().strip()), m.version().strip(), null, null, null,
                m.licenses(), NAME, file.path(), null, null, null, m.runtimeRequirementNames(), null, null));
    }

    /** Resolves installed distributions' requirement names to what is installed in the same directory. */
    @Override
    public List<Package> assemble(List<Package> found) {
        Map<String, Map<String, String>> versionsBySite = new HashMap<>();
        for (Package p : found) {
            if (isInstalled(p)) {
                versionsBySite.computeIfAbsent(siteDir(p), k -> new HashMap<>()).putIfAbsent(p.name(), p.version());
            }
        }
        List<Package> out = new ArrayList<>(found.size());
        for (Package p : found) {
            if (!isInstalled(p)) {
                out.add(p);
                continue;
            }
            Map<String, String> installed = versionsBySite.get(siteDir(p));
            List<String> deps = new ArrayList<>(p.dependsOn().size());
            for (String name : p.dependsOn()) {
                String version = installed.get(name);
                if (version != null) {
                    deps.add(name + "@" + version);
                }
            }
            out.add(p.withDependsOn(deps));
        }
        return out;
    }

    private static boolean isInstalled(Package p) {
        PythonFileKind kind = PythonFileKind.of(p.location());
        return kind == PythonFileKind.DIST_INFO || kind == PythonFileKind.EGG_INFO;
    }

    private static String siteDir(Package p) {
        return p.location().substring(0, PythonFileKind.siteDirEnd(p.location()));
    }
}
