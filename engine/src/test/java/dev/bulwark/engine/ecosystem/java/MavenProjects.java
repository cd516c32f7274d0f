package dev.bulwark.engine.ecosystem.java;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tiny Maven projects under this package's test resources, built by real Maven into the fixture cache: the packaged
 * jar and what {@code mvn dependency:list} says the runtime classpath holds.
 */
final class MavenProjects {
    static final List<String> FILES = List.of("pom.xml", "src/main/java/demo/App.java");

    /** One resolved dependency as {@code dependency:list} prints it. */
    record Listed(String groupId, String artifactId, String version, String scope) {
        String name() {
            return groupId + ":" + artifactId;
        }
    }

    /** A built project: its packaged archive and its runtime dependencies. */
    record Built(Path archive, List<Listed> runtime) {
    }

    private MavenProjects() {
    }

    static Built build(String project) throws Exception {
        List<String> inputs = new ArrayList<>(List.of(project));
        for (String file : FILES) {
            inputs.add(resource(project + "/" + file));
        }
        Path dir = JavaTools.fixture("java-project-" + project, JavaTools.hash(inputs.toArray(String[]::new)),
                into -> {
                    Path work = into.resolve("work");
                    for (int i = 0; i < FILES.size(); i++) {
                        Path target = work.resolve(FILES.get(i));
                        Files.createDirectories(target.getParent());
                        Files.writeString(target, inputs.get(i + 1));
                    }
                    JavaTools.mvn(work, "package", "-DskipTests");
                    JavaTools.mvn(work, JavaTools.DEPENDENCY_PLUGIN + ":list", "-DincludeScope=runtime",
                            "-DoutputFile=" + into.resolve("dependency-list.txt"));
                    Path out = into.resolve("out");
                    Files.createDirectories(out);
                    try (DirectoryStream<Path> jars = Files.newDirectoryStream(work.resolve("target"), "*.jar")) {
                        for (Path jar : jars) {
                            if (!jar.getFileName().toString().startsWith("original-")) {
                                Files.copy(jar, out.resolve(jar.getFileName()));
                            }
                        }
                    }
                    JavaTools.deleteTree(work);
                });
        List<Path> archives;
        try (var s = Files.list(dir.resolve("out"))) {
            archives = s.toList();
        }
        if (archives.size() != 1) {
            throw new AssertionError(project + ": expected one packaged jar, found " + archives);
        }
        return new Built(archives.get(0), parse(Files.readAllLines(dir.resolve("dependency-list.txt"))));
    }

    /** {@code group:artifact:type[:classifier]:version:scope[ -- module ...]} lines of dependency:list. */
    static List<Listed> parse(List<String> lines) {
        List<Listed> listed = new ArrayList<>();
        for (String line : lines) {
            String entry = line.strip();
            int annotation = entry.indexOf(" -- ");
            if (annotation >= 0) {
                entry = entry.substring(0, annotation);
            }
            String[] parts = entry.split(":");
            if (parts.length < 5 || entry.contains(" ")) {
                continue; // the "The following files have been resolved:" header and blank lines
            }
            listed.add(new Listed(parts[0], parts[1], parts[parts.length - 2], parts[parts.length - 1]));
        }
        return listed;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = MavenProjects.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The jar of {@code listed} in the fixtures' local Maven repository. */
    static Path inRepository(Listed listed) {
        return JavaTools.mavenRepository().resolve(listed.groupId().replace('.', '/')).resolve(listed.artifactId())
                .resolve(listed.version()).resolve(listed.artifactId() + "-" + listed.version() + ".jar");
    }
}
