package dev.bulwark.engine.config.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.testing.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds small FROM-scratch Dockerfiles with the real podman and compares the image config it produces (ENV, LABEL,
 * WORKDIR, USER, EXPOSE after expansion, continuation, comment and escape handling) with what the parser read.
 */
class DockerfilePodmanTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path context;

    @ParameterizedTest
    @ValueSource(strings = {"expansion", "escape-backtick", "stages", "legacy-onbuild"})
    void parserAgreesWithPodman(String name) throws IOException {
        byte[] text;
        try (InputStream in = getClass().getResourceAsStream("podman/" + name + ".Dockerfile")) {
            text = in.readAllBytes();
        }
        Path file = context.resolve("Dockerfile");
        Files.write(file, text);
        Path iid = context.resolve("iid");
        Tools.run(120, "podman", "build", "--pull=never", "--layers=false", "--iidfile", iid.toString(), "-f",
                file.toString(), context.toString());
        String id = Files.readString(iid).strip();
        JsonNode config;
        try {
            config = JSON.readTree(Tools.run(60, "podman", "image", "inspect", id)).get(0).get("Config");
        } finally {
            Tools.run(60, "podman", "rmi", "-f", id);
        }
        Dockerfile parsed = new DockerfileParser((code, message) -> { }).parse(name, text);
        Expected ours = Expected.of(parsed);

        Map<String, String> env = new TreeMap<>();
        config.path("Env").forEach(e -> env.put(e.asText().split("=", 2)[0], e.asText().split("=", 2)[1]));
        env.remove("PATH");
        Map<String, String> labels = new TreeMap<>();
        config.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        labels.remove("io.buildah.version");
        TreeSet<String> ports = new TreeSet<>();
        config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);

        assertEquals(env, ours.env, "ENV");
        assertEquals(labels, ours.labels, "LABEL");
        assertEquals(text(config, "WorkingDir"), ours.workdir, "WORKDIR");
        assertEquals(text(config, "User"), ours.user, "USER");
        assertEquals(ports, ours.ports, "EXPOSE");
    }

    private static String text(JsonNode config, String field) {
        JsonNode n = config.get(field);
        return n == null || n.isNull() || n.asText().isEmpty() ? null : n.asText();
    }

    /** The image config the parsed model implies, following the final stage back through the stages it builds on. */
    private static final class Expected {
        final Map<String, String> env = new TreeMap<>();
        final Map<String, String> labels = new TreeMap<>();
        final TreeSet<String> ports = new TreeSet<>();
        String workdir;
        String user;

        static Expected of(Dockerfile file) {
            List<Stage> chain = new ArrayList<>();
            for (Stage s = file.finalStage().orElseThrow(); s != null;
                    s = s.baseStage() >= 0 ? file.stages().get(s.baseStage()) : null) {
                chain.add(0, s);
            }
            Expected e = new Expected();
            Path dir = Path.of("/");
            boolean anyWorkdir = false;
            for (Stage stage : chain) {
                for (Instruction i : stage.instructions()) {
                    switch (i.keyword()) {
                        case "ENV" -> put(e.env, i.args());
                        case "LABEL" -> put(e.labels, i.args());
                        case "USER" -> e.user = i.args().get(0);
                        case "EXPOSE" -> i.args().forEach(p -> e.ports.add(p.contains("/") ? p : p + "/tcp"));
                        case "WORKDIR" -> {
                            dir = dir.resolve(i.args().get(0)).normalize();
                            anyWorkdir = true;
                        }
                        default -> { }
                    }
                }
            }
            e.workdir = anyWorkdir ? dir.toString() : null;
            return e;
        }

        private static void put(Map<String, String> into, List<String> pairs) {
            Map<String, String> added = new LinkedHashMap<>();
            for (String pair : pairs) {
                added.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            into.putAll(added);
        }
    }
}
