package dev.bulwark.report;

import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.finding.Finding;
import dev.bulwark.engine.finding.Location;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.finding.Severity;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.engine.finding.VulnerabilityFinding.CvssScore;
import dev.bulwark.engine.finding.VulnerabilityFinding.FixStatus;
import dev.bulwark.engine.finding.VulnerabilityFinding.MatchEvidence;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import java.util.ArrayList;
import java.util.List;

/**
 * Findings attached to the fixture inventory (a real Debian package list) to exercise the report formats: every
 * finding kind, every fix status, KEV and EPSS, and, in {@link #hostile}, strings built to break each syntax.
 * These are report inputs, not expected results: the tests check the documents against schemas and real readers.
 */
final class FixtureFindings {
    static final String[] HOSTILE = {"<img src=x onerror=alert(1)>", "\"},{\"injected\":true,\"\\", "</script><b>",
        "line\nforged\u001b[31m\u0000", "abc\u202egnp.exe", "broken\ud800surrogate", "]]><x/>", "a%2F..%2Fb c:d"};

    private FixtureFindings() {
    }

    static Assessment assessment() {
        return build(FixtureInventory.load(), false);
    }

    static Assessment hostile() {
        return build(FixtureInventory.load(), true);
    }

    private static Assessment build(Inventory inv, boolean hostile) {
        List<Package> pkgs = ReportPackages.sorted(inv);
        String layer = "sha256:" + "ab".repeat(32);
        List<Finding> findings = new ArrayList<>();
        FixStatus[] statuses = FixStatus.values();
        for (int i = 0; i < 6; i++) {
            Package p = pkgs.get(i * 7 % pkgs.size()).withLayer(layer);
            String title = hostile ? HOSTILE[i % HOSTILE.length] : "Example flaw number " + i;
            FixStatus status = statuses[i % statuses.length];
            findings.add(new VulnerabilityFinding("CVE-2024-" + (1000 + i), List.of("DSA-" + (5000 + i) + "-1"), title,
                    Severity.values()[i % Severity.values().length], i % 2 == 0 ? "debian" : "cvss-v3.1",
                    List.of(new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, Severity.CRITICAL,
                            "nvd")),
                    hostile ? p.withLocation(HOSTILE[i % HOSTILE.length]) : p, status,
                    status == FixStatus.FIXED ? List.of(p.version() + "+fix1") : List.of(),
                    new MatchEvidence("dpkg", "Debian:12", p.sourceName() == null ? p.name() : p.sourceName(),
                            List.of("CVE-2024-" + (1000 + i)), "introduced 0, fixed " + p.version() + "+fix1",
                            p.version() + " < " + p.version() + "+fix1 (dpkg)"),
                    i == 0 ? new VulnerabilityFinding.Kev("2024-01-02", "2024-01-23", true) : null,
                    i < 3 ? new VulnerabilityFinding.Epss(0.123 * (i + 1), 0.9, "2024-05-01") : null,
                    List.of("https://security-tracker.debian.org/tracker/CVE-2024-" + (1000 + i),
                            hostile ? HOSTILE[i % HOSTILE.length] : "https://example.org/advisory")));
        }
        findings.add(new SecretFinding("secret.aws-access-key-id", hostile ? HOSTILE[0] : "AWS access key ID",
                Severity.CRITICAL, new Location(hostile ? HOSTILE[7] : "app/config/settings.ini", 12, 12, layer, null),
                "AKIA****************", true));
        findings.add(new SecretFinding("secret.github-token", "GitHub token", Severity.HIGH,
                new Location("config:Env", 0, 0, null, null), "ghp_************************************", false));
        findings.add(new Misconfiguration("dockerfile.root-user", "Image runs as root", Severity.HIGH,
                hostile ? HOSTILE[2] : "The last USER is root", "Add USER 10001 after the last package install",
                new Location("Dockerfile", 14, 14, null, "stage final"), List.of("https://docs.docker.com/")));
        findings.add(new Misconfiguration("k8s.privileged", "Privileged container", Severity.CRITICAL,
                "container app runs privileged", "Remove securityContext.privileged", new Location(
                        "deploy/app.yaml", 20, 24, null, hostile ? HOSTILE[1] : "Deployment/default/web"),
                List.of()));
        return new Assessment(inv, findings, List.of("vuln", "secret", "misconfig"),
                new Assessment.DatabaseInfo("2024-06-01T00:00:00Z", 1, 1234));
    }
}
