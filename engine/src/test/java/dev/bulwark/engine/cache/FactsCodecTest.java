package dev.bulwark.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.finding.Location;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.finding.Severity;
import dev.bulwark.engine.image.Digest;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.PackageFlag;
import dev.bulwark.engine.inventory.Warning;
import dev.bulwark.engine.layer.CatalogerResult;
import dev.bulwark.engine.layer.EntryType;
import dev.bulwark.engine.layer.FileEntry;
import dev.bulwark.engine.layer.LayerIndex;
import dev.bulwark.engine.layer.LayerSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every field survives the cache, and a damaged cache file is a miss, never a wrong answer. */
class FactsCodecTest {
    @TempDir
    Path dir;

    private static final Digest DIFF = Digest.sha256("layer".getBytes(StandardCharsets.UTF_8));

    @Test
    void everyFieldRoundTrips() {
        LayerCache cache = new LayerCache(dir);
        Package p = new Package("maven", "org.example:lib", "1.0", null, null, null, List.of("Apache-2.0"), "java",
                "app.jar", null, null, Map.of("sha1", "0123"), List.of("org.example:dep@2.0"),
                Set.of(PackageFlag.DEVELOPMENT, PackageFlag.LOW_CONFIDENCE), "deb/libexample-java");
        CatalogerResult result = new CatalogerResult(List.of("app.jar"), List.of(p),
                List.of(new Warning("java.bad", "ünïcode message")));
        LayerIndex index = new LayerIndex(List.of(new FileEntry("etc/os-release", EntryType.SYMLINK, 0, 0777,
                "../usr/lib/os-release"), new FileEntry("gone", EntryType.WHITEOUT, 0, 0, null)),
                Map.of("usr/lib/os-release", "ID=debian\n".getBytes(StandardCharsets.UTF_8)), List.of());
        cache.putResult(DIFF, "java", 3, result);
        cache.putIndex(DIFF, 1, index);
        assertEquals(result, cache.result(DIFF, "java", 3).orElseThrow());
        LayerIndex back = cache.index(DIFF, 1).orElseThrow();
        assertEquals(index.structural(), back.structural());
        assertEquals("ID=debian\n", new String(back.captured().get("usr/lib/os-release"), StandardCharsets.UTF_8));
        assertTrue(cache.result(DIFF, "java", 4).isEmpty(), "another cataloger version is a miss");
    }

    @Test
    void secretsRoundTripPerRuleSetVersionAndDamageIsAMiss() throws IOException {
        LayerCache cache = new LayerCache(dir);
        LayerSecrets secrets = new LayerSecrets(List.of(new SecretFinding("secret.github-personal-access-token",
                "GitHub Personal Access Token", Severity.CRITICAL, Location.lines("app/deploy.sh", 3, 3),
                "ghp_****", false)), List.of(new Warning("secret.file-too-large", "1 text file")));
        cache.putSecrets(DIFF, "v1-0123456789abcdef", secrets);
        assertEquals(secrets, cache.secrets(DIFF, "v1-0123456789abcdef").orElseThrow());
        assertTrue(cache.secrets(DIFF, "v1-fedcba9876543210").isEmpty(), "another rule set is a miss");
        Path file;
        try (Stream<Path> files = Files.walk(dir)) {
            file = files.filter(f -> f.getFileName().toString().startsWith("secrets-")).findFirst().orElseThrow();
        }
        byte[] data = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(data, data.length - 7));
        assertTrue(cache.secrets(DIFF, "v1-0123456789abcdef").isEmpty(), "a truncated entry is a miss");
    }

    @Test
    void aDamagedEntryIsAMissAndIsRemoved() throws IOException {
        LayerCache cache = new LayerCache(dir);
        cache.putResult(DIFF, "dpkg", 1, new CatalogerResult(List.of("x"), List.of(), List.of()));
        Path file;
        try (Stream<Path> files = Files.walk(dir)) {
            file = files.filter(f -> f.getFileName().toString().startsWith("cat-dpkg")).findFirst().orElseThrow();
        }
        byte[] data = Files.readAllBytes(file);
        data[data.length - 3] = (byte) 0x7f;
        Files.write(file, data);
        assertTrue(cache.result(DIFF, "dpkg", 1).isEmpty());
        assertTrue(Files.notExists(file));
        Files.write(file, new byte[] {0x42, 0x57, 0x4B, 0x43, 0, 0, 0, 2, 0x7f, 0x7f, 0x7f, 0x7f});
        assertTrue(cache.result(DIFF, "dpkg", 1).isEmpty(), "absurd counts do not allocate or crash");
    }
}
