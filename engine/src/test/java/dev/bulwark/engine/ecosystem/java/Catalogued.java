package dev.bulwark.engine.ecosystem.java;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.Warning;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the Java cataloger made of one file: its packages and warnings. */
record Catalogued(List<Package> packages, List<Warning> warnings) {

    static Catalogued of(JavaCataloger cataloger, String path, InputStream in, long size) throws IOException {
        List<Warning> warnings = new ArrayList<>();
        List<Package> packages = cataloger.parse(new CatalogFile(path, size, in),
                (code, message) -> warnings.add(new Warning(code, message)));
        return new Catalogued(packages, warnings);
    }

    static Catalogued file(Path file, String path) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(new JavaCataloger(), path, in, Files.size(file));
        }
    }

    static Catalogued bytes(JavaCataloger cataloger, String path, byte[] content) throws IOException {
        return of(cataloger, path, new ByteArrayInputStream(content), content.length);
    }

    List<String> codes() {
        return warnings.stream().map(Warning::code).toList();
    }

    Package only(String name) {
        List<Package> named = packages.stream().filter(p -> p.name().equals(name)).toList();
        if (named.size() != 1) {
            throw new AssertionError("expected one " + name + " in " + packages);
        }
        return named.get(0);
    }
}
