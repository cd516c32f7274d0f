package dev.bulwark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./bulwark} launcher script, run for real by bash in a copy of the repository layout whose jar is a tiny
 * program: a startup cache older than the jar (the jar rebuilt by {@code ./mvnw package} behind the launcher's back)
 * is thrown away and recorded again, since the JVM would otherwise serve the old build's classes.
 */
class LauncherTest {
    @TempDir
    Path repo;

    @Test
    void aStartupCacheOlderThanTheJarIsRecordedAgain() throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).getParent(); // cli/ -> the repository
        Files.copy(root.resolve("bulwark"), repo.resolve("bulwark"));
        Files.createDirectories(repo.resolve("bin"));
        Files.copy(root.resolve("bin/find-jdk.sh"), repo.resolve("bin/find-jdk.sh"));
        Files.copy(root.resolve("bin/jvm.options"), repo.resolve("bin/jvm.options"));
        Instant old = Instant.now().minusSeconds(3600);
        for (String m : List.of("", "engine/", "report/", "cli/")) {
            Files.createDirectories(repo.resolve(m + "src/main"));
            Files.writeString(repo.resolve(m + "pom.xml"), "<project/>");
            Files.setLastModifiedTime(repo.resolve(m + "pom.xml"), FileTime.from(old));
            if (!m.isEmpty()) {
                Files.setLastModifiedTime(repo.resolve(m + "src/main"), FileTime.from(old));
            }
        }
        Path target = Files.createDirectories(repo.resolve("cli/target"));
        Path jar = target.resolve("bulwark.jar");
        tinyJar(jar);
        String javaHome = System.getProperty("java.home");
        int major = Runtime.version().feature();
        Path cache = target.resolve(major >= 25 ? "bulwark.aot" : "bulwark.jsa");
        byte[] stale = "a cache recorded from another build".getBytes(StandardCharsets.US_ASCII);
        Files.write(cache, stale);
        Files.setLastModifiedTime(cache, FileTime.from(old));

        ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("bulwark").toString(), "hello")
                .directory(repo.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("JAVA_HOME", javaHome);
        pb.environment().remove("BULWARK_NO_AOT");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher hung");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("tiny hello"), "the launcher ran the jar: " + out);
        assertFalse(out.contains("building the command line"), "sources older than the jar: no rebuild: " + out);
        assertTrue(Files.exists(cache), "a cache was recorded for this jar (" + javaHome + ")");
        assertFalse(Arrays.equals(stale, Files.readAllBytes(cache)), "the stale cache was replaced");
        assertFalse(Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(cache)) > 0,
                "the cache is not older than the jar");
    }

    /** A jar whose main class prints "tiny" and its arguments, and answers the launcher's training run. */
    private static void tinyJar(Path jar) throws IOException {
        Path src = Files.createTempDirectory("tiny");
        try {
            Path file = src.resolve("Tiny.java");
            Files.writeString(file, "public class Tiny { public static void main(String[] a) {"
                    + " System.out.println(\"tiny \" + String.join(\" \", a)); } }");
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            assertEquals(0, javac.run(null, null, null, "-d", src.toString(), file.toString()));
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Tiny");
            try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os,
                    manifest)) {
                out.putNextEntry(new JarEntry("Tiny.class"));
                out.write(Files.readAllBytes(src.resolve("Tiny.class")));
                out.closeEntry();
            }
        } finally {
            try (var files = Files.walk(src)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
