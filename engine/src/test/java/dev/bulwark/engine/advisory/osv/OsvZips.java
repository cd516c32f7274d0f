package dev.bulwark.engine.advisory.osv;

import java.io.IOException;
import java.nio.file.Path;

/** Builds OSV-style zips (JSON files at the root, as in all.zip) for tests of other packages. */
public final class OsvZips {
    private OsvZips() {
    }

    public static void zipFlat(Path dir, Path zip) throws IOException {
        OsvRealDataTest.zipFlat(dir, zip);
    }
}
