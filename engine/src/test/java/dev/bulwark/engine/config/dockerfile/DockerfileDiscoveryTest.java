package dev.bulwark.engine.config.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding Dockerfiles by name for {@code bulwark config PATH}, and the scanner's file and tree entry points. */
class DockerfileDiscoveryTest {
    @TempDir
    Path root;

    @Test
    void findsDockerfilesByNameAndSkipsDependencyDirectories() throws IOException {
        for (String name : List.of("Dockerfile", "svc/Containerfile", "svc/api.Dockerfile", "svc/Dockerfile.dev",
                "svc/Containerfile.arm64", "svc/.dockerignore", "svc/Dockerfile.dockerignore", "docs/dockerfile.md.txt", "docs/Dockerfile.md",
                "node_modules/x/Dockerfile", ".git/Dockerfile", "src/MyDockerfileParser.java")) {
            Path p = root.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "FROM scratch\n");
        }
        List<String> found = DockerfileDiscovery.find(root).stream().map(p -> root.relativize(p).toString()).toList();
        assertEquals(List.of("Dockerfile", "svc/Containerfile", "svc/Containerfile.arm64", "svc/Dockerfile.dev",
                "svc/api.Dockerfile", "docs/dockerfile.md.txt").stream().sorted().toList(), found);
        assertEquals(List.of(root.resolve("Dockerfile")), DockerfileDiscovery.find(root.resolve("Dockerfile")));
        BulwarkException e = assertThrows(BulwarkException.class, () -> DockerfileDiscovery.find(root.resolve("no")));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
    }

    @Test
    @SuppressWarnings("unchecked")
    void scansAFileAndExposesTheModelAsATree() throws IOException {
        Path file = root.resolve("Dockerfile");
        Files.writeString(file, "FROM alpine:3.20 AS app\nRUN --mount=type=cache,target=/root/.cache pip install x\n"
                + "COPY --link --chmod=0755 <<EOF /run.sh\necho hi\nEOF\nUSER 1000\n");
        DockerfileScanner.Result r = new DockerfileScanner().scan(file, "Dockerfile");
        assertTrue(r.findings().stream().anyMatch(m -> m.checkId().equals("dockerfile.unpinned-base")));
        Map<String, Object> tree = DockerfileTree.of(r.dockerfile());
        @SuppressWarnings("unchecked")
        Map<String, Object> stage = ((List<Map<String, Object>>) tree.get("stages")).get(0);
        assertEquals("app", stage.get("name"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> instructions = (List<Map<String, Object>>) stage.get("instructions");
        assertEquals("COPY", instructions.get(1).get("keyword"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> flags = (List<Map<String, Object>>) instructions.get(1).get("flags");
        assertEquals(List.of("link", "chmod"), flags.stream().map(f -> f.get("name")).toList());
        assertEquals("0755", flags.get(1).get("value"));
        assertEquals("echo hi\n", ((List<Map<String, Object>>) instructions.get(1).get("heredocs")).get(0).get("body"));
        assertEquals(3L, instructions.get(1).get("startLine"));
        assertEquals(5L, instructions.get(1).get("endLine"));
        assertThrows(BulwarkException.class, () -> new DockerfileScanner().scan(root.resolve("missing"), "missing"));
    }
}
