package dev.bulwark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark image --scanners misconfig} on the podman-built images of {@code hardening-images.sh}: the hardening
 * findings reach the reports and the gate, what {@code find} and {@code podman image inspect} say about the images
 * decides what is expected, and golden base images are recognised by their layer chain.
 */
class HardeningCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dir;

    @TempDir
    Path tmp;

    @BeforeAll
    static void build() {
        dir = Fixtures.build("hardening-images.sh", 1800);
    }

    private static String archive(String name) {
        return dir.resolve(name + ".docker.tar").toString();
    }

    private CliRun image(String name, String... more) {
        List<String> args = new ArrayList<>(List.of("image", "--input", archive(name), "--cache-dir",
                tmp.resolve("cache").toString(), "--scanners", "misconfig", "-f", "json"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static JsonNode misconfigurations(CliRun r) throws IOException {
        return JSON.readTree(r.out()).get("misconfigurations");
    }

    private static Set<String> ids(JsonNode findings) {
        Set<String> out = new TreeSet<>();
        findings.forEach(f -> out.add(f.get("checkId").asText()));
        return out;
    }

    private static Set<String> paths(JsonNode findings, String checkId) {
        Set<String> out = new TreeSet<>();
        findings.forEach(f -> {
            if (f.get("checkId").asText().equals(checkId)) {
                out.add(f.get("location").get("path").asText());
            }
        });
        return out;
    }

    private static Set<String> lines(String file) throws IOException {
        return Files.readAllLines(dir.resolve(file)).stream().filter(l -> !l.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode inspect(String name) throws IOException {
        return JSON.readTree(dir.resolve(name + ".inspect.json").toFile()).get(0);
    }

    @Test
    void badImageFindingsReachTheReportAndTheGate() throws IOException {
        CliRun r = image("bad", "--exit-code", "9");
        assertEquals(9, r.exit(), r.toString());
        JsonNode found = misconfigurations(r);
        assertEquals(lines("bad.setuid"), paths(found, "image.setuid-file"), "setuid files as find lists them");
        assertEquals(lines("bad.setgid"), paths(found, "image.setgid-file"));
        assertEquals(lines("bad.world-writable"), paths(found, "image.world-writable"));
        JsonNode config = inspect("bad").get("Config");
        assertTrue(config.path("User").asText().isEmpty(), "podman says the bad image sets no USER");
        assertTrue(config.path("Healthcheck").isMissingNode() || config.path("Healthcheck").isNull());
        Set<String> ids = ids(found);
        for (String id : List.of("image.root-user", "image.no-healthcheck", "image.shell", "image.package-manager",
                "image.secret-in-env", "image.secret-in-build-arg", "image.add-remote-url", "image.ssh-port")) {
            assertTrue(ids.contains(id), id + " in " + ids);
        }
        assertFalse(ids.contains("image.mutable-tag"), "an archive has no registry tag to judge");
        assertFalse(r.out().contains("s3cr3t-literal-pw"), "the ENV secret is masked");
        assertFalse(r.out().contains("hunter2-build-secret"), "the build-arg secret is masked");
        for (String format : List.of("table", "json", "sarif", "junit", "html", "cyclonedx", "spdx-json")) {
            CliRun each = CliRun.of("image", "--input", archive("bad"), "--no-cache", "--scanners",
                    "secret,misconfig", "-q", "-f", format);
            assertTrue(each.out().length() > 200, format + ": " + each);
            for (String secret : List.of("s3cr3t-literal-pw", "hunter2-build-secret")) {
                assertFalse(each.out().contains(secret), format + " shows " + secret);
            }
        }
        JsonNode scanners = JSON.readTree(r.out()).get("scanners");
        assertTrue(scanners.toString().contains("misconfig"), scanners.toString());

        // Severity thresholds apply to hardening findings too: the bad image's worst is HIGH (root user), so a
        // CRITICAL-only gate passes.
        assertEquals(0, image("bad", "--exit-code", "9", "--severity", "CRITICAL").exit());
    }

    @Test
    void goodImageHasNeitherRootUserNorMissingHealthcheck() throws IOException {
        JsonNode config = inspect("good").get("Config");
        assertEquals("10001", config.get("User").asText(), "podman records the good image's USER");
        CliRun r = image("good");
        assertEquals(0, r.exit(), r.toString());
        JsonNode found = misconfigurations(r);
        Set<String> ids = ids(found);
        assertFalse(ids.contains("image.root-user"), ids.toString());
        assertFalse(ids.contains("image.no-healthcheck"), ids.toString());
        assertEquals(lines("good.setuid"), paths(found, "image.setuid-file"));
    }

    @Test
    void goldenBasesByReferenceAndByDiffIds() throws IOException {
        Path byRef = tmp.resolve("golden.yaml");
        Files.writeString(byRef, "baseImages:\n  - name: corp/debian-12\n    reference: docker-archive:"
                + archive("base") + "\n");
        CliRun approved = image("bad", "--golden-bases", byRef.toString());
        assertEquals(0, approved.exit(), approved.toString());
        assertFalse(ids(misconfigurations(approved)).contains("image.unapproved-base"));
        int baseLayers = inspect("base").get("RootFS").get("Layers").size();
        assertTrue(approved.err().contains("based on the approved golden base image corp/debian-12 (its " + baseLayers
                + " layer(s)"), approved.err());

        // The base's diffIDs as podman reports them, written in the file directly, give the same answer.
        StringBuilder yaml = new StringBuilder("baseImages:\n  - name: corp/debian-12\n    diffIds:\n");
        inspect("base").get("RootFS").get("Layers").forEach(l -> yaml.append("      - ").append(l.asText())
                .append('\n'));
        Path byIds = tmp.resolve("golden-ids.yaml");
        Files.writeString(byIds, yaml);
        CliRun same = image("bad", "--golden-bases", byIds.toString());
        assertEquals(0, same.exit(), same.toString());
        assertFalse(ids(misconfigurations(same)).contains("image.unapproved-base"));

        // A golden image the bad image was not built on: the bad image's own chain without its first layer.
        StringBuilder other = new StringBuilder("baseImages:\n  - name: corp/other\n    diffIds:\n");
        JsonNode badLayers = inspect("bad").get("RootFS").get("Layers");
        assertTrue(badLayers.size() > 1, badLayers.toString());
        for (int i = 1; i < badLayers.size(); i++) {
            other.append("      - ").append(badLayers.get(i).asText()).append('\n');
        }
        Path otherFile = tmp.resolve("golden-other.yaml");
        Files.writeString(otherFile, other);
        CliRun unapproved = image("bad", "--golden-bases", otherFile.toString(), "--exit-code", "6", "--severity",
                "MEDIUM");
        assertEquals(6, unapproved.exit(), unapproved.toString());
        assertTrue(ids(misconfigurations(unapproved)).contains("image.unapproved-base"), unapproved.out());
    }

    @Test
    void badGoldenBaseFilesAndMisuseAreOneLineErrors() throws IOException {
        Path broken = tmp.resolve("broken.yaml");
        Files.writeString(broken, "baseImages:\n  - name: x\n    diffIds: [not-a-digest]\n");
        CliRun r = image("bad", "--golden-bases", broken.toString());
        assertEquals(4, r.exit(), r.toString()); // invalid input
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("broken.yaml"), r.err());

        CliRun missing = image("bad", "--golden-bases", tmp.resolve("nope.yaml").toString());
        assertTrue(missing.exit() != 0, missing.toString());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());

        Path unresolvable = tmp.resolve("unresolvable.yaml");
        Files.writeString(unresolvable, "baseImages:\n  - name: gone\n    reference: docker-archive:"
                + tmp.resolve("no-such.tar") + "\n");
        CliRun gone = image("bad", "--golden-bases", unresolvable.toString());
        assertTrue(gone.exit() != 0, gone.toString());
        assertTrue(gone.err().contains("golden base image gone"), gone.err());
        assertEquals(1, gone.err().strip().lines().count(), gone.err());

        CliRun noScanner = CliRun.of("image", "--input", archive("bad"), "--golden-bases", broken.toString());
        assertEquals(2, noScanner.exit(), noScanner.toString());
        assertTrue(noScanner.err().contains("--golden-bases needs --scanners misconfig"), noScanner.err());
    }
}
