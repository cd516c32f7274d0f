package dev.bulwark.engine.ecosystem.apk;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.catalog.Cataloger;
import dev.bulwark.engine.catalog.WarningSink;
import dev.bulwark.engine.inventory.Package;
import java.io.IOException;
import java.util.List;

/**
 * Alpine (apk) packages from {@code lib/apk/db/installed}. The source package is the entry's origin ({@code o:}),
 * built at the same version, as Alpine's aports builds every subpackage with its origin's version.
 */
public final class ApkCataloger implements Cataloger {
    static final String NAME = "apk";
    private static final String INSTALLED = "lib/apk/db/installed";

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
        return INSTALLED.equals(path);
    }

    @Override
    public List<Package> parse(CatalogFile file, WarningSink warnings) throws IOException {
        return ApkInstalledParser.parse(file.content(), file.path(), warnings).stream()
                .map(e -> new Package("apk", e.name(), e.version(), e.arch(), e.origin(), e.version(),
                        e.license() == null ? List.of() : List.of(e.license()), NAME, file.path(), null, null))
                .toList();
    }
}
