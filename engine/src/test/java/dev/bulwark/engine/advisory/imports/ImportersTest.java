package dev.bulwark.engine.advisory.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.advisory.RecordingSink;
import dev.bulwark.engine.advisory.Resources;
import dev.bulwark.engine.testing.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportersTest {
    @Test
    void recognisesEachFeedByContent(@TempDir Path tmp) throws IOException {
        Path osv = Fixtures.sharedData().resolve("osv");
        assertEquals(FeedFormat.OSV_DIRECTORY, Importers.detect(osv.resolve("npm")));
        assertEquals(FeedFormat.OSV_FILE, Importers.detect(osv.resolve("distro-samples/DSA-3029-1.json")));
        assertEquals(FeedFormat.DEBIAN_TRACKER, Importers.detect(Resources.advisory("debian-tracker-sample.json")));
        assertEquals(FeedFormat.ALPINE_SECDB, Importers.detect(Resources.advisory("alpine-v3.12-main.json")));
        Path kev = tmp.resolve("kev.json");
        Files.writeString(kev, "{\"title\": \"CISA Catalog\", \"vulnerabilities\": []}");
        assertEquals(FeedFormat.KEV, Importers.detect(kev));
        Path epss = tmp.resolve("scores");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(epss))) {
            out.write("cve,epss,percentile\n".getBytes());
        }
        assertEquals(FeedFormat.EPSS, Importers.detect(epss));
        Path zip = tmp.resolve("x");
        dev.bulwark.engine.advisory.osv.OsvZips.zipFlat(osv.resolve("npm"), zip);
        assertEquals(FeedFormat.OSV_ZIP, Importers.detect(zip));
        RecordingSink sink = new RecordingSink();
        assertEquals(FeedFormat.OSV_ZIP, Importers.importPath(zip, sink));
        assertEquals(10, sink.advisories.size());
    }

    @Test
    void somethingElseIsOneClearError(@TempDir Path tmp) throws IOException {
        Path other = tmp.resolve("package.json");
        Files.writeString(other, "{\"name\": \"left-pad\"}");
        BulwarkException e = assertThrows(BulwarkException.class, () -> Importers.detect(other));
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertEquals(ErrorKind.NOT_FOUND, assertThrows(BulwarkException.class,
                () -> Importers.detect(tmp.resolve("missing"))).kind());
    }
}
