package dev.bulwark.report.json;

import static dev.bulwark.report.JsonOutput.string;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.engine.inventory.Distro;
import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.finding.Severity;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.report.ReportFindings;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.LayerInfo;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.engine.inventory.Warning;
import dev.bulwark.report.JsonOutput;
import dev.bulwark.report.ReportContext;
import dev.bulwark.report.ReportPackages;
import dev.bulwark.report.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code json} format: Bulwark's own report document (inventory and findings), schema version {@value #SCHEMA_VERSION}. The schema
 * is {@code dev/bulwark/report/bulwark-report-1.schema.json}; every field is documented in
 * {@code docs/json-format.md}. Null fields are left out rather than written as {@code null}.
 */
public final class BulwarkJsonWriter implements ReportWriter {
    /** Bumped in the minor place for added optional fields, in the major place for anything else. */
    public static final String SCHEMA_VERSION = "1.1";

    private final ReportContext context;

    public BulwarkJsonWriter(ReportContext context) {
        this.context = context;
    }

    @Override
    public String format() {
        return "json";
    }

    @Override
    public void write(Assessment assessment, OutputStream out) throws IOException {
        Inventory inventory = assessment.inventory();
        JsonGenerator g = JsonOutput.open(out);
        g.writeStartObject();
        g.writeStringField("schemaVersion", SCHEMA_VERSION);
        g.writeObjectFieldStart("generator");
        g.writeStringField("name", "bulwark");
        string(g, "version", context.toolVersion());
        g.writeEndObject();
        g.writeStringField("createdAt", context.now().toString());
        writeTarget(g, inventory.target());
        writeDistro(g, inventory.distro());
        writeLayers(g, inventory.layers());
        List<Package> packages = ReportPackages.sorted(inventory);
        List<Warning> warnings = ReportPackages.sortedWarnings(inventory);
        g.writeObjectFieldStart("summary");
        g.writeNumberField("packages", packages.size());
        g.writeNumberField("warnings", warnings.size());
        if (!assessment.findings().isEmpty() || !assessment.scanners().isEmpty()) {
            g.writeNumberField("vulnerabilities", assessment.findings(VulnerabilityFinding.class).size());
            g.writeNumberField("secrets", assessment.findings(SecretFinding.class).size());
            g.writeNumberField("misconfigurations", assessment.findings(Misconfiguration.class).size());
            g.writeObjectFieldStart("bySeverity");
            var counts = ReportFindings.countBySeverity(assessment.findings());
            for (Severity s : ReportFindings.severitiesDescending()) {
                g.writeNumberField(s.name(), counts.get(s));
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        if (!assessment.scanners().isEmpty()) {
            g.writeArrayFieldStart("scanners");
            for (String s : assessment.scanners()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        if (assessment.database() != null) {
            g.writeObjectFieldStart("database");
            string(g, "builtAt", assessment.database().builtAt());
            g.writeNumberField("schemaVersion", assessment.database().schemaVersion());
            g.writeNumberField("advisories", assessment.database().advisories());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("packages");
        for (Package p : packages) {
            writePackage(g, p, ReportPackages.purl(p, inventory.distro()));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("warnings");
        for (Warning w : warnings) {
            g.writeStartObject();
            string(g, "code", w.code());
            string(g, "message", w.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        FindingsJson.write(g, assessment);
        g.writeEndObject();
        JsonOutput.finish(g);
    }

    private static void writeTarget(JsonGenerator g, Inventory.Target t) throws IOException {
        g.writeObjectFieldStart("target");
        string(g, "kind", t.kind());
        string(g, "name", t.name());
        string(g, "manifestDigest", t.manifestDigest());
        string(g, "configDigest", t.configDigest());
        g.writeArrayFieldStart("repoTags");
        for (String tag : t.repoTags().stream().sorted().toList()) {
            JsonOutput.element(g, tag);
        }
        g.writeEndArray();
        string(g, "os", t.os());
        string(g, "architecture", t.architecture());
        g.writeEndObject();
    }

    private static void writeDistro(JsonGenerator g, Distro d) throws IOException {
        if (d == null) {
            return;
        }
        g.writeObjectFieldStart("distro");
        string(g, "id", d.id());
        string(g, "versionId", d.versionId());
        string(g, "codename", d.codename());
        string(g, "prettyName", d.prettyName());
        string(g, "idLike", d.idLike());
        string(g, "source", d.source());
        g.writeEndObject();
    }

    private static void writeLayers(JsonGenerator g, List<LayerInfo> layers) throws IOException {
        g.writeArrayFieldStart("layers");
        for (LayerInfo l : layers.stream().sorted(Comparator.comparingInt(LayerInfo::index)).toList()) {
            g.writeStartObject();
            g.writeNumberField("index", l.index());
            string(g, "diffId", l.diffId());
            string(g, "digest", l.digest());
            g.writeNumberField("size", l.size());
            string(g, "createdBy", l.createdBy());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writePackage(JsonGenerator g, Package p, String purl) throws IOException {
        g.writeStartObject();
        string(g, "type", p.type());
        string(g, "name", p.name());
        string(g, "version", p.version());
        string(g, "architecture", p.architecture());
        string(g, "sourceName", p.sourceName());
        string(g, "sourceVersion", p.sourceVersion());
        g.writeArrayFieldStart("licenses");
        for (String license : p.licenses()) {
            JsonOutput.element(g, license);
        }
        g.writeEndArray();
        string(g, "purl", purl);
        string(g, "foundBy", p.foundBy());
        string(g, "location", p.location());
        string(g, "layer", p.layer());
        if (!p.hashes().isEmpty()) {
            g.writeObjectFieldStart("hashes");
            for (var h : new java.util.TreeMap<>(p.hashes()).entrySet()) {
                string(g, h.getKey(), h.getValue());
            }
            g.writeEndObject();
        }
        if (!p.dependsOn().isEmpty()) {
            g.writeArrayFieldStart("dependsOn");
            for (String d : p.dependsOn().stream().sorted().toList()) {
                JsonOutput.element(g, d);
            }
            g.writeEndArray();
        }
        if (!p.flags().isEmpty()) {
            g.writeArrayFieldStart("flags");
            for (var f : new java.util.TreeSet<>(p.flags())) {
                JsonOutput.element(g, f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            }
            g.writeEndArray();
        }
        string(g, "ownedBy", p.ownedBy());
        g.writeEndObject();
    }
}
