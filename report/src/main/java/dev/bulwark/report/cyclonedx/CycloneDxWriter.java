package dev.bulwark.report.cyclonedx;

import static dev.bulwark.report.JsonOutput.string;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.engine.inventory.Distro;
import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import dev.bulwark.report.JsonOutput;
import dev.bulwark.report.ReportContext;
import dev.bulwark.report.ReportFindings;
import dev.bulwark.report.ReportPackages;
import dev.bulwark.report.ReportWriter;
import dev.bulwark.report.UniqueRefs;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code cyclonedx} format: a CycloneDX 1.6 JSON BOM. The scanned image is {@code metadata.component} (type
 * container, its manifest digest as version and hash); the distro is an operating-system component; each package
 * is a library component with its purl, licenses (by name: distro license strings are rarely SPDX ids) and
 * {@code bulwark:*} properties for the layer, location, source package and cataloger.
 */
public final class CycloneDxWriter implements ReportWriter {
    private static final Pattern DIGEST = Pattern.compile("(sha256|sha512):([a-f0-9]{64}|[a-f0-9]{128})");

    private static final int MAX_VERSION = 1024;
    /** Bulwark's hash names to CycloneDX's {@code hash-alg} values. */
    private static final Map<String, String> HASH_NAMES = Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256",
            "sha512", "SHA-512");

    private final ReportContext context;

    public CycloneDxWriter(ReportContext context) {
        this.context = context;
    }

    @Override
    public String format() {
        return "cyclonedx";
    }

    @Override
    public void write(Assessment assessment, OutputStream out) throws IOException {
        Inventory inventory = assessment.inventory();
        UniqueRefs refs = new UniqueRefs();
        JsonGenerator g = JsonOutput.open(out);
        g.writeStartObject();
        g.writeStringField("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
        g.writeStringField("bomFormat", "CycloneDX");
        g.writeStringField("specVersion", "1.6");
        g.writeStringField("serialNumber", "urn:uuid:" + context.newUuid());
        g.writeNumberField("version", 1);
        writeMetadata(g, inventory.target(), refs);
        g.writeArrayFieldStart("components");
        writeDistro(g, inventory.distro(), refs);
        List<Package> packages = ReportPackages.sorted(inventory);
        Map<Package, String> refOf = new LinkedHashMap<>();
        for (Package p : packages) {
            refOf.put(p, writePackage(g, p, ReportPackages.purl(p, inventory.distro()), refs));
        }
        g.writeEndArray();
        writeDependencies(g, refOf);
        CycloneDxVulnerabilities.write(g, ReportFindings.vulnerabilities(assessment), refOf);
        g.writeEndObject();
        JsonOutput.finish(g);
    }

    private void writeMetadata(JsonGenerator g, Inventory.Target t, UniqueRefs refs) throws IOException {
        g.writeObjectFieldStart("metadata");
        g.writeStringField("timestamp", context.now().toString());
        g.writeObjectFieldStart("tools");
        g.writeArrayFieldStart("components");
        g.writeStartObject();
        g.writeStringField("type", "application");
        g.writeStringField("name", "bulwark");
        string(g, "version", context.toolVersion());
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();

        g.writeObjectFieldStart("component");
        String purl = ReportPackages.imagePurl(t);
        g.writeStringField("bom-ref", refs.claim(purl != null ? purl : "target"));
        g.writeStringField("type", "image".equals(t.kind()) ? "container" : "file");
        string(g, "name", t.name());
        string(g, "version", t.manifestDigest() != null ? t.manifestDigest() : t.configDigest());
        if (t.manifestDigest() != null && DIGEST.matcher(t.manifestDigest()).matches()) {
            String[] parts = t.manifestDigest().split(":", 2);
            g.writeArrayFieldStart("hashes");
            g.writeStartObject();
            g.writeStringField("alg", parts[0].equals("sha256") ? "SHA-256" : "SHA-512");
            g.writeStringField("content", parts[1]);
            g.writeEndObject();
            g.writeEndArray();
        }
        string(g, "purl", purl);
        g.writeArrayFieldStart("properties");
        property(g, "bulwark:target:kind", t.kind());
        property(g, "bulwark:image:configDigest", t.configDigest());
        for (String tag : t.repoTags().stream().sorted().toList()) {
            property(g, "bulwark:image:repoTag", tag);
        }
        property(g, "bulwark:image:os", t.os());
        property(g, "bulwark:image:architecture", t.architecture());
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeDistro(JsonGenerator g, Distro d, UniqueRefs refs) throws IOException {
        if (d == null || d.id() == null) {
            return;
        }
        g.writeStartObject();
        g.writeStringField("bom-ref", refs.claim("os:" + d.purlQualifier()));
        g.writeStringField("type", "operating-system");
        string(g, "name", d.id());
        string(g, "version", d.versionId());
        string(g, "description", d.prettyName());
        g.writeArrayFieldStart("properties");
        property(g, "bulwark:distro:codename", d.codename());
        property(g, "bulwark:distro:idLike", d.idLike());
        property(g, "bulwark:distro:source", d.source());
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The dependency graph where sources record one: each package's direct dependencies of the same type. */
    private static void writeDependencies(JsonGenerator g, Map<Package, String> refOf) throws IOException {
        Map<String, String> byNameVersion = new HashMap<>();
        refOf.forEach((p, ref) -> byNameVersion.putIfAbsent(p.type() + " " + p.name() + "@" + p.version(), ref));
        boolean open = false;
        for (Map.Entry<Package, String> e : refOf.entrySet()) {
            Package p = e.getKey();
            if (p.dependsOn().isEmpty()) {
                continue;
            }
            List<String> targets = p.dependsOn().stream().map(d -> byNameVersion.get(p.type() + " " + d))
                    .filter(java.util.Objects::nonNull).distinct().sorted().toList();
            if (!open) {
                g.writeArrayFieldStart("dependencies");
                open = true;
            }
            g.writeStartObject();
            g.writeStringField("ref", e.getValue());
            g.writeArrayFieldStart("dependsOn");
            for (String t : targets) {
                g.writeString(t);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        if (open) {
            g.writeEndArray();
        }
    }

    private static String writePackage(JsonGenerator g, Package p, String purl, UniqueRefs refs) throws IOException {
        g.writeStartObject();
        String ref = refs.claim(purl != null ? purl : "package:" + p.identity());
        g.writeStringField("bom-ref", ref);
        g.writeStringField("type", "library");
        string(g, "name", p.name());
        boolean longVersion = p.version().codePointCount(0, p.version().length()) > MAX_VERSION;
        string(g, "version", longVersion ? cut(p.version()) : p.version());
        if (!p.licenses().isEmpty()) {
            g.writeArrayFieldStart("licenses");
            for (String license : p.licenses()) {
                g.writeStartObject();
                g.writeObjectFieldStart("license");
                string(g, "name", license);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!p.hashes().isEmpty()) {
            g.writeArrayFieldStart("hashes");
            for (var h : new java.util.TreeMap<>(p.hashes()).entrySet()) {
                String alg = HASH_NAMES.get(h.getKey());
                if (alg != null) {
                    g.writeStartObject();
                    g.writeStringField("alg", alg);
                    g.writeStringField("content", h.getValue());
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
        }
        string(g, "purl", purl);
        g.writeArrayFieldStart("properties");
        property(g, "bulwark:package:type", p.type());
        property(g, "bulwark:package:fullVersion", longVersion ? p.version() : null);
        property(g, "bulwark:package:architecture", p.architecture());
        property(g, "bulwark:package:sourceName", p.sourceName());
        property(g, "bulwark:package:sourceVersion", p.sourceVersion());
        property(g, "bulwark:package:foundBy", p.foundBy());
        property(g, "bulwark:package:location", p.location());
        property(g, "bulwark:package:layer", p.layer());
        for (var f : new java.util.TreeSet<>(p.flags())) {
            property(g, "bulwark:package:flag", f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        property(g, "bulwark:package:ownedBy", p.ownedBy());
        g.writeEndArray();
        g.writeEndObject();
        return ref;
    }

    // The schema caps versions at 1024 characters; the full text then goes into a property.
    private static String cut(String version) {
        return version.substring(0, version.offsetByCodePoints(0, MAX_VERSION - 3)) + "...";
    }

    private static void property(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            return;
        }
        g.writeStartObject();
        g.writeStringField("name", name);
        string(g, "value", value);
        g.writeEndObject();
    }
}
