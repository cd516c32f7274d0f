package dev.bulwark.engine.ecosystem.rpm;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.Warning;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What {@link RpmCataloger} returned for one file, with the warnings it gave. */
record Catalogued(List<Package> packages, List<Warning> warnings) {

    static Catalogued of(Path file, String location) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in, Files.size(file), location);
        }
    }

    static Catalogued of(byte[] content, String location) throws IOException {
        return of(new ByteArrayInputStream(content), content.length, location);
    }

    private static Catalogued of(InputStream in, long size, String location) throws IOException {
        List<Warning> warnings = new ArrayList<>();
        List<Package> packages = new RpmCataloger().parse(new CatalogFile(location, size, in),
                (code, message) -> warnings.add(new Warning(code, message)));
        return new Catalogued(packages, warnings);
    }

    static List<Package> sorted(List<Package> packages) {
        return packages.stream().sorted(Comparator.comparing(Package::toString)).toList();
    }
}
