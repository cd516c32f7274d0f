package dev.bulwark.report.junit;

import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.finding.Finding;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.report.ReportContext;
import dev.bulwark.report.ReportFindings;
import dev.bulwark.report.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The {@code junit} format: one test suite per scanner that ran (vulnerabilities, secrets, misconfigurations), one
 * failed test case per finding, and one passing case for a scanner that found nothing, so a CI system shows a
 * clean scan as a green test rather than as no tests at all. Text from the target is made well-formed XML first.
 */
public final class JunitWriter implements ReportWriter {
    private final ReportContext context;

    public JunitWriter(ReportContext context) {
        this.context = context;
    }

    @Override
    public String format() {
        return "junit";
    }

    @Override
    public void write(Assessment assessment, OutputStream out) throws IOException {
        String target = assessment.inventory().target().name();
        List<Suite> suites = List.of(
                new Suite("vulnerabilities", "vuln", ReportFindings.vulnerabilities(assessment)),
                new Suite("secrets", "secret", ReportFindings.secrets(assessment)),
                new Suite("misconfigurations", "misconfig", ReportFindings.misconfigurations(assessment)));
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "bulwark");
            int tests = 0;
            int failures = 0;
            for (Suite s : suites) {
                if (s.ran(assessment)) {
                    tests += Math.max(1, s.findings.size());
                    failures += s.findings.size();
                }
            }
            x.writeAttribute("tests", Integer.toString(tests));
            x.writeAttribute("failures", Integer.toString(failures));
            x.writeAttribute("errors", "0");
            x.writeAttribute("time", "0");
            for (Suite s : suites) {
                if (s.ran(assessment)) {
                    writeSuite(x, target, s);
                }
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("could not write the JUnit report: " + e.getMessage(), e);
        }
    }

    private void writeSuite(XMLStreamWriter x, String target, Suite s) throws XMLStreamException {
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", Xml.clean("bulwark " + s.name + ": " + target));
        x.writeAttribute("tests", Integer.toString(Math.max(1, s.findings.size())));
        x.writeAttribute("failures", Integer.toString(s.findings.size()));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", "0");
        x.writeAttribute("time", "0");
        x.writeAttribute("timestamp", context.now().toString());
        if (s.findings.isEmpty()) {
            x.writeCharacters("\n    ");
            x.writeEmptyElement("testcase");
            x.writeAttribute("classname", "bulwark." + s.scanner);
            x.writeAttribute("name", "no " + s.name + " found");
            x.writeAttribute("time", "0");
        }
        for (Finding f : s.findings) {
            x.writeCharacters("\n    ");
            x.writeStartElement("testcase");
            x.writeAttribute("classname", Xml.clean(className(f)));
            x.writeAttribute("name", Xml.clean("[" + f.severity().name() + "] " + f.id()));
            x.writeAttribute("time", "0");
            x.writeStartElement("failure");
            x.writeAttribute("type", f.severity().name());
            x.writeAttribute("message", Xml.clean(Xml.cut(ReportFindings.message(f), 500)));
            x.writeCharacters(Xml.clean(details(f)));
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    /** CI systems group test cases by class name: by package for vulnerabilities, by file for the rest. */
    private static String className(Finding f) {
        return switch (f) {
            case VulnerabilityFinding v -> v.pkg().type() + "." + v.pkg().name();
            case SecretFinding s -> s.location().path();
            case Misconfiguration m -> m.location().path();
        };
    }

    private static String details(Finding f) {
        StringBuilder b = new StringBuilder();
        b.append(ReportFindings.message(f)).append('\n');
        b.append("Location: ").append(f.location().path());
        if (f.location().startLine() > 0) {
            b.append(':').append(f.location().startLine());
        }
        b.append('\n');
        if (f.location().layer() != null) {
            b.append("Layer: ").append(f.location().layer()).append('\n');
        }
        switch (f) {
            case VulnerabilityFinding v -> {
                b.append("Installed: ").append(v.pkg().version()).append('\n');
                b.append("Fixed: ").append(v.fixedVersions().isEmpty() ? v.fixStatus().label()
                        : String.join(", ", v.fixedVersions())).append('\n');
                if (v.evidence().comparison() != null) {
                    b.append("Matched: ").append(v.evidence().comparison()).append('\n');
                }
            }
            case SecretFinding s -> b.append("Rule: ").append(s.ruleId()).append('\n');
            case Misconfiguration m -> {
                if (m.remediation() != null) {
                    b.append("Remediation: ").append(m.remediation()).append('\n');
                }
            }
        }
        return b.toString();
    }

    private record Suite(String name, String scanner, List<? extends Finding> findings) {
        boolean ran(Assessment a) {
            return a.scanners().contains(scanner) || !findings.isEmpty();
        }
    }
}
