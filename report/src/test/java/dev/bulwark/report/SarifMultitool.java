package dev.bulwark.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Fetches Microsoft's SARIF multitool from the npm registry once (cached outside the checkout) and runs it. */
final class SarifMultitool {
    private SarifMultitool() {
    }

    /** The path of the {@code Sarif.Multitool} executable, downloading it with {@code npm pack} on first use. */
    static Path install(String version) throws IOException, InterruptedException {
        Path cache = Path.of(System.getenv().getOrDefault("BULWARK_FIXTURE_CACHE",
                System.getProperty("user.home") + "/.cache/bulwark-fixtures"));
        Path dir = cache.resolve("sarif-multitool-linux-" + version);
        Path exe = dir.resolve("package/Sarif.Multitool");
        if (Files.isExecutable(exe)) {
            return exe;
        }
        Path tmp = Files.createDirectories(cache).resolve(dir.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files.createDirectories(tmp);
        exec(tmp, 600, "npm", "pack", "--silent", "@microsoft/sarif-multitool-linux@" + version);
        String tgz;
        try (var files = Files.list(tmp)) {
            tgz = files.filter(p -> p.toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new AssertionError("npm pack wrote no tarball")).toString();
        }
        exec(tmp, 120, "tar", "xzf", tgz);
        Files.delete(Path.of(tgz));
        exec(tmp, 10, "chmod", "+x", "package/Sarif.Multitool");
        try {
            Files.move(tmp, dir);
        } catch (IOException e) {
            if (!Files.isExecutable(exe)) {
                throw e;
            }
        }
        return exe;
    }

    static String run(Path exe, Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(exe.toString());
        cmd.addAll(List.of(args));
        return exec(workDir, 180, cmd.toArray(String[]::new));
    }

    private static String exec(Path dir, int seconds, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(Map.of("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1", "DOTNET_CLI_TELEMETRY_OPTOUT", "1"));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError(cmd[0] + " is not installed: " + e.getMessage());
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " timed out");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        // The validator exits 1 when it reports problems; callers read its log instead of the exit code.
        if (p.exitValue() != 0 && !"validate".equals(cmd.length > 1 ? cmd[1] : "")) {
            throw new AssertionError(String.join(" ", cmd) + " exited " + p.exitValue() + ":\n" + text);
        }
        return text;
    }
}
