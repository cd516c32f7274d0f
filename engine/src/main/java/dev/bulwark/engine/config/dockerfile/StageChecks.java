package dev.bulwark.engine.config.dockerfile;

import static dev.bulwark.engine.finding.Severity.HIGH;
import static dev.bulwark.engine.finding.Severity.LOW;
import static dev.bulwark.engine.finding.Severity.MEDIUM;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks about stages as a whole: the base image, the user and health check of the final image, stage names. */
final class StageChecks {
    private static final String REF = "https://docs.docker.com/reference/dockerfile/";
    private static final String PRACTICES = "https://docs.docker.com/build/building/best-practices/";

    private StageChecks() {
    }

    static List<DockerfileCheck> all() {
        return List.of(rootUser(), latestTag(), unpinnedBase(), missingHealthcheck(), duplicateStageName(),
                copyFromSelf(), repeated("CMD", "multiple-cmd", MEDIUM), repeated("ENTRYPOINT", "multiple-entrypoint",
                        MEDIUM), repeated("HEALTHCHECK", "multiple-healthcheck", LOW), shellFormCommand());
    }

    static DockerfileCheck rootUser() {
        CheckInfo info = new CheckInfo("dockerfile.root-user", "The image runs as root", HIGH,
                "Add 'USER <non-root name or uid>' to the final stage, after the steps that need root.",
                List.of(PRACTICES + "#user"));
        return DockerfileCheck.of(info, (file, report) -> file.finalStage().ifPresent(last -> {
            Optional<Instruction> user = inherited(file, last, "USER");
            if (user.isEmpty()) {
                report.add(last, last.from(), "the final stage '" + last.label() + "' (" + last.from().summary()
                        + ") sets no USER, so the container runs as root");
                return;
            }
            String name = user.get().args().isEmpty() ? "" : user.get().args().get(0).split(":", 2)[0];
            if (name.equals("root") || name.equals("0")) {
                report.add(last, user.get(), user.get().summary() + " at line " + user.get().startLine()
                        + " makes the final image run as root");
            }
        }));
    }

    static DockerfileCheck latestTag() {
        CheckInfo info = new CheckInfo("dockerfile.latest-tag", "The base image uses the 'latest' tag or no tag",
                MEDIUM, "Name an explicit version tag, better a digest: 'FROM debian:12.7@sha256:...'.",
                List.of(PRACTICES + "#from"));
        return DockerfileCheck.of(info, (file, report) -> {
            for (Stage stage : file.stages()) {
                ImageName.of(stage).filter(i -> i.digest() == null && (i.tag() == null || i.tag().equals("latest")))
                        .ifPresent(i -> report.add(stage, stage.from(), stage.from().summary() + " takes "
                                + (i.tag() == null ? "no tag (so 'latest')" : "the 'latest' tag")
                                + ": the build changes whenever the tag moves"));
            }
        });
    }

    static DockerfileCheck unpinnedBase() {
        CheckInfo info = new CheckInfo("dockerfile.unpinned-base", "The base image is not pinned by digest", LOW,
                "Pin the base image by digest ('FROM image:tag@sha256:...') and update it on purpose.",
                List.of(PRACTICES + "#pin-base-image-versions"));
        return DockerfileCheck.of(info, (file, report) -> {
            for (Stage stage : file.stages()) {
                ImageName.of(stage).filter(i -> i.digest() == null).ifPresent(i -> report.add(stage, stage.from(),
                        stage.from().summary() + " names no digest, so the base can change under the same name"));
            }
        });
    }

    static DockerfileCheck missingHealthcheck() {
        CheckInfo info = new CheckInfo("dockerfile.missing-healthcheck", "The image declares no HEALTHCHECK", LOW,
                "Add a HEALTHCHECK to the final stage, or 'HEALTHCHECK NONE' where the orchestrator probes instead.",
                List.of(REF + "#healthcheck"));
        return DockerfileCheck.of(info, (file, report) -> file.finalStage().ifPresent(last -> {
            if (inherited(file, last, "HEALTHCHECK").isEmpty()) {
                report.add(last, last.from(), "the final stage '" + last.label() + "' (" + last.from().summary()
                        + ") declares no HEALTHCHECK");
            }
        }));
    }

    static DockerfileCheck duplicateStageName() {
        CheckInfo info = new CheckInfo("dockerfile.duplicate-stage-name", "Two stages have the same name", MEDIUM,
                "Give every stage its own name after AS.", List.of(REF + "#from"));
        return DockerfileCheck.of(info, (file, report) -> {
            Map<String, Stage> seen = new HashMap<>();
            for (Stage stage : file.stages()) {
                if (stage.name() == null) {
                    continue;
                }
                Stage first = seen.putIfAbsent(stage.name(), stage);
                if (first != null) {
                    report.add(stage, stage.from(), stage.from().summary() + " reuses the stage name '" + stage.name()
                            + "' of line " + first.from().startLine());
                }
            }
        });
    }

    static DockerfileCheck copyFromSelf() {
        CheckInfo info = new CheckInfo("dockerfile.copy-from-self", "COPY --from names the stage it is in", MEDIUM,
                "Copy from an earlier stage or an image; a stage cannot copy from itself.", List.of(REF + "#copy---from"));
        return DockerfileCheck.of(info, (file, report) -> {
            for (Stage stage : file.stages()) {
                for (Instruction copy : stage.all("COPY")) {
                    copy.flag("from").filter(from -> from.equalsIgnoreCase(String.valueOf(stage.index()))
                            || from.equalsIgnoreCase(stage.name() == null ? "" : stage.name()))
                            .ifPresent(from -> report.add(stage, copy, copy.summary() + " copies from its own stage '"
                                    + from + "'"));
                }
            }
        });
    }

    static DockerfileCheck repeated(String keyword, String slug, dev.bulwark.engine.finding.Severity severity) {
        CheckInfo info = new CheckInfo("dockerfile." + slug, "A stage has more than one " + keyword, severity,
                "Keep one " + keyword + " per stage: only the last one takes effect.", List.of(REF));
        return DockerfileCheck.of(info, (file, report) -> {
            for (Stage stage : file.stages()) {
                List<Instruction> found = stage.all(keyword);
                Instruction last = found.isEmpty() ? null : found.get(found.size() - 1);
                for (Instruction early : found.subList(0, Math.max(0, found.size() - 1))) {
                    report.add(stage, early, early.summary() + " at line " + early.startLine()
                            + " is overridden by the " + keyword + " at line " + last.startLine());
                }
            }
        });
    }

    static DockerfileCheck shellFormCommand() {
        CheckInfo info = new CheckInfo("dockerfile.shell-form-command",
                "ENTRYPOINT or CMD of the final image in shell form", LOW,
                "Write ENTRYPOINT and CMD as JSON arrays (exec form) so the process gets signals and CMD arguments.",
                List.of(REF + "#shell-and-exec-form"));
        return DockerfileCheck.of(info, (file, report) -> file.finalStage().ifPresent(last -> {
            for (String keyword : List.of("ENTRYPOINT", "CMD")) {
                last.last(keyword).filter(i -> !i.execForm() && !i.args().isEmpty()).ifPresent(i -> report.add(
                        last, i, i.summary() + " runs under /bin/sh -c, which does not pass signals on"));
            }
        }));
    }

    /** The last {@code keyword} of a stage or, failing that, of the stages it builds on. */
    static Optional<Instruction> inherited(Dockerfile file, Stage stage, String keyword) {
        Stage current = stage;
        for (int hops = 0; current != null && hops <= file.stages().size(); hops++) {
            Optional<Instruction> found = current.last(keyword);
            if (found.isPresent()) {
                return found;
            }
            current = current.baseStage() >= 0 ? file.stages().get(current.baseStage()) : null;
        }
        return Optional.empty();
    }
}
