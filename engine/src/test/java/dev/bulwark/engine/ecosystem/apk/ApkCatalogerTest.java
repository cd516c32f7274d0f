package dev.bulwark.engine.ecosystem.apk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.catalog.CatalogFile;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.Warning;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The installed database format as the Alpine wiki's "Apk spec" describes it (wiki.alpinelinux.org/wiki/Apk_spec,
 * section "Installed Database"): one entry per package separated by blank lines, each line a field letter, a colon
 * and a value. Debian has no apk tool, so the fixture {@code installed} is written by hand after that spec and real
 * Alpine 3.19 entries (musl, busybox, and subpackages whose origin differs from their name), with every field kind a
 * real database has, including the file list.
 */
class ApkCatalogerTest {
    private static final String LOCATION = "lib/apk/db/installed";

    private record Result(List<Package> packages, List<Warning> warnings) {
    }

    private static Result parse(byte[] content) throws IOException {
        List<Warning> warnings = new ArrayList<>();
        List<Package> packages = new ApkCataloger().parse(new CatalogFile(LOCATION, content.length,
                new ByteArrayInputStream(content)), (c, m) -> warnings.add(new Warning(c, m)));
        return new Result(packages, warnings);
    }

    private static Result parse(String content) throws IOException {
        return parse(content.getBytes(StandardCharsets.UTF_8));
    }

    private static Package apk(String name, String version, String license, String origin) {
        return new Package("apk", name, version, "x86_64", origin, version, List.of(license), "apk", LOCATION, null,
                null);
    }

    @Test
    void realisticDatabase() throws IOException {
        byte[] fixture;
        try (InputStream in = getClass().getResourceAsStream("installed")) {
            fixture = in.readAllBytes();
        }
        Result r = parse(fixture);
        assertEquals(List.of(), r.warnings());
        assertEquals(List.of(
                apk("musl", "1.2.4_git20230717-r4", "MIT", "musl"),
                apk("busybox", "1.36.1-r15", "GPL-2.0-only", "busybox"),
                apk("libcrypto3", "3.1.4-r5", "Apache-2.0", "openssl"),
                apk("ca-certificates-bundle", "20230506-r0", "MPL-2.0 AND MIT", "ca-certificates"),
                apk("alpine-baselayout-data", "3.4.3-r2", "GPL-2.0-only", "alpine-baselayout")), r.packages());
    }

    @Test
    void wantsOnlyTheInstalledDatabase() {
        ApkCataloger c = new ApkCataloger();
        assertTrue(c.wants(LOCATION));
        assertFalse(c.wants("lib/apk/db/triggers"));
        assertFalse(c.wants("/lib/apk/db/installed"));
        assertEquals("apk", c.name());
    }

    @Test
    void crlfLinesAndNoTrailingBlankLine() throws IOException {
        Result r = parse("P:a\r\nV:1-r0\r\nA:aarch64\r\n\r\n\r\n\r\nP:b\r\nV:2-r1");
        assertEquals(List.of(), r.warnings());
        assertEquals(List.of("a@1-r0/aarch64", "b@2-r1/null"), r.packages().stream()
                .map(p -> p.name() + "@" + p.version() + "/" + p.architecture()).toList());
        assertNull(r.packages().get(1).sourceName());
        assertEquals(List.of(), r.packages().get(1).licenses());
    }

    @Test
    void entriesWithoutNameOrVersionAreSkippedWithAWarning() throws IOException {
        Result r = parse("V:1\nA:x86_64\n\nP:good\nV:2\n\nP:noversion\n");
        assertEquals(List.of("good"), r.packages().stream().map(Package::name).toList());
        assertEquals(List.of("apk.malformed-entry", "apk.malformed-entry"), r.warnings().stream()
                .map(Warning::code).toList());
        assertTrue(r.warnings().get(0).message().startsWith(LOCATION + ": the entry at line 1 has no P:"));
        assertTrue(r.warnings().get(1).message().contains("line 7 has no V:"));
    }

    @Test
    void linesThatAreNotFieldsAreSkipped() throws IOException {
        Result r = parse("P:a\nthis is not a field\nV:1\n");
        assertEquals(1, r.packages().size());
        assertEquals("apk.malformed-line", r.warnings().get(0).code());
        assertTrue(r.warnings().get(0).message().contains("line 2"));
    }

    @Test
    void overlongLineIsSkippedWithoutBufferingIt() throws IOException {
        String huge = "R:" + "x".repeat(5 << 20);
        Result r = parse("P:a\n" + huge + "\nV:1\n");
        assertEquals(List.of("a"), r.packages().stream().map(Package::name).toList());
        assertEquals("apk.line-too-long", r.warnings().get(0).code());
    }

    @Test
    void entryCountIsBounded() throws IOException {
        String entries = "P:a\nV:1\n\n".repeat(ApkInstalledParser.MAX_ENTRIES + 10);
        Result r = parse(entries);
        assertEquals(ApkInstalledParser.MAX_ENTRIES, r.packages().size());
        assertEquals("apk.too-many-packages", r.warnings().get(r.warnings().size() - 1).code());
    }

    @Test
    void garbageGivesBoundedWarnings() {
        byte[] garbage = new byte[2 << 20];
        new Random(5).nextBytes(garbage);
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> parse(garbage));
        assertTrue(r.warnings().size() <= ApkInstalledParser.MAX_WARNINGS + 1, () -> "" + r.warnings().size());
        assertEquals("apk.too-many-warnings", r.warnings().get(r.warnings().size() - 1).code());
    }

    @Test
    void emptyFile() throws IOException {
        assertEquals(new Result(List.of(), List.of()), parse(new byte[0]));
        assertEquals(new Result(List.of(), List.of()), parse("\n\n\n"));
    }
}
