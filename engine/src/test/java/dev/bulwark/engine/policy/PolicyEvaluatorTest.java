package dev.bulwark.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.finding.Finding;
import dev.bulwark.engine.finding.Severity;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.policy.exception.ExceptionEntry;
import dev.bulwark.engine.policy.exception.ExceptionsFile;
import dev.bulwark.engine.policy.rule.RuleBundle;
import dev.bulwark.engine.policy.vex.VexDocuments;
import dev.bulwark.engine.policy.vex.VexStatement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    static final Inventory.Target TARGET = new Inventory.Target("image", "registry.example.com/app:1.2",
            "sha256:aaaa", "sha256:bbbb", List.of("registry.example.com/app:1.2"), "linux", "amd64");

    static VulnerabilityFinding vuln(String id, Severity severity, String purl, boolean fixed) {
        String name = purl.replaceAll("^pkg:[^/]+/(?:[^/]+/)?([^@?]+).*", "$1");
        Package p = new Package("apk", name, "2.39.0-r1", "x86_64", null, null, null, "apk", "lib/apk/db/installed",
                "sha256:layer", purl);
        return new VulnerabilityFinding(id, List.of("GHSA-xxxx-yyyy-zzzz"), null, severity, null, null, p,
                fixed ? VulnerabilityFinding.FixStatus.FIXED : VulnerabilityFinding.FixStatus.NOT_FIXED,
                fixed ? List.of("2.39.1-r0") : List.of(),
                new VulnerabilityFinding.MatchEvidence("apk", "Wolfi", name, List.of(id), "", ""), null, null, null);
    }

    static Assessment assessment(Finding... findings) {
        Inventory inv = new Inventory(TARGET, null, List.of(), List.of(), List.of());
        return new Assessment(inv, List.of(findings), List.of("vuln"), null);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PolicyEvaluatorTest.class.getResourceAsStream("/policy/" + name)) {
            return in.readAllBytes();
        }
    }

    static PolicyOptions options(Set<Severity> severities, boolean unfixed, int exit, RuleBundle rules,
            List<ExceptionEntry> exceptions, List<VexStatement> vex) {
        return new PolicyOptions(severities, unfixed, exit, rules, null, exceptions, vex, TODAY);
    }

    @Test
    void openVexFromTheSpecSuppressesOnlyTheArchitectureItNames() throws IOException {
        List<VexStatement> vex = VexDocuments.parse("openvex.json", resource("vex/openvex-spec-minimal.json"));
        assertEquals(1, vex.size());
        assertEquals(VexStatement.Status.FIXED, vex.get(0).status());
        VulnerabilityFinding x86 = vuln("CVE-2023-12345", Severity.HIGH, "pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64",
                true);
        VulnerabilityFinding arm64 = vuln("CVE-2023-12345", Severity.HIGH,
                "pkg:apk/wolfi/git@2.39.0-r1?arch=aarch64", true);
        VulnerabilityFinding otherVersion = vuln("CVE-2023-12345", Severity.HIGH,
                "pkg:apk/wolfi/git@2.40.0-r0?arch=x86_64", true);
        PolicyResult r = PolicyEvaluator.evaluate(assessment(x86, arm64, otherVersion),
                options(null, false, 0, null, null, vex));
        assertEquals(List.of(x86), r.suppressed().stream().map(Suppressed::finding).toList());
        assertEquals("fixed", r.suppressed().get(0).vex().status().label());
        assertEquals(List.of(arm64, otherVersion), r.kept());
    }

    @Test
    void cycloneDxVexExampleIsReadWithItsStatementButNamesNoPackage() throws IOException {
        List<VexStatement> vex = VexDocuments.parse("cdx.json", resource("vex/cyclonedx-use-case-1.json"));
        VexStatement s = vex.get(0);
        assertEquals("CVE-2020-25649", s.vulnerability());
        assertEquals(VexStatement.Status.NOT_AFFECTED, s.status());
        assertEquals("code_not_reachable", s.justification());
        assertTrue(s.impactStatement().startsWith("Automated dataflow analysis"));
        // The product is a bom-ref without a purl: it cannot cover an installed package.
        VulnerabilityFinding f = vuln("CVE-2020-25649", Severity.HIGH,
                "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0", true);
        assertEquals(List.of(f), PolicyEvaluator.evaluate(assessment(f), options(null, false, 0, null, null, vex))
                .kept());
    }

    @Test
    void cycloneDxVexMatchesThroughBomRefAliasesAndUnversionedPurl() {
        String doc = """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "components":[{"bom-ref":"c1","name":"git","purl":"pkg:apk/wolfi/git"}],
                 "vulnerabilities":[{"id":"GHSA-xxxx-yyyy-zzzz","analysis":{"state":"false_positive","detail":"d"},
                   "affects":[{"ref":"urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#c1"}]}]}""";
        List<VexStatement> vex = VexDocuments.parse("cdx.json", doc.getBytes(StandardCharsets.UTF_8));
        VulnerabilityFinding f = vuln("CVE-2099-1", Severity.LOW, "pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64", false);
        PolicyResult r = PolicyEvaluator.evaluate(assessment(f), options(null, false, 0, null, null, vex));
        assertEquals(1, r.suppressed().size());
        assertEquals("false_positive", r.suppressed().get(0).vex().justification());
    }

    @Test
    void vexNamingTheImageDigestCoversEveryPackage() {
        String doc = """
                {"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"vulnerability":{"name":"CVE-2099-2"},
                 "products":[{"@id":"pkg:oci/app@sha256%3Aaaaa"}],"status":"not_affected",
                 "justification":"vulnerable_code_not_present"}]}""";
        List<VexStatement> vex = VexDocuments.parse("v.json", doc.getBytes(StandardCharsets.UTF_8));
        VulnerabilityFinding f = vuln("CVE-2099-2", Severity.LOW, "pkg:apk/wolfi/zlib@1.3", true);
        assertEquals(1, PolicyEvaluator.evaluate(assessment(f), options(null, false, 0, null, null, vex))
                .suppressed().size());
    }

    @Test
    void malformedVexIsOneClearError() {
        BulwarkException e = assertThrows(BulwarkException.class,
                () -> VexDocuments.parse("bad.json", "{\"statements\":[{\"status\":\"maybe\"}]}".getBytes()));
        assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
        assertThrows(BulwarkException.class, () -> VexDocuments.parse("x", "[1,2".getBytes()));
    }

    @Test
    void exceptionsApplyUntilTheirExpiryDayAndExpiredOnesAreReported() {
        String yaml = """
                exceptions:
                  - id: CVE-2099-*
                    package: pkg:apk/wolfi/git
                    justification: not reachable
                    owner: team-a@example.com
                    expires: 2025-06-15
                  - id: CVE-2000-1
                    justification: old
                    owner: team-b@example.com
                    expires: 2025-06-14
                """;
        List<ExceptionEntry> exceptions = ExceptionsFile.parse("exceptions.yaml", yaml.getBytes());
        VulnerabilityFinding git = vuln("CVE-2099-7", Severity.HIGH, "pkg:apk/wolfi/git@2.39.0-r1", true);
        VulnerabilityFinding zlib = vuln("CVE-2099-8", Severity.HIGH, "pkg:apk/wolfi/zlib@1.3", true);
        VulnerabilityFinding old = vuln("CVE-2000-1", Severity.HIGH, "pkg:apk/wolfi/zlib@1.3", true);
        PolicyResult r = PolicyEvaluator.evaluate(assessment(git, zlib, old),
                options(null, false, 3, null, exceptions, null));
        assertEquals(List.of(git), r.suppressed().stream().map(Suppressed::finding).toList());
        assertEquals("team-a@example.com", r.suppressed().get(0).exception().owner());
        assertEquals(List.of("exceptions.yaml#2 (CVE-2000-1)"),
                r.expiredExceptions().stream().map(ExceptionEntry::name).toList());
        assertEquals(List.of(zlib, old), r.kept());
        assertEquals(3, r.decision().exitCode());
        PolicyResult tomorrow = PolicyEvaluator.evaluate(assessment(git), new PolicyOptions(null, false, 0, null,
                null, exceptions, null, TODAY.plusDays(1)));
        assertEquals(List.of(git), tomorrow.kept());
        assertEquals(2, tomorrow.expiredExceptions().size());
    }

    @Test
    void exceptionWithoutOwnerIsAnErrorNamingTheEntry() {
        String yaml = "exceptions:\n  - id: CVE-1\n    justification: x\n    expires: 2030-01-01\n";
        BulwarkException e = assertThrows(BulwarkException.class,
                () -> ExceptionsFile.parse("ex.yaml", yaml.getBytes()));
        assertEquals("exception ex.yaml#1 (CVE-1): missing required field 'owner'", e.getMessage());
    }

    @Test
    void severityThresholdsAndIgnoreUnfixedDropFindingsAndExitCodeFollowsTheRest() {
        VulnerabilityFinding low = vuln("CVE-1", Severity.LOW, "pkg:apk/wolfi/a@1", true);
        VulnerabilityFinding highUnfixed = vuln("CVE-2", Severity.HIGH, "pkg:apk/wolfi/b@1", false);
        VulnerabilityFinding critical = vuln("CVE-3", Severity.CRITICAL, "pkg:apk/wolfi/c@1", true);
        Set<Severity> gate = Set.of(Severity.HIGH, Severity.CRITICAL);
        PolicyResult r = PolicyEvaluator.evaluate(assessment(low, highUnfixed, critical),
                options(gate, true, 5, null, null, null));
        assertEquals(List.of(critical), r.kept());
        assertEquals(new Decision.Fail(5, List.of("1 finding remain")), r.decision());
        PolicyResult noExit = PolicyEvaluator.evaluate(assessment(critical), options(gate, true, 0, null, null,
                null));
        assertInstanceOf(Decision.Pass.class, noExit.decision());
    }

    @Test
    void denyRulesFailTheGateWithExitCodeOneOrN() {
        String rules = """
                rules:
                  - id: no-unfixed-critical
                    severity: CRITICAL
                    message: unused
                    messageExpression: "'image ' + image.reference + ' has ' + string(size(vulnerabilities.filter(v, v.severity == 'CRITICAL'))) + ' critical'"
                    remediation: upgrade
                    action: deny
                    match: {inputs: [image]}
                    expression: vulnerabilities.exists(v, v.severity == 'CRITICAL')
                """;
        RuleBundle bundle = RuleBundle.parse("rules.yaml", rules.getBytes());
        VulnerabilityFinding critical = vuln("CVE-3", Severity.CRITICAL, "pkg:apk/wolfi/c@1", true);
        PolicyResult r = PolicyEvaluator.evaluate(assessment(critical), options(Set.of(Severity.LOW), false, 0,
                bundle, null, null));
        assertEquals(1, r.ruleFindings().size());
        assertEquals("image registry.example.com/app:1.2 has 1 critical", r.ruleFindings().get(0).message());
        assertEquals("no-unfixed-critical", r.ruleFindings().get(0).checkId());
        assertEquals(1, r.decision().exitCode());
        assertTrue(r.kept().isEmpty(), "the severity filter drops the rule finding, not the deny");
        assertEquals(7, PolicyEvaluator.evaluate(assessment(critical), options(null, false, 7, bundle, null, null))
                .decision().exitCode());
        assertInstanceOf(Decision.Pass.class, PolicyEvaluator.evaluate(assessment(), options(null, false, 7,
                bundle, null, null)).decision());
    }

    @Test
    void kubernetesRulesSeeTheObjectAsAdmissionWouldAndFilterByKind() {
        // ValidatingAdmissionPolicy example of the Kubernetes documentation, "object.spec.replicas <= 5",
        // written as its violation.
        String rules = """
                rules:
                  - id: replicas-limit
                    severity: MEDIUM
                    message: too many replicas
                    match: {inputs: [kubernetes], kinds: [Deployment]}
                    expression: "!(object.spec.replicas <= 5)"
                  - id: broken
                    severity: LOW
                    message: x
                    action: deny
                    match: {inputs: [kubernetes]}
                    expression: object.spec.nothing == 1
                """;
        RuleBundle bundle = RuleBundle.parse("k8s.yaml", rules.getBytes());
        Map<String, Object> deploy = Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "web", "namespace", "prod"), "spec", Map.of("replicas", 7));
        PolicyOptions o = new PolicyOptions(null, false, 0, bundle,
                List.of(new PolicySubject.Kubernetes("deploy.yaml", deploy, null, null, null)), null, null, TODAY);
        PolicyResult r = PolicyEvaluator.evaluate(assessment(), o);
        assertEquals(List.of("replicas-limit"), r.ruleFindings().stream().map(m -> m.checkId()).toList());
        assertEquals("Deployment/prod/web", r.ruleFindings().get(0).location().resource());
        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).contains("no such key: nothing"), r.errors().get(0));
        assertEquals(1, r.decision().exitCode(), "a deny rule that cannot be evaluated fails closed");
    }

    @Test
    void badRuleFilesNameFileRuleAndPosition() {
        String rules = """
                rules:
                  - id: bad-cel
                    severity: HIGH
                    message: m
                    match: {inputs: [image]}
                    expression: "packages.exists(p, p.name == )"
                """;
        BulwarkException e = assertThrows(BulwarkException.class,
                () -> RuleBundle.parse("team/rules.yaml", rules.getBytes()));
        assertEquals("team/rules.yaml: rule bad-cel: expression 1:30: unexpected ')'", e.getMessage());
        BulwarkException missing = assertThrows(BulwarkException.class, () -> RuleBundle.parse("r.yaml",
                "rules:\n  - id: x\n    severity: HIGH\n    message: m\n    expression: 'true'\n".getBytes()));
        assertTrue(missing.getMessage().startsWith("r.yaml: rule x: needs a 'match'"), missing.getMessage());
    }
}
