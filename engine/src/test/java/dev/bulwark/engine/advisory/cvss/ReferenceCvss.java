package dev.bulwark.engine.advisory.cvss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.testing.Fixtures;
import dev.bulwark.engine.testing.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Two real CVSS implementations from the npm registry, pinned, installed once per machine under
 * {@code <fixture cache>/cvss-ref-<hash>} and run over a batch of vectors in one node process.
 */
final class ReferenceCvss {
    /** The reference packages and their exact versions; changing them changes the cache key. */
    static final List<String> PACKAGES = List.of("ae-cvss-calculator@1.0.13", "@pandatix/js-cvss@0.4.4");
    private static final String SCRIPT = "reference-scores.mjs";
    private static Path installed;

    private ReferenceCvss() {
    }

    /** The references' verdicts on each vector, in order (see reference-scores.mjs for the shape). */
    static List<JsonNode> score(List<String> vectors) {
        Path dir = install();
        try {
            Path work = Files.createTempDirectory("cvss-ref");
            try {
                Path in = work.resolve("in.txt");
                Path out = work.resolve("out.jsonl");
                Files.writeString(in, String.join("\n", vectors) + "\n", StandardCharsets.UTF_8);
                Tools.run(300, dir, "node", dir.resolve(SCRIPT).toString(), in.toString(), out.toString());
                ObjectMapper json = new ObjectMapper();
                List<JsonNode> results = new ArrayList<>(vectors.size());
                for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                    results.add(json.readTree(line));
                }
                if (results.size() != vectors.size()) {
                    throw new AssertionError("reference script answered " + results.size() + " of " + vectors.size() + " vectors");
                }
                return results;
            } finally {
                try (var files = Files.list(work)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path install() {
        if (installed != null) {
            return installed;
        }
        if (!Tools.onPath("node") || !Tools.onPath("npm")) {
            throw new AssertionError("node and npm are needed for the CVSS reference scores (apt-get install nodejs npm)");
        }
        try {
            byte[] script = resource(SCRIPT);
            Path dir = Fixtures.cacheRoot().resolve("cvss-ref-" + hash(String.join(" ", PACKAGES), script));
            if (!Files.exists(dir.resolve(".complete"))) {
                Files.createDirectories(dir.getParent());
                Path tmp = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp");
                List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund",
                        "--save-exact", "--prefix", tmp.toString()));
                command.addAll(PACKAGES);
                Tools.run(600, tmp, command.toArray(String[]::new));
                Files.write(tmp.resolve(SCRIPT), script);
                Files.writeString(tmp.resolve(".complete"), String.join("\n", PACKAGES) + "\n");
                try {
                    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    // another run finished first; its copy is as good as ours
                } catch (IOException e) {
                    if (!Files.exists(dir.resolve(".complete"))) {
                        throw e;
                    }
                }
            }
            installed = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ReferenceCvss.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " missing");
            }
            return in.readAllBytes();
        }
    }

    private static String hash(String packages, byte[] script) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(packages.getBytes(StandardCharsets.UTF_8));
            md.update(script);
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
