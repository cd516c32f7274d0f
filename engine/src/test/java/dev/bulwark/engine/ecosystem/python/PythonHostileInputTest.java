package dev.bulwark.engine.ecosystem.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.inventory.Package;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile metadata and lockfiles: a counted warning each, never a crash, a hang or unbounded memory. */
class PythonHostileInputTest {
    private final PythonCataloger cataloger = new PythonCataloger();
    private final List<String> warnings = new ArrayList<>();

    private List<Package> parse(String path, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        return parse(path, data.length, new ByteArrayInputStream(data));
    }

    private List<Package> parse(String path, long size, InputStream in) throws IOException {
        return assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> cataloger.parse(new CatalogFile(path, size, in), (code, msg) -> warnings.add(code)));
    }

    private static InputStream endless(String prefix) {
        return new SequenceInputStream(new ByteArrayInputStream(prefix.getBytes(StandardCharsets.UTF_8)),
                new InputStream() {
                    @Override
                    public int read() {
                        return 'x';
                    }
                });
    }

    @Test
    void malformedToml() throws IOException {
        assertEquals(List.of(), parse("poetry.lock", "[[package]]\nname = \"a\nversion = 1"));
        assertEquals(List.of(), parse("uv.lock", "package = " + "[".repeat(100_000)));
        assertEquals(List.of(), parse("uv.lock", "a = " + "{ b = ".repeat(50_000)));
        assertEquals(List.of("python.malformed", "python.malformed", "python.malformed"), warnings);
    }

    @Test
    void malformedAndDeepJson() throws IOException {
        assertEquals(List.of(), parse("Pipfile.lock", "{\"default\": {\"a\": {\"version\": \"==1\""));
        assertEquals(List.of(), parse("Pipfile.lock", "{\"default\":" + "[".repeat(100_000)));
        assertEquals(List.of(), parse("Pipfile.lock", "[]"));
        assertEquals(List.of("python.malformed", "python.malformed", "python.malformed"), warnings);
    }

    @Test
    void oversizedLockfileIsNotRead() throws IOException {
        assertEquals(List.of(), parse("poetry.lock", LockDocuments.MAX_SIZE + 1L, InputStream.nullInputStream()));
        assertEquals(List.of("python.oversized"), warnings);
    }

    @Test
    void endlessMetadataLine() throws IOException {
        assertEquals(List.of(), parse("usr/lib/python3/dist-packages/a-1.dist-info/METADATA", 1L << 30,
                endless("Metadata-Version: 2.1\nName: a\nVersion: 1\nSummary: ")));
        assertEquals(List.of("python.malformed"), warnings);
    }

    @Test
    void endlessRequirementsLineKeepsEarlierPins() throws IOException {
        List<Package> found = parse("requirements.txt", 1L << 30, endless("flask==3.0.0\nrequests=="));
        assertEquals(List.of("flask@3.0.0"), found.stream().map(p -> p.name() + "@" + p.version()).toList());
        assertEquals(List.of("python.malformed"), warnings);
    }

    @Test
    void metadataWithoutNameOrVersion() throws IOException {
        assertEquals(List.of(), parse("venv/lib/python3.12/site-packages/x.dist-info/METADATA", "Name: x\n\n"));
        assertEquals(List.of(), parse("venv/lib/python3.12/site-packages/x.dist-info/METADATA", "\u0000\u0001"));
        assertEquals(List.of("python.incomplete-package", "python.incomplete-package"), warnings);
    }
}
