package dev.bulwark.engine.config.dockerfile;

import dev.bulwark.engine.finding.Location;
import dev.bulwark.engine.finding.Misconfiguration;
import java.util.ArrayList;
import java.util.List;

/** One built-in best-practice check over a parsed Dockerfile. */
interface DockerfileCheck {
    CheckInfo info();

    /** The findings in {@code file}; none when it passes. */
    List<Misconfiguration> check(Dockerfile file);

    /** Where a check's findings go: each names the stage and the instruction lines it is about. */
    final class Report {
        private final CheckInfo info;
        private final Dockerfile file;
        private final List<Misconfiguration> found = new ArrayList<>();

        Report(CheckInfo info, Dockerfile file) {
            this.info = info;
            this.file = file;
        }

        void add(Stage stage, Instruction at, String message) {
            Location location = Location.lines(file.path(), at.startLine(), at.endLine())
                    .withResource(stage == null ? null : stage.label());
            found.add(new Misconfiguration(info.id(), info.title(), info.severity(), message, info.remediation(),
                    location, info.references()));
        }

        List<Misconfiguration> findings() {
            return found;
        }
    }

    /** A check written as a function of the file and a report. */
    @FunctionalInterface
    interface Body {
        void run(Dockerfile file, Report report);
    }

    /** Makes a check of {@code info} and {@code body}. */
    static DockerfileCheck of(CheckInfo info, Body body) {
        return new DockerfileCheck() {
            @Override
            public CheckInfo info() {
                return info;
            }

            @Override
            public List<Misconfiguration> check(Dockerfile file) {
                Report report = new Report(info, file);
                body.run(file, report);
                return report.findings();
            }
        };
    }
}
