package dev.bulwark.engine.source.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs {@code docker-credential-NAME get} as the Docker credential helper protocol says: the server URL on standard
 * input, {@code {"ServerURL","Username","Secret"}} on standard output, "credentials not found" meaning none. The
 * helper is found on the PATH of the given environment, runs with a timeout, and its output is read with a bound.
 */
final class CredentialHelper {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_OUTPUT = 1 << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, String> environment;
    private final Duration timeout;

    CredentialHelper(Map<String, String> environment, Duration timeout) {
        this.environment = environment;
        this.timeout = timeout;
    }

    Optional<Credentials> get(String name, String serverUrl, Path configFile) {
        String program = "docker-credential-" + name;
        if (!NAME.matcher(name).matches()) {
            throw failure(program, configFile, "has an invalid helper name");
        }
        Path executable = find(program)
                .orElseThrow(() -> failure(program, configFile, "is not on PATH"));
        Process process;
        try {
            ProcessBuilder pb = new ProcessBuilder(executable.toString(), "get")
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().clear();
            pb.environment().putAll(environment);
            process = pb.start();
        } catch (IOException e) {
            throw failure(program, configFile, "could not be started (" + e.getClass().getSimpleName() + ")");
        }
        try {
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readBounded(process
                    .getInputStream()));
            try (OutputStream in = process.getOutputStream()) {
                in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // The helper may exit without reading its input; its exit status tells what happened.
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw failure(program, configFile, "did not answer within " + timeout.toSeconds() + " s");
            }
            byte[] out = output.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String text = new String(out, StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                if (text.toLowerCase(java.util.Locale.ROOT).contains("credentials not found")) {
                    return Optional.empty();
                }
                throw failure(program, configFile, "failed with exit code " + process.exitValue()
                        + (text.isEmpty() ? "" : ": " + firstLine(text)));
            }
            JsonNode reply;
            try {
                reply = MAPPER.readTree(out);
            } catch (IOException e) {
                throw failure(program, configFile, "printed something other than JSON");
            }
            String user = reply == null ? null : reply.path("Username").asText(null);
            String secret = reply == null ? null : reply.path("Secret").asText(null);
            if (user == null || secret == null || secret.isEmpty()) {
                throw failure(program, configFile, "answered without Username and Secret");
            }
            return Optional.of(new Credentials(user, secret, program));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(program, configFile, "was interrupted");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw failure(program, configFile, "output could not be read");
        } finally {
            process.destroyForcibly();
        }
    }

    private Optional<Path> find(String program) {
        String path = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static byte[] readBounded(InputStream in) {
        try (in) {
            byte[] data = in.readNBytes(MAX_OUTPUT);
            in.transferTo(OutputStream.nullOutputStream());
            return data;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static BulwarkException failure(String program, Path configFile, String what) {
        return new BulwarkException(ErrorKind.AUTH, "credential helper " + program + " (configured in " + configFile
                + ") " + what);
    }
}
