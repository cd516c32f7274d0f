package dev.bulwark.engine.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.finding.Severity;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.ImageConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HardeningChecksTest {
    private static final List<Digest> ONE_LAYER = List.of(Digest.sha256(new byte[] {1}));

    private static ImageConfig config(String user, List<String> env, List<ImageConfig.History> history) {
        return new ImageConfig("linux", "amd64", null, null, user, env, null, null, null, null, null, true, history,
                ONE_LAYER);
    }

    private static List<String> ids(ImageConfig c, String reference) {
        return HardeningChecks.run(new HardeningInput(c, reference, null, null, null)).findings().stream()
                .map(Misconfiguration::checkId).toList();
    }

    @Test
    void rootUserForms() {
        for (String root : new String[] {null, "", " ", "root", "0", "0:0", "root:root", "000", "0:1000"}) {
            assertTrue(ids(config(root, null, null), null).contains("image.root-user"), "'" + root + "'");
        }
        for (String user : new String[] {"10001", "nobody", "1000:0", "app:root", "10", "rooted"}) {
            assertFalse(ids(config(user, null, null), null).contains("image.root-user"), user);
        }
    }

    @Test
    void envSecretsAreMasked() {
        List<Misconfiguration> out = new ArrayList<>();
        ConfigChecks.env(List.of("DB_PASSWORD=correct-horse-battery", "GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D",
                "PASSWORD_FILE=/run/secrets/pw", "API_TOKEN=${TOKEN}", "EMPTY_SECRET=", "PWD=/app", "PATH=/bin",
                "githubToken=ghp_abc", "SSH_KEY=-----BEGIN OPENSSH PRIVATE KEY-----x"), out);
        assertEquals(List.of("DB_PASSWORD", "githubToken", "SSH_KEY"),
                out.stream().map(m -> m.location().resource()).toList());
        assertEquals("ENV DB_PASSWORD holds a literal value (co********)", out.get(0).message());
        assertFalse(out.get(1).message().contains("ghp_abc"), "short values are masked whole");
    }

    @Test
    void buildArgsFromHistory() {
        assertEquals(Map.of("DB_PASSWORD", "hunter2", "PLAIN", "x"),
                BuildArgs.parse("|2 DB_PASSWORD=hunter2 PLAIN=x /bin/sh -c echo built > /built"));
        assertEquals(Map.of("A", "one two", "TOKEN", "t0k3n-value"),
                BuildArgs.parse("RUN |2 A=one two TOKEN=t0k3n-value /bin/sh -c make # buildkit"));
        assertEquals(Map.of(), BuildArgs.parse("/bin/sh -c #(nop) ARG DB_PASSWORD"));
        assertEquals(Map.of(), BuildArgs.parse("|99999999999999999999 A=b"));
        assertEquals(Map.of(), BuildArgs.parse("|x A=b"));
        assertEquals(Map.of("A", ""), BuildArgs.parse("|3 A= /bin/sh"), "fewer arguments than declared");
        String hostile = "|1000 " + "A= ".repeat(200_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> BuildArgs.parse(hostile));

        ImageConfig c = config("1", null, List.of(
                new ImageConfig.History(null, "/bin/sh -c #(nop) ARG API_TOKEN", null, true),
                new ImageConfig.History(null, "|1 API_TOKEN=s3cr3t-token-value /bin/sh -c a", null, false),
                new ImageConfig.History(null, "|1 API_TOKEN=s3cr3t-token-value /bin/sh -c b", null, false)));
        List<Misconfiguration> found = HardeningChecks.run(new HardeningInput(c, null, null, null, null)).findings()
                .stream().filter(m -> m.checkId().equals("image.secret-in-build-arg")).toList();
        assertEquals(1, found.size(), "reported once");
        assertEquals("history[1]", found.get(0).location().resource());
        assertEquals(ONE_LAYER.get(0).algorithm() + ":" + ONE_LAYER.get(0).hex(), found.get(0).location().layer());
        assertFalse(found.get(0).message().contains("s3cr3t-token-value"));
    }

    @Test
    void remoteAdd() {
        List<String> hits = new ArrayList<>();
        for (String line : List.of(
                "ADD https://example.com/app.tgz /opt/ # buildkit",
                "/bin/sh -c #(nop) ADD https://user:pa55@example.com/x in /x",
                "/bin/sh -c #(nop) ADD 230c14a7785e5de48cfd06fbeecb37d30869a60572af81be483b1bb2e56449f3 in /opt/p ",
                "/bin/sh -c #(nop) ADD file:96a172878842c2943da2a8789b349ea8540574985ba98de87fcd6844d51c9800 in /",
                "/bin/sh -c #(nop) COPY https://x/y in /",
                "ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://x/y /y",
                "RUN echo ADD https://x/y /y # buildkit")) {
            ImageConfig c = config("1", null, List.of(new ImageConfig.History(null, line, null, false)));
            HardeningChecks.run(new HardeningInput(c, null, null, null, null)).findings().stream()
                    .filter(m -> m.checkId().equals("image.add-remote-url")).forEach(m -> hits.add(m.message()));
        }
        assertEquals(3, hits.size(), hits.toString());
        assertEquals("ADD downloads https://user:********@example.com/x without a checksum", hits.get(1));
    }

    @Test
    void referencesHealthcheckAndPorts() {
        List<Misconfiguration> out = new ArrayList<>();
        HardeningChecks.reference("nginx", out);
        HardeningChecks.reference("nginx:latest", out);
        HardeningChecks.reference("registry.corp:5000/team/app:1.4", out);
        HardeningChecks.reference("nginx@sha256:" + "a".repeat(64), out);
        HardeningChecks.reference("nginx:1.27@sha256:" + "a".repeat(64), out);
        HardeningChecks.reference("/tmp/image.tar", out);
        HardeningChecks.reference("docker-archive:/tmp/x.tar", out);
        assertEquals(List.of(Severity.MEDIUM, Severity.MEDIUM, Severity.LOW),
                out.stream().map(Misconfiguration::severity).toList());
        assertEquals("nginx names no tag, so it means the mutable tag latest", out.get(0).message());

        ImageConfig noHealth = new ImageConfig("linux", "amd64", null, null, "1", null, null, null, null, null,
                List.of("22/tcp", "8080/tcp", "2222/tcp"), false, null, ONE_LAYER);
        List<String> ids = ids(noHealth, null);
        assertEquals(1, ids.stream().filter("image.ssh-port"::equals).count());
        assertTrue(ids.contains("image.no-healthcheck"));
        assertFalse(ids(config("1", null, null), null).contains("image.no-healthcheck"));
    }

    @Test
    void categoryFindingNamesFilesSizesAndPackages() {
        NotableFiles n = new NotableFiles();
        n.accept("usr/bin/gcc-12", dev.bulwark.engine.layer.EntryType.FILE, 1_200_000, 0755, null);
        n.accept("usr/bin/gcc", dev.bulwark.engine.layer.EntryType.SYMLINK, 0, 0777, "gcc-12");
        n.accept("usr/bin/make", dev.bulwark.engine.layer.EntryType.FILE, 250_000, 0755, null);
        ImageNotables squashed = NotableSquash.squash(List.of(n.build()), List.of());
        dev.bulwark.engine.inventory.Inventory inventory = new dev.bulwark.engine.inventory.Inventory(null, null,
                List.of(), List.of(pkg("gcc-12"), pkg("make"), pkg("gcc-12-base"), pkg("libc6")), List.of());
        List<Misconfiguration> out = new ArrayList<>();
        FileChecks.run(squashed, inventory, out);
        assertEquals(1, out.size());
        assertEquals("image.compiler", out.get(0).checkId());
        assertEquals("3 compiler or build tools add 1.5 MB: /usr/bin/gcc -> gcc-12, /usr/bin/gcc-12 (1.2 MB),"
                + " /usr/bin/make (250 kB); packages: gcc-12, make", out.get(0).message());
    }

    private static dev.bulwark.engine.inventory.Package pkg(String name) {
        return new dev.bulwark.engine.inventory.Package("deb", name, "1", "amd64", null, null, null, "dpkg",
                "var/lib/dpkg/status", null, null, null, null, null, null);
    }
}
