package dev.bulwark.engine.ecosystem.golang;

import dev.bulwark.engine.catalog.elf.MalformedBinaryException;
import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.catalog.ExecutableCandidates;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Go modules compiled into ELF executables, from the build information the Go linker embeds (what
 * {@code go version -m} prints): the main module, every module of the build list (a replaced module is reported as
 * its replacement, which is what was compiled), and the Go toolchain as package {@code stdlib}.
 *
 * <p>Which files: the engine only gives a path, so {@link #wants} takes every file in a {@code bin}, {@code sbin} or
 * {@code libexec} directory at any depth (e.g. {@code usr/local/bin}, {@code opt/app/bin}), and every file whose
 * name has no dot anywhere else (Go images put their binary at {@code /manager}, {@code /app/server},
 * {@code /ko-app/x}), except under trees that never hold executables ({@code usr/share}, {@code etc}, docs,
 * language package trees). Shared libraries ({@code *.so*}) are left out: Go builds them rarely and a rootfs has
 * thousands. Each wanted file costs one read of its first bytes; anything not an ELF file stops there.
 *
 * <p>How much is read: {@link GoBinaryReader} reads the ELF and program headers, then spools the whole file (heap
 * for small ones, a temp file for large ones) only for binaries carrying a Go build ID note; other ELF files are only
 * searched in their data segment as it streams by.
 */
public final class GoBinaryCataloger implements Cataloger {
    static final String NAME = "go-binary";

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
        return ExecutableCandidates.wants(path);
    }

    @Override
    public List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException {
        BuildInfoLocator.RawBuildInfo raw;
        try {
            raw = GoBinaryReader.read(file, warnings);
        } catch (MalformedBinaryException e) {
            warnings.warn("go-binary.malformed", file.path() + ": not a readable ELF file (" + e.getMessage()
                    + "); skipped");
            return List.of();
        }
        if (raw == null) {
            return List.of();
        }
        return packages(raw, file.path(), warnings);
    }

    static List<Package> packages(BuildInfoLocator.RawBuildInfo raw, String path, WarningSink warnings) {
        List<Package> out = new ArrayList<>();
        out.add(golang("stdlib", GoVersions.toolchain(raw.goVersion()), path, null, null));
        int[] skipped = {0};
        ModInfo info = ModInfo.parse(raw.modInfo(), skipped);
        if (skipped[0] > 0) {
            warnings.warn("go-binary.malformed-modinfo", path + ": " + skipped[0]
                    + " lines of the module information could not be read; skipped");
        }
        if (info.main() != null) {
            out.add(module(info.main(), path));
        }
        for (ModInfo.Module dep : info.deps()) {
            out.add(module(dep, path));
        }
        return out;
    }

    /**
     * A replaced module is named by its replacement when that is a module (it is the code that was compiled, and
     * what advisories name), keeping the original in sourceName/sourceVersion; a replacement by a local directory
     * has no version, so the module keeps its own name and version and is marked low-confidence.
     */
    private static Package module(ModInfo.Module m, String path) {
        ModInfo.Module r = m.replacement();
        if (r == null) {
            return golang(m.path(), version(m.version()), path, null, null);
        }
        if (!isLocal(r)) {
            return golang(r.path(), r.version(), path, m.path(), version(m.version()));
        }
        return golang(m.path(), version(m.version()), path, r.path(), null)
                .withFlags(Set.of(PackageFlag.LOW_CONFIDENCE));
    }

    // The linker records a directory replacement with version "(devel)"; go.mod gives it none.
    private static boolean isLocal(ModInfo.Module r) {
        return r.version().isEmpty() || r.version().equals("(devel)") || r.path().startsWith(".")
                || r.path().startsWith("/");
    }

    private static String version(String v) {
        return v.isEmpty() ? "(devel)" : v;
    }

    private static Package golang(String name, String version, String path, String sourceName,
            String sourceVersion) {
        return new Package("golang", name, version, null, sourceName, sourceVersion, List.of(), NAME, path, null,
                null);
    }
}
