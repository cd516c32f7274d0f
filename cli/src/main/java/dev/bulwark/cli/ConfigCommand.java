package dev.bulwark.cli;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.config.ConfigFileFinder;
import dev.bulwark.engine.config.compose.ComposeScan;
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
 * {@code bulwark config PATH}: checks configuration files (Kubernetes manifests, Compose files) for
 * misconfigurations, as a report and as a CI gate.
 */
final class ConfigCommand implements Command {
    static final long MAX_FILE = 32L << 20;
    private static final List<Opt> OPTIONS;

    static {
        List<Opt> all = new ArrayList<>(List.of(FindingOptions.SEVERITY, FindingOptions.EXIT_CODE));
        all.addAll(ReportOptions.OPTIONS);
        OPTIONS = List.copyOf(all);
    }

    private static final CommandDef DEF = new CommandDef("config",
            "Check Kubernetes manifests and Compose files for misconfigurations.", OPTIONS, "PATH", true,
            "A file, or a directory searched for Kubernetes YAML/JSON and compose files.", List.of("",
                    "  bulwark config deploy/                    every manifest under deploy/",
                    "  helm template chart > out.yaml && bulwark config out.yaml --exit-code 1"));

    @Override
    public CommandDef def() {
        return DEF;
    }

    @Override
    public int run(ParsedArgs args, Io io) {
        ReportOptions report = new ReportOptions(args);
        ReportWriter writer = report.writer();
        FindingOptions gate = new FindingOptions(args, Set.of("misconfig"));
        Path root = Path.of(args.positional());
        List<ConfigFileFinder.ConfigFile> files = ConfigFileFinder.find(root);
        List<Finding> findings = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
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
        if (!manifests.isEmpty()) {
            KubernetesScan scan = new KubernetesScanner().scan(manifests);
            findings.addAll(scan.findings());
            scan.warnings().forEach(w -> warnings.add(new Warning("config.kubernetes", w)));
        }
        if (files.isEmpty() && !report.quiet) {
            io.err().println("bulwark: no Kubernetes manifests or Compose files found under " + Main.oneLine(
                    root.toString()));
        }
        Inventory inventory = new Inventory(new Inventory.Target("filesystem", root.toString(), null, null, List.of(),
                null, null), null, List.of(), List.of(), warnings);
        Assessment assessment = gate.filter(new Assessment(inventory, findings, List.of("misconfig"), null));
        report.write(writer, assessment, io);
        report.summarizeWarnings(inventory, io.err());
        return gate.exitCodeFor(assessment);
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
