package dev.bulwark.cli;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.config.ConfigFileFinder;
import dev.bulwark.engine.config.compose.ComposeScan;
import dev.bulwark.engine.config.dockerfile.DockerfileDiscovery;
import dev.bulwark.engine.config.dockerfile.DockerfileScanner;
import dev.bulwark.engine.config.dockerfile.DockerfileTree;
import dev.bulwark.engine.policy.PolicySubject;
import dev.bulwark.engine.config.compose.ComposeScanner;
import dev.bulwark.engine.config.kubernetes.KubernetesScan;
import dev.bulwark.engine.config.kubernetes.KubernetesScanner;
import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.finding.Finding;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Warning;
import dev.bulwark.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code bulwark config PATH}: checks configuration files (Dockerfiles, Kubernetes manifests, Compose files) for
 * misconfigurations, as a report and as a CI gate.
 */
final class ConfigCommand implements Command {
    static final long MAX_FILE = 32L << 20;
    private static final List<Opt> OPTIONS;

    static {
        List<Opt> all = new ArrayList<>(FindingOptions.GATE);
        all.addAll(ReportOptions.OPTIONS);
        OPTIONS = List.copyOf(all);
    }

    private static final CommandDef DEF = new CommandDef("config",
            "Check Dockerfiles, Kubernetes manifests and Compose files for misconfigurations.", OPTIONS, "PATH", true,
            "A file, or a directory searched for Dockerfiles/Containerfiles, Kubernetes YAML/JSON and compose files.", List.of("",
                    "  bulwark config deploy/                    every manifest under deploy/",
                    "  helm template chart > out.yaml && bulwark config out.yaml --exit-code 1"));

    @Override
    public CommandDef def() {
        return DEF;
    }

    @Override
    public int run(ParsedArgs args, Io io) {
        ReportOptions report = new ReportOptions(args);
        report.step(io, "command started");
        ReportWriter writer = report.writer();
        FindingOptions gate = new FindingOptions(args, Set.of("misconfig"));
        Path root = Path.of(args.positional());
        List<Warning> warnings = new ArrayList<>();
        List<PolicySubject> subjects = new ArrayList<>();
        Checked checked = check(root, warnings, subjects);
        List<Finding> findings = checked.findings();
        if (checked.files() == 0 && !report.quiet) {
            io.err().println("bulwark: no Dockerfiles, Kubernetes manifests or Compose files found under " + Main.oneLine(
                    root.toString()));
        }
        Inventory inventory = new Inventory(new Inventory.Target("filesystem", root.toString(), null, null, List.of(),
                null, null), null, List.of(), List.of(), warnings);
        FindingOptions.Outcome outcome = gate.decide(new Assessment(inventory, findings, List.of("misconfig"), null),
                subjects, io, report.quiet);
        report.writeShown(writer, outcome.shown(), io);
        report.summarizeWarnings(inventory, io.err());
        return outcome.exitCode();
    }

    /** What the configuration checks found under a path, and how many files they read. */
    record Checked(List<Finding> findings, int files) {
    }

    /**
     * Runs every configuration check on the files at or under {@code root}; adds what could not be read to
     * {@code warnings} and the parsed documents to {@code subjects} (for policy rules). Shared with {@code fs}.
     */
    static Checked check(Path root, List<Warning> warnings, List<PolicySubject> subjects) {
        List<ConfigFileFinder.ConfigFile> files = ConfigFileFinder.find(root);
        List<Path> dockerfiles = Files.isDirectory(root) ? DockerfileDiscovery.find(root)
                : DockerfileDiscovery.isDockerfile(String.valueOf(root.getFileName())) ? List.of(root) : List.of();
        List<Finding> findings = new ArrayList<>();
        List<KubernetesScanner.ManifestFile> manifests = new ArrayList<>();
        ComposeScanner compose = new ComposeScanner();
        for (ConfigFileFinder.ConfigFile f : files) {
            String name = display(root, f.path());
            byte[] content = read(f.path(), name, warnings);
            if (content == null) {
                continue;
            }
            switch (f.format()) {
                case KUBERNETES -> manifests.add(new KubernetesScanner.ManifestFile(name, content));
                case COMPOSE -> {
                    ComposeScan scan = compose.scan(name, content);
                    findings.addAll(scan.findings());
                    scan.warnings().forEach(w -> warnings.add(new Warning("config.compose", w)));
                }
            }
        }
        DockerfileScanner dockerfileScanner = new DockerfileScanner();
        for (Path file : dockerfiles) {
            String name = display(root, file);
            byte[] content = read(file, name, warnings);
            if (content == null) {
                continue;
            }
            try {
                DockerfileScanner.Result result = dockerfileScanner.scan(name, content);
                subjects.add(new PolicySubject.ConfigFile("dockerfile", name, DockerfileTree.of(result.dockerfile())));
                findings.addAll(result.findings());
                result.warnings().forEach(w -> warnings.add(new Warning("config.dockerfile", w)));
            } catch (BulwarkException e) {
                // One unreadable Dockerfile must not hide what the others say.
                warnings.add(new Warning("config.dockerfile-invalid", name + ": " + e.getMessage()));
            }
        }
        if (!manifests.isEmpty()) {
            KubernetesScanner k8s = new KubernetesScanner();
            KubernetesScan scan = k8s.scan(manifests);
            for (KubernetesScanner.ManifestFile m : manifests) {
                for (var object : k8s.objects(m.name(), m.content(), new ArrayList<>())) {
                    subjects.add(new PolicySubject.Kubernetes(m.name(), object, null, null, "CREATE"));
                }
            }
            findings.addAll(scan.findings());
            scan.warnings().forEach(w -> warnings.add(new Warning("config.kubernetes", w)));
        }
        return new Checked(findings, files.size() + dockerfiles.size());
    }

    private static String display(Path root, Path file) {
        if (file.equals(root)) {
            return String.valueOf(file.getFileName());
        }
        return root.relativize(file).toString();
    }

    private static byte[] read(Path file, String name, List<Warning> warnings) {
        try {
            if (Files.size(file) > MAX_FILE) {
                warnings.add(new Warning("config.too-large", name + ": larger than " + (MAX_FILE >> 20)
                        + " MiB; skipped"));
                return null;
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.LOCAL_IO, name + ": cannot read: " + e.getMessage(), e);
        }
    }
}
