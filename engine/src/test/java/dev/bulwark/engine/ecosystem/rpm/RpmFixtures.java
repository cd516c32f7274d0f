package dev.bulwark.engine.ecosystem.rpm;

import dev.bulwark.engine.inventory.Package;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Real rpm databases for the tests, built by real rpm and cached: three tiny packages built with rpmbuild from
 * specs written here (one with an Epoch and a subpackage named apart from its source, one noarch) plus a gpg-pubkey,
 * installed into an SQLite rpmdb, exported with {@code rpmdb --exportdb} and loaded into Berkeley DB hash files of
 * both byte orders with {@code db_load}. Expected packages always come from {@code rpm -qa} on the same file.
 */
final class RpmFixtures {
    /** Bump when the build steps below change, so cached fixtures are rebuilt. */
    private static final String BUILD_STEPS = "rpm-fixtures-1";
    static final String QUERY_FORMAT = "%{NAME}\\t%{EVR}\\t%{ARCH}\\t%{LICENSE}\\t%{SOURCERPM}\\n";
    static final String REAL_BDB_DIR = "/usr/share/gocode/src/github.com/knqyf263/go-rpmdb/pkg/testdata";

    static final Map<String, String> SPECS = Map.of(
            "bulwark-suite.spec", """
                    Name: bulwark-suite
                    Epoch: 3
                    Version: 2.4.1
                    Release: 7.el9
                    Summary: Suite with an epoch and a differently named subpackage
                    License: MIT AND BSD-3-Clause
                    Vendor: Bulwark Fixtures
                    %description
                    Fixture.
                    %package -n libbulwark-common
                    Summary: Library subpackage
                    License: LGPL-2.1-or-later
                    %description -n libbulwark-common
                    Fixture library.
                    %install
                    mkdir -p %{buildroot}/usr/share/bulwark-suite %{buildroot}/usr/lib/bulwark
                    echo suite > %{buildroot}/usr/share/bulwark-suite/README
                    echo lib > %{buildroot}/usr/lib/bulwark/common.txt
                    %files
                    /usr/share/bulwark-suite/README
                    %files -n libbulwark-common
                    /usr/lib/bulwark/common.txt
                    """,
            "beta-docs.spec", """
                    Name: beta-docs
                    Version: 0.9~rc1
                    Release: 1.fc40
                    Summary: Architecture-independent documentation
                    License: GPL-2.0-or-later
                    BuildArch: noarch
                    %description
                    Fixture.
                    %install
                    mkdir -p %{buildroot}/usr/share/doc/beta-docs
                    echo docs > %{buildroot}/usr/share/doc/beta-docs/index.txt
                    %files
                    /usr/share/doc/beta-docs/index.txt
                    """,
            "gamma-util.spec", """
                    Name: gamma-util
                    Version: 10.0
                    Release: 0.3
                    Summary: Plain package
                    License: Apache-2.0
                    %description
                    Fixture.
                    %install
                    mkdir -p %{buildroot}/usr/bin
                    printf '#!/bin/sh\\necho gamma\\n' > %{buildroot}/usr/bin/gamma-util
                    %files
                    /usr/bin/gamma-util
                    """);

    private RpmFixtures() {
    }

    /** The built fixture: {@code sqlite/rpmdb.sqlite}, {@code bdb-le/Packages}, {@code bdb-be/Packages}, ... */
    static Path built() throws Exception {
        List<byte[]> inputs = new ArrayList<>();
        inputs.add(BUILD_STEPS.getBytes(StandardCharsets.UTF_8));
        SPECS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            inputs.add(e.getKey().getBytes(StandardCharsets.UTF_8));
            inputs.add(e.getValue().getBytes(StandardCharsets.UTF_8));
        });
        return FixtureCache.get("rpmdb", FixtureCache.hash(inputs.toArray(byte[][]::new)), RpmFixtures::build);
    }

    private static void build(Path dir) throws Exception {
        Path top = dir.resolve("rpmbuild");
        Files.createDirectories(top.resolve("SPECS"));
        Files.createDirectories(top.resolve("tmp"));
        for (Map.Entry<String, String> spec : SPECS.entrySet()) {
            Path file = top.resolve("SPECS").resolve(spec.getKey());
            Files.writeString(file, spec.getValue());
            ExternalTool.runText(dir, "rpmbuild", "--define", "_topdir " + top, "--define", "_tmppath " + top
                    + "/tmp", "--define", "debug_package %{nil}", "-ba", file.toString());
        }
        Path sqlite = Files.createDirectories(dir.resolve("sqlite"));
        rpm(sqlite, "sqlite", "--initdb");
        List<String> install = new ArrayList<>(List.of("-i", "--nodeps", "--justdb", "--noscripts", "--ignorearch",
                "--ignoreos"));
        try (Stream<Path> rpms = Files.walk(top.resolve("RPMS"))) {
            rpms.filter(p -> p.toString().endsWith(".rpm")).map(Path::toString).sorted().forEach(install::add);
        }
        rpm(sqlite, "sqlite", install.toArray(String[]::new));
        rpm(sqlite, "sqlite", "--import", signingKey(dir).toString());
        Files.writeString(dir.resolve("sources.tsv"), sourceTable(top.resolve("SRPMS")));

        byte[] export = ExternalTool.run(dir, null, Map.of(), "rpmdb", "--define", "_db_backend sqlite",
                "--dbpath", sqlite.toString(), "--exportdb");
        Files.write(dir.resolve("headers.bin"), export);
        List<byte[]> blobs = ExportedHeaders.split(export);
        berkeleyDb(dir, "bdb-le", blobs, true);
        berkeleyDb(dir, "bdb-be", blobs, false);

        Files.writeString(dir.resolve("expected-sqlite.tsv"), rpm(sqlite, "sqlite", "-qa", "--qf", QUERY_FORMAT));
        for (String bdb : List.of("bdb-le", "bdb-be")) {
            Files.writeString(dir.resolve("expected-" + bdb + ".tsv"),
                    rpm(dir.resolve(bdb), "bdb_ro", "-qa", "--qf", QUERY_FORMAT));
        }
        FixtureCache.deleteTree(top.resolve("BUILD"));
        FixtureCache.deleteTree(top.resolve("BUILDROOT"));
    }

    /** Loads the blobs into a real Berkeley DB hash file, keyed by instance number as rpm keys them. */
    private static void berkeleyDb(Path dir, String name, List<byte[]> blobs, boolean littleEndian)
            throws Exception {
        HexFormat hex = HexFormat.of();
        StringBuilder dump = new StringBuilder("VERSION=3\nformat=bytevalue\ntype=hash\ndb_pagesize=4096\n")
                .append("db_lorder=").append(littleEndian ? "1234" : "4321").append("\nHEADER=END\n");
        // rpm's record 0 holds the next instance number; readers must not take it for a package.
        dump.append(' ').append(hex.formatHex(instance(0, littleEndian))).append("\n ")
                .append(hex.formatHex(instance(blobs.size() + 1, littleEndian))).append('\n');
        for (int i = 0; i < blobs.size(); i++) {
            dump.append(' ').append(hex.formatHex(instance(i + 1, littleEndian))).append("\n ")
                    .append(hex.formatHex(blobs.get(i))).append('\n');
        }
        dump.append("DATA=END\n");
        Path input = dir.resolve(name + ".dump");
        Files.writeString(input, dump);
        Path db = Files.createDirectories(dir.resolve(name));
        ExternalTool.runText(dir, "db_load", "-f", input.toString(), db.resolve("Packages").toString());
        Files.delete(input);
    }

    private static byte[] instance(int n, boolean littleEndian) {
        return littleEndian ? new byte[] {(byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)}
                : new byte[] {(byte) (n >> 24), (byte) (n >> 16), (byte) (n >> 8), (byte) n};
    }

    /** A fresh OpenPGP key, so the database also holds a {@code gpg-pubkey} pseudo package as real ones do. */
    private static Path signingKey(Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("gnupg"));
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Map<String, String> env = Map.of("GNUPGHOME", home.toString());
        try {
            ExternalTool.run(dir, null, env, "gpg", "--batch", "--passphrase", "", "--quick-gen-key",
                    "Bulwark Fixture <fixture@bulwark.invalid>", "rsa2048", "sign", "never");
            Path key = dir.resolve("signing-key.asc");
            Files.write(key, ExternalTool.run(dir, null, env, "gpg", "--armor", "--export"));
            return key;
        } finally {
            // gpg starts an agent for this home; stop exactly that one rather than leave it running.
            ProcessBuilder kill = new ProcessBuilder("gpgconf", "--kill", "all")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            kill.environment().putAll(env);
            kill.start().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            FixtureCache.deleteTree(home);
        }
    }

    /** Source rpm file name, then its NAME and EVR as rpm reads them from the built .src.rpm itself. */
    private static String sourceTable(Path srpms) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.list(srpms)) {
            for (Path srpm : files.sorted().toList()) {
                out.append(srpm.getFileName()).append('\t').append(ExternalTool.runText(srpms, "rpm", "-qp",
                        "--qf", "%{NAME}\\t%{EVR}", srpm.toString())).append('\n');
            }
        }
        return out.toString();
    }

    static String rpm(Path dbPath, String backend, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rpm", "--define", "_db_backend " + backend, "--dbpath",
                dbPath.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return ExternalTool.runText(dbPath, command.toArray(String[]::new));
    }

    /**
     * The packages rpm lists in {@code rpmQa} (lines in {@link #QUERY_FORMAT}), as the cataloger should report
     * them, gpg-pubkey left out; source name and version come from {@code sources} (rpm -qp on the .src.rpm files)
     * or, when null, are not checked beyond what the SOURCERPM file name says.
     */
    static List<Package> expected(String rpmQa, Map<String, String[]> sources, String location) {
        List<Package> out = new ArrayList<>();
        for (String line : rpmQa.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f[0].equals("gpg-pubkey")) {
                continue;
            }
            String[] source = sources.get(f[4]);
            String license = none(f[3]);
            out.add(new Package("rpm", f[0], f[1], none(f[2]), source == null ? null : source[0],
                    source == null ? null : source[1], license == null ? List.of() : List.of(license), "rpm",
                    location, null, null));
        }
        return out;
    }

    static Map<String, String[]> sources(Path fixture) throws IOException {
        Map<String, String[]> out = new HashMap<>();
        for (String line : Files.readAllLines(fixture.resolve("sources.tsv"))) {
            String[] f = line.split("\t");
            out.put(f[0], new String[] {f[1], f[2]});
        }
        return out;
    }

    private static String none(String field) {
        return field.equals("(none)") || field.isEmpty() ? null : field;
    }
}
