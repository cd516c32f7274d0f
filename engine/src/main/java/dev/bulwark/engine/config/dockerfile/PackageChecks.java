package dev.bulwark.engine.config.dockerfile;

import static dev.bulwark.engine.finding.Severity.LOW;
import static dev.bulwark.engine.finding.Severity.MEDIUM;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks on how RUN uses package managers: apt, apk, yum, dnf, microdnf, zypper and pip. */
final class PackageChecks {
    private static final String PRACTICES = "https://docs.docker.com/build/building/best-practices/#apt-get";

    private PackageChecks() {
    }

    static List<DockerfileCheck> all() {
        return List.of(installWithoutYes(), noInstallRecommends(), upgrade(), cacheKept(), updateAlone(),
                pipCache());
    }

    static DockerfileCheck installWithoutYes() {
        CheckInfo info = new CheckInfo("dockerfile.install-without-yes",
                "A package install can stop to ask a question", MEDIUM,
                "Answer yes up front: 'apt-get install -y', 'yum/dnf install -y', 'zypper --non-interactive install'.",
                List.of(PRACTICES));
        return perRun(info, (at, run, report) -> {
            for (int i = 0; i < run.size(); i++) {
                PackageCommand p = PackageCommand.of(run.get(i));
                if (p != null && p.installs() && !p.assumesYes() && !fedByYes(run, i)) {
                    report.add(at.stage(), at.instruction(), at.instruction().summary() + ": '" + p.manager()
                            + " " + p.action() + "' without " + (p.manager().equals("zypper") ? "-n" : "-y"));
                    return;
                }
            }
        });
    }

    static DockerfileCheck noInstallRecommends() {
        CheckInfo info = new CheckInfo("dockerfile.apt-install-recommends",
                "apt installs recommended packages too", LOW,
                "Add '--no-install-recommends' to 'apt-get install' so only what is asked for ships.",
                List.of(PRACTICES));
        return perRun(info, (at, run, report) -> {
            for (ShellCommand c : run) {
                PackageCommand p = PackageCommand.of(c);
                if (p != null && p.isApt() && p.installs() && !p.has("--no-install-recommends")
                        && !p.has("APT::Install-Recommends=false") && !p.has("APT::Install-Recommends=0")) {
                    report.add(at.stage(), at.instruction(), at.instruction().summary()
                            + ": 'apt-get install' without --no-install-recommends");
                    return;
                }
            }
        });
    }

    static DockerfileCheck upgrade() {
        CheckInfo info = new CheckInfo("dockerfile.apt-upgrade", "apt upgrades every package in the image", MEDIUM,
                "Use a newer base image instead of 'apt-get upgrade' or 'dist-upgrade'; install named versions.",
                List.of(PRACTICES));
        return perRun(info, (at, run, report) -> {
            for (ShellCommand c : run) {
                PackageCommand p = PackageCommand.of(c);
                if (p != null && p.isApt() && Set.of("upgrade", "dist-upgrade", "full-upgrade").contains(p.action())) {
                    report.add(at.stage(), at.instruction(), at.instruction().summary() + ": '" + p.manager() + " "
                            + p.action() + "'");
                    return;
                }
            }
        });
    }

    static DockerfileCheck cacheKept() {
        CheckInfo info = new CheckInfo("dockerfile.package-cache-kept",
                "A package install leaves the package manager cache in the layer", MEDIUM,
                "Clean up in the same RUN: 'rm -rf /var/lib/apt/lists/*', 'apk add --no-cache', 'yum clean all',"
                        + " 'dnf clean all', 'zypper clean'; or use a cache mount.", List.of(PRACTICES));
        return perRun(info, (at, run, report) -> {
            String mounts = String.join(" ", at.instruction().flags().stream()
                    .filter(f -> f.name().equals("mount") && f.value() != null).map(Flag::value).toList());
            Set<String> checked = new HashSet<>();
            for (ShellCommand c : run) {
                PackageCommand p = PackageCommand.of(c);
                // One cleanup verdict per manager and RUN keeps this linear in the number of commands.
                if (p == null || !p.installs() || !checked.add(p.manager() + (p.words().contains("--no-cache")))) {
                    continue;
                }
                String missing = p.missingCleanup(run, mounts);
                if (missing != null) {
                    report.add(at.stage(), at.instruction(), at.instruction().summary() + ": '" + p.manager() + " "
                            + p.action() + "' without " + missing + " in the same RUN");
                    return;
                }
            }
        });
    }

    static DockerfileCheck updateAlone() {
        CheckInfo info = new CheckInfo("dockerfile.update-alone",
                "A package index update runs without an install in the same RUN", MEDIUM,
                "Run 'apt-get update && apt-get install ...' in one RUN, else a cached old index is used later.",
                List.of(PRACTICES));
        return perRun(info, (at, run, report) -> {
            boolean update = false;
            boolean install = false;
            for (ShellCommand c : run) {
                PackageCommand p = PackageCommand.of(c);
                if (p != null && (p.isApt() || p.manager().equals("apk"))) {
                    update |= p.action().equals("update");
                    install |= p.installs();
                }
            }
            if (update && !install) {
                report.add(at.stage(), at.instruction(), at.instruction().summary()
                        + " updates the package index but installs nothing");
            }
        });
    }

    static DockerfileCheck pipCache() {
        CheckInfo info = new CheckInfo("dockerfile.pip-cache", "pip install keeps its download cache in the layer",
                LOW, "Add '--no-cache-dir' to 'pip install' (or set PIP_NO_CACHE_DIR=1, or use a cache mount).",
                List.of("https://pip.pypa.io/en/stable/topics/caching/"));
        return DockerfileCheck.of(info, (file, report) -> {
            for (Stage stage : file.stages()) {
                boolean envOff = stage.all("ENV").stream().flatMap(e -> e.args().stream())
                        .anyMatch(a -> a.startsWith("PIP_NO_CACHE_DIR="));
                for (Instruction run : stage.all("RUN")) {
                    boolean reported = false;
                    boolean mounted = run.flags().stream().anyMatch(f -> f.name().equals("mount") && f.value() != null
                            && f.value().contains("type=cache"));
                    for (ShellCommand c : RunScript.commands(run)) {
                        if (!reported && !envOff && !mounted && isPipInstall(c) && !c.words().contains("--no-cache-dir")
                                && !c.words().contains("PIP_NO_CACHE_DIR=1")) {
                            report.add(stage, run, run.summary() + ": 'pip install' without --no-cache-dir");
                            reported = true;
                        }
                    }
                }
            }
        });
    }

    private static boolean isPipInstall(ShellCommand c) {
        List<String> w = c.effective();
        int i = 0;
        if (!w.isEmpty() && c.program().startsWith("python") && w.size() > 2 && w.get(1).equals("-m")) {
            i = 2;
        }
        if (w.size() <= i + 1) {
            return false;
        }
        String program = w.get(i).substring(w.get(i).lastIndexOf('/') + 1);
        return program.matches("pip[0-9.]*") && w.subList(i + 1, w.size()).contains("install");
    }

    private static boolean fedByYes(List<ShellCommand> run, int i) {
        return i > 0 && run.get(i - 1).next().equals("|") && run.get(i - 1).program().equals("yes");
    }

    @FunctionalInterface
    interface RunBody {
        void run(InstructionChecks.At at, List<ShellCommand> commands, DockerfileCheck.Report report);
    }

    static DockerfileCheck perRun(CheckInfo info, RunBody body) {
        return InstructionChecks.each("RUN", info, (at, report) -> body.run(at, RunScript.commands(at.instruction()),
                report));
    }
}
