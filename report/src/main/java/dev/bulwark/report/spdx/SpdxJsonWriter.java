package dev.bulwark.report.spdx;

import static dev.bulwark.report.JsonOutput.string;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.engine.inventory.Distro;
import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.report.JsonOutput;
import dev.bulwark.report.ReportContext;
import dev.bulwark.report.ReportPackages;
import dev.bulwark.report.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code spdx-json} format: an SPDX 2.3 JSON document that DESCRIBES the target package, which CONTAINS the
 * distro and every package. Declared licenses are written as {@code LicenseRef-} ids with the original text under
 * {@code hasExtractedLicensingInfos}, since distro license names are not SPDX expressions; nothing is concluded.
 */
public final class SpdxJsonWriter implements ReportWriter {
    private static final String NOASSERTION = "NOASSERTION";
    private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");

    private final ReportContext context;

    public SpdxJsonWriter(ReportContext context) {
        this.context = context;
    }

    @Override
    public String format() {
        return "spdx-json";
    }

    @Override
    public void write(Assessment assessment, OutputStream out) throws IOException {
        Inventory inventory = assessment.inventory();
        SpdxIds ids = new SpdxIds();
        Inventory.Target target = inventory.target();
        JsonGenerator g = JsonOutput.open(out);
        g.writeStartObject();
        g.writeStringField("spdxVersion", "SPDX-2.3");
        g.writeStringField("dataLicense", "CC0-1.0");
        g.writeStringField("SPDXID", "SPDXRef-DOCUMENT");
        string(g, "name", target.name());
        g.writeStringField("documentNamespace", "https://bulwark.dev/spdx/" + ids.element("doc", target.kind())
                .substring("SPDXRef-".length()) + "/" + context.newUuid());
        g.writeObjectFieldStart("creationInfo");
        g.writeStringField("created", context.now().toString());
        g.writeArrayFieldStart("creators");
        JsonOutput.element(g, "Tool: bulwark-" + context.toolVersion());
        g.writeEndArray();
        g.writeEndObject();

        List<String[]> contains = new ArrayList<>();
        g.writeArrayFieldStart("packages");
        String root = writeTarget(g, target, ids);
        String os = writeDistro(g, inventory.distro(), ids);
        if (os != null) {
            contains.add(new String[] {root, os});
        }
        for (Package p : ReportPackages.sorted(inventory)) {
            contains.add(new String[] {root, writePackage(g, p, ReportPackages.purl(p, inventory.distro()), ids)});
        }
        g.writeEndArray();

        writeExtractedLicenses(g, ids.licenses());
        g.writeArrayFieldStart("relationships");
        relationship(g, "SPDXRef-DOCUMENT", "DESCRIBES", root);
        for (String[] pair : contains) {
            relationship(g, pair[0], "CONTAINS", pair[1]);
        }
        g.writeEndArray();
        g.writeEndObject();
        JsonOutput.finish(g);
    }

    private static String writeTarget(JsonGenerator g, Inventory.Target t, SpdxIds ids) throws IOException {
        String id = ids.element("Target", t.kind());
        g.writeStartObject();
        g.writeStringField("SPDXID", id);
        string(g, "name", t.name());
        string(g, "versionInfo", t.manifestDigest() != null ? t.manifestDigest() : t.configDigest());
        g.writeStringField("downloadLocation", NOASSERTION);
        g.writeBooleanField("filesAnalyzed", false);
        g.writeStringField("primaryPackagePurpose", "image".equals(t.kind()) ? "CONTAINER" : "OTHER");
        if (t.manifestDigest() != null && SHA256.matcher(t.manifestDigest()).matches()) {
            g.writeArrayFieldStart("checksums");
            g.writeStartObject();
            g.writeStringField("algorithm", "SHA256");
            g.writeStringField("checksumValue", t.manifestDigest().substring("sha256:".length()));
            g.writeEndObject();
            g.writeEndArray();
        }
        externalPurl(g, ReportPackages.imagePurl(t));
        g.writeStringField("licenseConcluded", NOASSERTION);
        g.writeStringField("licenseDeclared", NOASSERTION);
        g.writeStringField("copyrightText", NOASSERTION);
        g.writeEndObject();
        return id;
    }

    private static String writeDistro(JsonGenerator g, Distro d, SpdxIds ids) throws IOException {
        if (d == null || d.id() == null) {
            return null;
        }
        String id = ids.element("OperatingSystem", d.purlQualifier());
        g.writeStartObject();
        g.writeStringField("SPDXID", id);
        string(g, "name", d.id());
        string(g, "versionInfo", d.versionId());
        string(g, "description", d.prettyName());
        g.writeStringField("downloadLocation", NOASSERTION);
        g.writeBooleanField("filesAnalyzed", false);
        g.writeStringField("primaryPackagePurpose", "OPERATING_SYSTEM");
        g.writeStringField("licenseConcluded", NOASSERTION);
        g.writeStringField("licenseDeclared", NOASSERTION);
        g.writeStringField("copyrightText", NOASSERTION);
        g.writeEndObject();
        return id;
    }

    private static String writePackage(JsonGenerator g, Package p, String purl, SpdxIds ids) throws IOException {
        String id = ids.element("Package", p.type(), p.name(), p.version());
        g.writeStartObject();
        g.writeStringField("SPDXID", id);
        string(g, "name", p.name());
        string(g, "versionInfo", p.version());
        g.writeStringField("downloadLocation", NOASSERTION);
        g.writeBooleanField("filesAnalyzed", false);
        if (p.sourceName() != null || p.sourceVersion() != null) {
            string(g, "sourceInfo", "built from source package " + (p.sourceName() != null ? p.sourceName()
                    : p.name()) + (p.sourceVersion() != null ? " " + p.sourceVersion() : ""));
        }
        externalPurl(g, purl);
        g.writeStringField("licenseConcluded", NOASSERTION);
        g.writeStringField("licenseDeclared", declared(p.licenses(), ids));
        g.writeStringField("copyrightText", NOASSERTION);
        string(g, "comment", where(p));
        g.writeEndObject();
        return id;
    }

    private static String declared(List<String> licenses, SpdxIds ids) {
        if (licenses.isEmpty()) {
            return NOASSERTION;
        }
        List<String> refs = licenses.stream().map(ids::license).distinct().toList();
        return refs.size() == 1 ? refs.get(0) : "(" + String.join(" AND ", refs) + ")";
    }

    private static String where(Package p) {
        StringBuilder s = new StringBuilder();
        if (p.foundBy() != null) {
            s.append("found by ").append(p.foundBy());
        }
        if (p.location() != null) {
            s.append(s.isEmpty() ? "" : " ").append("in ").append(p.location());
        }
        if (p.layer() != null) {
            s.append(s.isEmpty() ? "" : ", ").append("layer ").append(p.layer());
        }
        return s.isEmpty() ? null : s.toString();
    }

    private static void externalPurl(JsonGenerator g, String purl) throws IOException {
        if (purl == null) {
            return;
        }
        g.writeArrayFieldStart("externalRefs");
        g.writeStartObject();
        g.writeStringField("referenceCategory", "PACKAGE-MANAGER");
        g.writeStringField("referenceType", "purl");
        string(g, "referenceLocator", purl);
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void writeExtractedLicenses(JsonGenerator g, Map<String, String> licenses) throws IOException {
        if (licenses.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("hasExtractedLicensingInfos");
        for (Map.Entry<String, String> e : licenses.entrySet()) {
            g.writeStartObject();
            g.writeStringField("licenseId", e.getValue());
            string(g, "name", e.getKey());
            string(g, "extractedText", e.getKey());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void relationship(JsonGenerator g, String from, String type, String to) throws IOException {
        g.writeStartObject();
        g.writeStringField("spdxElementId", from);
        g.writeStringField("relationshipType", type);
        g.writeStringField("relatedSpdxElement", to);
        g.writeEndObject();
    }
}
