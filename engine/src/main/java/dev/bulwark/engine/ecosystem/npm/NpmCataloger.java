package dev.bulwark.engine.ecosystem.npm;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JavaScript packages (purl type {@code npm}): installed packages from {@code node_modules/**}{@code /package.json},
 * and locked ones from {@code package-lock.json} / {@code npm-shrinkwrap.json} (v1 to v3), {@code yarn.lock}
 * (classic and berry) and {@code pnpm-lock.yaml}. Development-only packages are flagged
 * {@link dev.bulwark.engine.inventory.PackageFlag#DEVELOPMENT}; each package's direct dependencies are listed as
 * {@code name@version} of what the installed tree or the lockfile resolves them to.
 */
public final class NpmCataloger implements Cataloger {
    static final String NAME = "npm";
    /** Lockfiles are streamed; this only bounds how long one file may take. */
    static final long MAX_LOCKFILE = 512L << 20;
    private static final int SNIFF = 4096;

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
        return path.endsWith(".json") || path.endsWith(".lock") || path.endsWith(".yaml")
                ? NpmFileKind.of(path) != null : false;
    }

    @Override
    public List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException {
        NpmFileKind kind = NpmFileKind.of(file.path());
        if (kind == null) {
            return List.of();
        }
        if (kind != NpmFileKind.INSTALLED && kind != NpmFileKind.MANIFEST && file.size() > MAX_LOCKFILE) {
            warnings.warn("npm.oversized", file.path() + " is " + file.size() + " bytes, over the limit of "
                    + MAX_LOCKFILE + "; not read");
            return List.of();
        }
        return switch (kind) {
            case INSTALLED -> PackageJsonParser.installed(file, warnings);
            case MANIFEST -> PackageJsonParser.manifest(file, warnings);
            case PACKAGE_LOCK -> PackageLockParser.parse(file, warnings);
            case PNPM_LOCK -> PnpmLockParser.parse(file.content(), file.path(), warnings);
            case YARN_LOCK -> yarn(file, warnings);
        };
    }

    private static List<Package> yarn(CatalogFile file, WarningSink warnings) throws IOException {
        BufferedInputStream in = new BufferedInputStream(file.content(), SNIFF * 2);
        in.mark(SNIFF);
        String head = new String(in.readNBytes(SNIFF), StandardCharsets.UTF_8);
        in.reset();
        // Berry writes YAML opening with __metadata after its comment; classic has no such key.
        boolean berry = head.startsWith("__metadata:") || head.contains("\n__metadata:");
        return berry ? YarnBerryLockParser.parse(in, file.path(), warnings)
                : YarnClassicLockParser.parse(in, file.path(), warnings);
    }

    @Override
    public List<Package> assemble(List<Package> found) {
        List<Package> markers = new ArrayList<>();
        List<Package> installed = new ArrayList<>();
        Map<String, List<Package>> yarnLocks = new HashMap<>();
        List<Package> out = new ArrayList<>(found.size());
        for (Package p : found) {
            if (ProjectRoots.isMarker(p)) {
                markers.add(p);
            } else if (NpmFileKind.of(p.location()) == NpmFileKind.INSTALLED) {
                installed.add(p);
            } else if (NpmFileKind.of(p.location()) == NpmFileKind.YARN_LOCK) {
                yarnLocks.computeIfAbsent(p.location(), k -> new ArrayList<>()).add(p);
            } else {
                out.add(p);
            }
        }
        out.addAll(new InstalledTree(installed).packages(markers));
        Map<String, List<Package>> markersByDir = new HashMap<>();
        for (Package m : markers) {
            markersByDir.computeIfAbsent(ProjectRoots.projectDir(m), k -> new ArrayList<>()).add(m);
        }
        yarnLocks.forEach((lock, pkgs) -> {
            int slash = lock.lastIndexOf('/');
            String dir = slash < 0 ? "" : lock.substring(0, slash);
            out.addAll(YarnDevelopment.mark(pkgs, markersByDir.getOrDefault(dir, List.of())));
        });
        return out;
    }
}
