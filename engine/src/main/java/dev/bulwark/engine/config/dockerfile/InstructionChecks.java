package dev.bulwark.engine.config.dockerfile;

import static dev.bulwark.engine.finding.Severity.HIGH;
import static dev.bulwark.engine.finding.Severity.LOW;
import static dev.bulwark.engine.finding.Severity.MEDIUM;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that look at one instruction at a time: EXPOSE, WORKDIR, MAINTAINER, COPY, ADD, ENV and ARG. */
final class InstructionChecks {
    private static final String REF = "https://docs.docker.com/reference/dockerfile/";
    private static final Pattern PORT = Pattern.compile("([0-9]{1,9})(?:-([0-9]{1,9}))?(?:/[A-Za-z]{1,8})?");
    private static final Pattern ARCHIVE = Pattern.compile(
            ".*\\.(tar|tar\\.gz|tgz|tar\\.bz2|tbz2?|tar\\.xz|txz|tar\\.zst|tzst)", Pattern.CASE_INSENSITIVE);
    private static final Pattern REMOTE = Pattern.compile("(https?|ftp)://.*|git@.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_NAME = Pattern.compile(
            "PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH_?KEY|CREDENTIAL",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_A_SECRET = Pattern.compile("_(FILE|PATH|DIR|LOCATION)$",
            Pattern.CASE_INSENSITIVE);

    private InstructionChecks() {
    }

    static List<DockerfileCheck> all() {
        return List.of(exposeSsh(), portOutOfRange(), relativeWorkdir(), maintainer(), copyManyToFile(),
                addInsteadOfCopy(), addRemoteUrl(), secretInEnv(), SecretFiles.copySecret());
    }

    static DockerfileCheck exposeSsh() {
        CheckInfo info = new CheckInfo("dockerfile.expose-ssh", "The image exposes the SSH port 22", MEDIUM,
                "Do not run SSH in containers; use 'podman exec' or 'kubectl exec' to get a shell.", List.of(REF
                        + "#expose"));
        return each("EXPOSE", info, (at, report) -> {
            for (String port : at.instruction.args()) {
                Matcher m = PORT.matcher(port);
                if (m.matches() && inRange(m, 22)) {
                    report.add(at.stage, at.instruction, at.instruction.summary() + " exposes port 22 (SSH)");
                }
            }
        });
    }

    static DockerfileCheck portOutOfRange() {
        CheckInfo info = new CheckInfo("dockerfile.port-out-of-range", "EXPOSE names a port outside 0-65535",
                MEDIUM, "Expose ports between 0 and 65535.", List.of(REF + "#expose"));
        return each("EXPOSE", info, (at, report) -> {
            for (String port : at.instruction.args()) {
                Matcher m = PORT.matcher(port);
                if (m.matches() && (Long.parseLong(m.group(1)) > 65535
                        || m.group(2) != null && Long.parseLong(m.group(2)) > 65535)) {
                    report.add(at.stage, at.instruction, at.instruction.summary() + " exposes port " + port
                            + ", outside 0-65535");
                }
            }
        });
    }

    private static boolean inRange(Matcher m, long port) {
        long low = Long.parseLong(m.group(1));
        long high = m.group(2) == null ? low : Long.parseLong(m.group(2));
        return low <= port && port <= high;
    }

    static DockerfileCheck relativeWorkdir() {
        CheckInfo info = new CheckInfo("dockerfile.relative-workdir", "WORKDIR is a relative path", MEDIUM,
                "Give WORKDIR an absolute path: a relative one depends on every WORKDIR before it.",
                List.of(REF + "#workdir"));
        return each("WORKDIR", info, (at, report) -> {
            String dir = at.instruction.args().isEmpty() ? "" : at.instruction.args().get(0);
            boolean absolute = dir.startsWith("/") || dir.matches("[A-Za-z]:[\\\\/].*") || dir.startsWith("\\");
            if (!dir.isEmpty() && !absolute && !at.instruction.text().strip().startsWith("$")) {
                report.add(at.stage, at.instruction, at.instruction.summary() + " names the relative path '" + dir
                        + "'");
            }
        });
    }

    static DockerfileCheck maintainer() {
        CheckInfo info = new CheckInfo("dockerfile.maintainer", "MAINTAINER is deprecated", LOW,
                "Replace MAINTAINER with 'LABEL org.opencontainers.image.authors=\"...\"'.", List.of(REF
                        + "#maintainer-deprecated"));
        return each("MAINTAINER", info, (at, report) -> report.add(at.stage, at.instruction, at.instruction.summary()
                + " uses the deprecated MAINTAINER instruction"));
    }

    static DockerfileCheck copyManyToFile() {
        CheckInfo info = new CheckInfo("dockerfile.copy-many-to-file",
                "COPY or ADD of several sources to a destination without a trailing slash", MEDIUM,
                "End the destination with '/' when copying more than one source.", List.of(REF + "#copy"));
        BiConsumer<At, DockerfileCheck.Report> body = (at, report) -> {
            List<String> args = at.instruction.args();
            String dest = args.isEmpty() ? "" : args.get(args.size() - 1);
            if (args.size() > 2 && !dest.endsWith("/") && !dest.endsWith("\\")) {
                report.add(at.stage, at.instruction, at.instruction.summary() + " copies " + (args.size() - 1)
                        + " sources to '" + dest + "', which does not end in '/'");
            }
        };
        return DockerfileCheck.of(info, (file, report) -> {
            forEach(file, "COPY", report, body);
            forEach(file, "ADD", report, body);
        });
    }

    static DockerfileCheck addInsteadOfCopy() {
        CheckInfo info = new CheckInfo("dockerfile.add-instead-of-copy", "ADD is used where COPY is meant", LOW,
                "Use COPY for local files; keep ADD for local tar archives it should unpack.", List.of(REF + "#add"));
        return each("ADD", info, (at, report) -> {
            for (String source : sources(at.instruction)) {
                if (!REMOTE.matcher(source).matches() && !ARCHIVE.matcher(source).matches()) {
                    report.add(at.stage, at.instruction, at.instruction.summary() + " adds '" + source
                            + "', which is neither a URL nor a tar archive: COPY does that without surprises");
                    return;
                }
            }
        });
    }

    static DockerfileCheck addRemoteUrl() {
        CheckInfo info = new CheckInfo("dockerfile.add-remote-url", "ADD fetches a URL without a checksum", MEDIUM,
                "Give 'ADD --checksum=sha256:...' or download with a pinned checksum in RUN.", List.of(REF
                        + "#add---checksum"));
        return each("ADD", info, (at, report) -> {
            if (at.instruction.flag("checksum").isPresent()) {
                return;
            }
            for (String source : sources(at.instruction)) {
                if (REMOTE.matcher(source).matches()) {
                    report.add(at.stage, at.instruction, at.instruction.summary() + " downloads '" + source
                            + "' without verifying what it gets");
                }
            }
        });
    }

    static DockerfileCheck secretInEnv() {
        CheckInfo info = new CheckInfo("dockerfile.secret-in-env", "A secret is passed in ENV or ARG", HIGH,
                "Pass secrets with 'RUN --mount=type=secret' (or at run time); ENV and ARG values stay in the image"
                        + " config and history.", List.of(REF + "#run---mounttypesecret"));
        return DockerfileCheck.of(info, (file, report) -> {
            for (Instruction arg : file.globalArgs()) {
                secretNames(new At(null, arg), report, true);
            }
            for (String keyword : List.of("ENV", "ARG")) {
                forEach(file, keyword, report, (at, r) -> secretNames(at, r, keyword.equals("ARG")));
            }
        });
    }

    private static void secretNames(At at, DockerfileCheck.Report report, boolean evenEmpty) {
        for (String pair : at.instruction.args()) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (SECRET_NAME.matcher(name).find() && !NOT_A_SECRET.matcher(name).find()
                    && (evenEmpty || !value.isEmpty())) {
                report.add(at.stage, at.instruction, at.instruction.keyword() + " " + name + " at line "
                        + at.instruction.startLine() + " looks like a secret; its value stays in the image"
                        + (at.instruction.is("ARG") ? " history" : " config"));
            }
        }
    }

    /** The sources of a COPY or ADD: every argument but the destination. */
    static List<String> sources(Instruction copy) {
        List<String> args = copy.args();
        return args.size() < 2 ? List.of() : args.subList(0, args.size() - 1);
    }

    /** An instruction and the stage it is in. */
    record At(Stage stage, Instruction instruction) {
    }

    static DockerfileCheck each(String keyword, CheckInfo info, BiConsumer<At, DockerfileCheck.Report> body) {
        return DockerfileCheck.of(info, (file, report) -> forEach(file, keyword, report, body));
    }

    static void forEach(Dockerfile file, String keyword, DockerfileCheck.Report report,
            BiConsumer<At, DockerfileCheck.Report> body) {
        String upper = keyword.toUpperCase(Locale.ROOT);
        for (Stage stage : file.stages()) {
            for (Instruction i : stage.instructions()) {
                if (i.is(upper)) {
                    body.accept(new At(stage, i), report);
                }
            }
        }
    }
}
