package dev.bulwark.engine.ecosystem.golang;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.catalog.LineReader;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Go modules a project requires, from its {@code go.mod}: one package per {@code require}, with {@code replace}
 * applied as the go command does (a replacement module is named in place of the original, which is kept as the
 * source; a replacement by a local directory keeps the original and is marked low-confidence), and the project's
 * own module as a package of version {@code (devel)} whose {@code dependsOn} lists the direct requirements (those
 * without {@code // indirect}). Copies in a module cache ({@code pkg/mod/}) or a {@code vendor/} tree are not
 * projects and are left out.
 */
public final class GoModCataloger implements Cataloger {
    static final String NAME = "go-mod";

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
        return (path.equals("go.mod") || path.endsWith("/go.mod")) && !path.contains("pkg/mod/")
                && !path.contains("vendor/");
    }

    @Override
    public List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException {
        GoModFile mod;
        try {
            mod = GoModFile.parse(file.content());
        } catch (LineReader.LineTooLongException e) {
            warnings.warn("go-mod.malformed", file.path() + ": " + e.getMessage() + "; not a go.mod file, skipped");
            return List.of();
        }
        if (mod.malformed() > 0) {
            warnings.warn("go-mod.malformed-lines", file.path() + ": " + mod.malformed()
                    + " require or replace lines could not be read; skipped");
        }
        List<Package> out = new ArrayList<>();
        List<String> direct = new ArrayList<>();
        for (GoModFile.Require r : mod.requires()) {
            Package p = resolve(r, mod.replaces(), file.path());
            out.add(p);
            if (!r.indirect()) {
                direct.add(p.name() + "@" + p.version());
            }
        }
        if (mod.module() != null && !mod.module().isEmpty()) {
            out.add(0, new Package("golang", mod.module(), "(devel)", null, null, null, List.of(), NAME, file.path(),
                    null, null).withDependsOn(direct));
        }
        return out;
    }

    // A replace naming a version applies to that version only, and wins over one for all versions.
    private static Package resolve(GoModFile.Require r, List<GoModFile.Replace> replaces, String path) {
        GoModFile.Replace match = null;
        for (GoModFile.Replace x : replaces) {
            if (x.fromPath().equals(r.path())) {
                if (r.version().equals(x.fromVersion())) {
                    match = x;
                    break;
                }
                if (x.fromVersion() == null) {
                    match = x;
                }
            }
        }
        if (match == null) {
            return golang(r.path(), r.version(), path, null, null);
        }
        if (match.toVersion() != null) {
            return golang(match.toPath(), match.toVersion(), path, r.path(), r.version());
        }
        return golang(r.path(), r.version(), path, match.toPath(), null).withFlags(Set.of(PackageFlag.LOW_CONFIDENCE));
    }

    private static Package golang(String name, String version, String path, String sourceName,
            String sourceVersion) {
        return new Package("golang", name, version, null, sourceName, sourceVersion, List.of(), NAME, path, null,
                null);
    }
}
