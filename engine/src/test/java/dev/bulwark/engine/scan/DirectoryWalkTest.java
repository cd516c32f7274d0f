package dev.bulwark.engine.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory walk behind {@code bulwark fs}, checked against {@code find} over the same tree: every wanted regular
 * file and every symlink without a dot in its name is reported, wherever it sits (inside directories whose names look
 * like files, such as node's {@code bn.js/}), and nothing that is not a regular file is opened. Where the file system
 * keeps directory link counts, the walk must also have skipped most stats, or the optimisation silently stopped. A
 * directory too large to hold its names in memory is listed entry by entry, with the same result.
 */
class DirectoryWalkTest {
    @TempDir
    Path tmp;

    @Test
    void findsWhatFindFindsWithFarFewerStats() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("tree"));
        // A node_modules-like tree: dotted directory names, wide directories of dotted files, nesting, links.
        for (String pkg : List.of("bn.js", "socket.io", "lodash", "@scope/ipaddr.js", "a.b.c")) {
            Path dir = Files.createDirectories(root.resolve("node_modules").resolve(pkg));
            write(dir.resolve("package.json"), "{\"name\":\"" + pkg + "\",\"version\":\"1.0.0\"}");
            for (int i = 0; i < 40; i++) {
                write(dir.resolve("file" + i + ".js"), "x");
            }
            write(dir.resolve("LICENSE"), "MIT");
            Path nested = Files.createDirectories(dir.resolve("lib").resolve("inner.d").resolve("deep.x"));
            write(nested.resolve("package.json"), "{}");
            write(nested.resolve("index.js"), "x");
            Files.createDirectories(dir.resolve("empty.dir"));
        }
        Path bin = Files.createDirectories(root.resolve("node_modules/.bin"));
        Files.createSymbolicLink(bin.resolve("semver"), Path.of("../lodash/file1.js"));
        Files.createSymbolicLink(bin.resolve("tool.js"), Path.of("../lodash/file2.js"));
        Files.createSymbolicLink(root.resolve("lib"), Path.of("node_modules"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("/nonexistent/package.json"));
        Files.createSymbolicLink(root.resolve("node_modules/lodash/package.json.link"), Path.of("package.json"));
        // A link named as a wanted file, and a FIFO named as one: neither may be opened as a file.
        Files.createSymbolicLink(root.resolve("node_modules/socket.io/lib/package.json"), Path.of("/etc/passwd"));
        Process fifo = new ProcessBuilder("mkfifo", root.resolve("node_modules/a.b.c/lib/package.json").toString())
                .inheritIO().start();
        assertTrue(fifo.waitFor(10, TimeUnit.SECONDS) && fifo.exitValue() == 0, "mkfifo");

        Walked normal = walk(root, DirectoryWalk.LARGE_DIRECTORY);
        // every directory taken as huge: listed entry by entry, each entry stat'ed, the same found
        Walked streamed = walk(root, 0);

        for (Walked w : List.of(normal, streamed)) {
            assertEquals(find(root, "-type", "f", "-name", "package.json"), w.files);
            Set<String> undottedLinks = find(root, "-type", "l", "!", "-name", "?*.*");
            assertTrue(w.links.containsAll(undottedLinks), "every undotted link: " + undottedLinks + " in " + w.links);
            assertTrue(w.links.containsAll(find(root, "-type", "l", "-name", "package.json")), "wanted-name links");
            assertTrue(find(root, "-type", "l").containsAll(w.links), "only links are reported as links");
            assertEquals(List.of(), w.failures);
        }
        assertEquals(find(root, "-type", "l"), streamed.links, "a streamed directory reports every link");

        int entries = find(root).size() - 1; // find lists the root itself
        assertEquals(entries + 1, streamed.stats, "streamed: every entry and the root stat'ed");
        String type = Files.getFileStore(root).type();
        if (Set.of("ext2", "ext3", "ext4", "xfs", "tmpfs").contains(type)) {
            assertTrue(normal.stats < entries / 2, type + ": " + normal.stats + " stats for " + entries + " entries");
        } else {
            assertEquals(entries + 1, normal.stats, type + ": every entry (and the root) is stat'ed");
        }
    }

    private record Walked(Set<String> files, Set<String> links, List<String> failures, int stats) {
    }

    private static Walked walk(Path root, long largeDirectory) throws IOException {
        Set<String> files = new TreeSet<>();
        Set<String> links = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        DirectoryWalk walk = new DirectoryWalk(root.toRealPath(), p -> p.endsWith("package.json"),
                new DirectoryWalk.Visitor() {
                    @Override
                    public void symlink(String path, Path file) {
                        links.add(path);
                    }

                    @Override
                    public void file(String path, Path file, long size) {
                        files.add(path);
                    }

                    @Override
                    public void failed(String path, IOException e) {
                        failures.add(path + ": " + e.getMessage());
                    }
                }, largeDirectory);
        assertTimeoutPreemptively(Duration.ofSeconds(30), walk::run);
        return new Walked(files, links, failures, walk.stats());
    }

    private static void write(Path p, String s) throws IOException {
        Files.writeString(p, s, StandardCharsets.UTF_8);
    }

    /** Paths relative to {@code root} that {@code find root ARGS} prints. */
    private static Set<String> find(Path root, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("find", root.toString()));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        Set<String> paths = new TreeSet<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                paths.add(line.equals(root.toString()) ? "" : line.substring(root.toString().length() + 1));
            }
        }
        return paths;
    }
}
