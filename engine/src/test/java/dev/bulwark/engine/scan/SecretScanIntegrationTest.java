package dev.bulwark.engine.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.cache.LayerCache;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.image.Platform;
import dev.bulwark.engine.secret.SecretRuleSet;
import dev.bulwark.engine.secret.SecretScanner;
import dev.bulwark.engine.source.layout.OciLayoutImageSource;
import dev.bulwark.engine.testing.OciLayoutBuilder;
import dev.bulwark.engine.testing.TarBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secret scanning inside image and directory scans: every layer, deleted files, configuration, cache. */
class SecretScanIntegrationTest {
    private static final String GITHUB = "ghp_XIxB7KMNdAr3zqWtQqhE94qglHqOzn1D1stg";
    private static final String SLACK = "xoxb-893582989554-899326518131-JRHeVv1o9Cf99fwDpuortR2D";
    private static final String STRIPE = "sk_live_dhhfUUyfrAace5dBAZ10JrAD";
    private static final SecretScanner SECRETS = new SecretScanner(SecretRuleSet.builtIn());

    @TempDir
    Path tmp;

    private Path image() throws IOException {
        byte[] layer0 = new TarBuilder().dir("app/").file("app/deploy.sh", "#!/bin/sh\n\nexport GH=" + GITHUB + "\n")
                .file("app/kept.py", "TOKEN = '" + SLACK + "'\n")
                .file("usr/bin/tool", ("\0ELF\0" + STRIPE).getBytes(StandardCharsets.ISO_8859_1)).build();
        byte[] layer1 = new TarBuilder().file("app/.wh.deploy.sh", "").file("app/new.txt", "nothing here\n").build();
        OciLayoutBuilder b = new OciLayoutBuilder().gzipLayer(layer0).gzipLayer(layer1);
        String ids = "\"" + Digest.sha256(layer0) + "\",\"" + Digest.sha256(layer1) + "\"";
        b.config("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"User\":\"1000\",\"Env\":[\"PATH=/usr/bin\","
                + "\"STRIPE_KEY=" + STRIPE + "\"],\"Labels\":{\"build.token\":\"" + GITHUB + "\"}},"
                + "\"history\":[{\"created_by\":\"/bin/sh -c echo hi\"},{\"created_by\":\"ENV X=1\",\"empty_layer\":true},"
                + "{\"created_by\":\"/bin/sh -c curl -H 'Authorization: Bearer " + SLACK + "' x\"}],"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + ids + "]}}");
        return b.write(tmp.resolve("layout"));
    }

    private ScanResult scan(Path layout, LayerCache cache, SecretScanner secrets) throws IOException {
        try (var image = new OciLayoutImageSource(layout, "test", Platform.current()).open()) {
            return new ImageScanner(Catalogers.all(), cache, ScanOptions.defaults().withSecrets(secrets),
                    ScanListener.NONE).index(image);
        }
    }

    private static String describe(SecretFinding f) {
        return f.ruleId() + " " + f.location().path() + ":" + f.location().startLine() + " resource="
                + f.location().resource() + " deleted=" + f.deletedLater() + " layer=" + (f.location().layer() != null);
    }

    @Test
    void findsSecretsInEveryLayerAndTheConfigurationMasked() throws IOException {
        Path layout = image();
        ScanResult r = scan(layout, null, SECRETS);
        assertEquals(List.of(
                "secret.stripe-api-key config:Env:0 resource=STRIPE_KEY deleted=false layer=false",
                "secret.github-personal-access-token config:Label:0 resource=build.token deleted=false layer=false",
                "secret.slack-bot-token config:History[2]:0 resource=null deleted=false layer=false",
                "secret.github-personal-access-token app/deploy.sh:3 resource=null deleted=true layer=true",
                "secret.slack-bot-token app/kept.py:1 resource=null deleted=false layer=true"),
                r.secrets().stream().map(SecretScanIntegrationTest::describe).toList());
        for (SecretFinding f : r.secrets()) {
            for (String raw : List.of(GITHUB, SLACK, STRIPE)) {
                assertFalse(f.toString().contains(raw.substring(6, 14)), "unmasked: " + f);
            }
        }
        assertEquals(r.secrets().get(3).location().layer(), r.inventory().layers().get(0).diffId());
        assertEquals(List.of(), scan(layout, null, null).secrets(), "secrets scanned although disabled");
    }

    @Test
    void layerCacheKeepsSecretsPerRuleSetVersion(@TempDir Path cacheDir) throws IOException {
        Path layout = image();
        LayerCache cache = new LayerCache(cacheDir);
        ScanResult first = scan(layout, cache, SECRETS);
        ScanResult second = scan(layout, cache, SECRETS);
        assertEquals(first.secrets(), second.secrets());
        try (Stream<Path> files = Files.walk(cacheDir)) {
            assertEquals(2, files.filter(p -> p.getFileName().toString().startsWith("secrets-")).count());
        }
        // A different rule set (here: one that disables the GitHub rule) is a cache miss, and re-scans.
        Path user = Files.writeString(tmp.resolve("rules.yaml"), "disable: [secret.github-personal-access-token]\n");
        SecretScanner other = new SecretScanner(SecretRuleSet.withUserFile(user));
        ScanResult third = scan(layout, cache, other);
        assertTrue(third.secrets().stream().noneMatch(f -> f.ruleId().equals("secret.github-personal-access-token")),
                third.secrets().toString());
        assertEquals(3, third.secrets().size(), third.secrets().toString());
    }

    @Test
    void directoryScanFindsSecretsWithLines() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(root.resolve(".env"), "# local\nDB_PASSWORD=s3cr3tValue9\n");
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/main.js"), "const a = 1;\nconst k = \"" + STRIPE + "\";\n");
        Files.write(root.resolve("src/blob.bin"), ("\0\0" + GITHUB).getBytes(StandardCharsets.ISO_8859_1));
        ScanResult r = new DirectoryScanner(Catalogers.all(), ScanOptions.defaults().withSecrets(SECRETS)).index(root);
        assertEquals(List.of("secret.password-in-config-file .env:2 resource=null deleted=false layer=false",
                "secret.stripe-api-key src/main.js:2 resource=null deleted=false layer=false"),
                r.secrets().stream().map(SecretScanIntegrationTest::describe).sorted().toList());
    }
}
