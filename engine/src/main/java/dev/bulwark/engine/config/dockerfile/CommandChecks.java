package dev.bulwark.engine.config.dockerfile;

import static dev.bulwark.engine.finding.Severity.HIGH;
import static dev.bulwark.engine.finding.Severity.LOW;
import static dev.bulwark.engine.finding.Severity.MEDIUM;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks on the commands RUN executes: sudo, piping downloads into a shell, cd, mixing wget and curl. */
final class CommandChecks {
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "python", "python3",
            "perl", "ruby", "node");
    private static final Set<String> DOWNLOADERS = Set.of("curl", "wget");
    private static final Pattern SUBSTITUTED_DOWNLOAD = Pattern.compile("(\\$\\(|<\\(|`)[ \\t]{0,16}(curl|wget)\\s");

    private CommandChecks() {
    }

    static List<DockerfileCheck> all() {
        return List.of(sudo(), pipeToShell(), runCd(), wgetAndCurl());
    }

    static DockerfileCheck sudo() {
        CheckInfo info = new CheckInfo("dockerfile.sudo", "RUN uses sudo", MEDIUM,
                "Drop sudo: switch with USER around the steps that need root instead.",
                List.of("https://docs.docker.com/build/building/best-practices/#user"));
        return PackageChecks.perRun(info, (at, run, report) -> {
            for (ShellCommand c : run) {
                if (c.words().contains("sudo") && c.words().indexOf("sudo") < c.words().size() - c.args().size()) {
                    report.add(at.stage(), at.instruction(), at.instruction().summary() + " runs 'sudo "
                            + c.program() + "'");
                    return;
                }
            }
        });
    }

    static DockerfileCheck pipeToShell() {
        CheckInfo info = new CheckInfo("dockerfile.pipe-to-shell", "A download is piped straight into a shell",
                HIGH, "Download to a file, verify its checksum or signature, then run it.",
                List.of("https://docs.docker.com/build/building/best-practices/#using-pipes"));
        return PackageChecks.perRun(info, (at, run, report) -> {
            for (int i = 0; i < run.size(); i++) {
                ShellCommand c = run.get(i);
                boolean piped = DOWNLOADERS.contains(c.program()) && c.next().equals("|") && i + 1 < run.size()
                        && intoShell(run, i + 1);
                boolean substituted = SHELLS.contains(c.program()) && c.args().stream().anyMatch(
                        a -> SUBSTITUTED_DOWNLOAD.matcher(a).find());
                if (piped || substituted) {
                    report.add(at.stage(), at.instruction(), at.instruction().summary()
                            + " runs downloaded code without checking it (" + c.program() + (piped ? " | ... " : " ")
                            + ")");
                    return;
                }
            }
        });
    }

    /** Follows the pipeline from {@code i} (through tee and the like) to see whether it ends in a shell. */
    private static boolean intoShell(List<ShellCommand> run, int i) {
        for (int j = i; j < run.size(); j++) {
            if (SHELLS.contains(run.get(j).program())) {
                return true;
            }
            if (!run.get(j).next().equals("|")) {
                return false;
            }
        }
        return false;
    }

    static DockerfileCheck runCd() {
        CheckInfo info = new CheckInfo("dockerfile.run-cd", "RUN changes directory with cd", LOW,
                "Use WORKDIR to change directory; cd in RUN only lasts for that RUN and hides where files go.",
                List.of("https://docs.docker.com/reference/dockerfile/#workdir"));
        return PackageChecks.perRun(info, (at, run, report) -> {
            for (ShellCommand c : run) {
                if (c.program().equals("cd") && !c.nested()) {
                    report.add(at.stage(), at.instruction(), at.instruction().summary() + " uses 'cd' instead of"
                            + " WORKDIR");
                    return;
                }
            }
        });
    }

    static DockerfileCheck wgetAndCurl() {
        CheckInfo info = new CheckInfo("dockerfile.wget-and-curl", "Both wget and curl are used", LOW,
                "Use one download tool throughout so the image ships one, not two.", List.of());
        return DockerfileCheck.of(info, (file, report) -> {
            InstructionChecks.At firstWget = null;
            boolean curl = false;
            for (Stage stage : file.stages()) {
                for (Instruction run : stage.all("RUN")) {
                    for (ShellCommand c : RunScript.commands(run)) {
                        curl |= c.program().equals("curl");
                        if (firstWget == null && c.program().equals("wget")) {
                            firstWget = new InstructionChecks.At(stage, run);
                        }
                    }
                }
            }
            if (curl && firstWget != null) {
                report.add(firstWget.stage(), firstWget.instruction(), firstWget.instruction().summary()
                        + " uses wget while other RUN instructions use curl");
            }
        });
    }
}
