package dev.bulwark.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileFinderTest {

    @Test
    void findsManifestsAndComposeFilesOnly(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("docker-compose.yml"), "services: {}\n");
        Files.writeString(dir.resolve("compose.override.yaml"), "services: {}\n");
        Files.createDirectories(dir.resolve("k8s/.git"));
        Files.writeString(dir.resolve("k8s/deploy.yaml"), "# Source: x\napiVersion: apps/v1\nkind: Deployment\n");
        Files.writeString(dir.resolve("k8s/list.json"), "{\"apiVersion\": \"v1\", \"kind\": \"List\"}");
        Files.writeString(dir.resolve("k8s/values.yaml"), "replicas: 2\n");
        Files.writeString(dir.resolve("k8s/.git/pod.yaml"), "apiVersion: v1\nkind: Pod\n");
        Files.writeString(dir.resolve("README.md"), "apiVersion: v1\nkind: Pod\n");
        List<String> found = ConfigFileFinder.find(dir).stream()
                .map(f -> dir.relativize(f.path()) + "=" + f.format()).toList();
        assertEquals(List.of("compose.override.yaml=COMPOSE", "docker-compose.yml=COMPOSE",
                "k8s/deploy.yaml=KUBERNETES", "k8s/list.json=KUBERNETES"), found);
    }
}
