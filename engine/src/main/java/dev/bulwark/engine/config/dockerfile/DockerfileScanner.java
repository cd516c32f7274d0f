package dev.bulwark.engine.config.dockerfile;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.finding.Misconfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Parses a Dockerfile and runs every built-in check on it. Stateless and safe to share; one scan's warnings are
 * returned with its findings.
 */
public final class DockerfileScanner {
    private final List<DockerfileCheck> checks;

    public DockerfileScanner() {
        this.checks = Stream.of(StageChecks.all(), InstructionChecks.all(), PackageChecks.all(), CommandChecks.all())
                .flatMap(List::stream).toList();
    }

    /**
     * What one file gave: the parsed model (for policies), the findings and the warnings.
     *
     * @param warnings one line each: what was odd and skipped, e.g. an unknown instruction
     */
    public record Result(Dockerfile dockerfile, List<Misconfiguration> findings, List<String> warnings) {
        public Result {
            findings = List.copyOf(findings);
            warnings = List.copyOf(warnings);
        }
    }

    /** The built-in checks, in report order. */
    public List<CheckInfo> checks() {
        return checks.stream().map(DockerfileCheck::info).toList();
    }

    /** Reads and scans {@code file}, naming it {@code name} in findings; fails with one line on unreadable input. */
    public Result scan(Path file, String name) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(DockerfileParser.MAX_BYTES + 1);
            return scan(name, content);
        } catch (NoSuchFileException e) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, "Dockerfile " + name + " does not exist");
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot read Dockerfile " + name + ": " + e.getMessage(), e);
        }
    }

    /** Scans Dockerfile {@code content}, naming it {@code name}. Fails with one line on malformed input. */
    public Result scan(String name, byte[] content) {
        List<String> warnings = new ArrayList<>();
        Dockerfile dockerfile = new DockerfileParser((code, message) -> warnings.add(message)).parse(name, content);
        List<Misconfiguration> findings = new ArrayList<>();
        for (DockerfileCheck check : checks) {
            findings.addAll(check.check(dockerfile));
        }
        findings.sort(java.util.Comparator.comparingInt((Misconfiguration m) -> m.location().startLine())
                .thenComparing(Misconfiguration::checkId));
        return new Result(dockerfile, findings, warnings);
    }
}
