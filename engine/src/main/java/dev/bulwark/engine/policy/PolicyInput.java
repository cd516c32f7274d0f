package dev.bulwark.engine.policy;

import dev.bulwark.engine.finding.Assessment;
import dev.bulwark.engine.finding.Misconfiguration;
import dev.bulwark.engine.finding.SecretFinding;
import dev.bulwark.engine.finding.VulnerabilityFinding;
import dev.bulwark.engine.image.ImageConfig;
import dev.bulwark.engine.inventory.Inventory;
import dev.bulwark.engine.inventory.Package;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one input model that built-in checks and user rules see (documented in docs/policy.md): every variable is
 * always bound, null when the subject does not have it, so a rule written for admission runs unchanged on a scan.
 */
public final class PolicyInput {
    /** The variable names, in the order docs/policy.md describes them. */
    public static final List<String> VARIABLES = List.of("image", "packages", "vulnerabilities", "secrets",
            "misconfigurations", "config", "object", "oldObject", "namespaceObject", "request");

    private PolicyInput() {
    }

    /** The variables for one subject of an assessment. */
    public static Map<String, Object> variables(Assessment assessment, PolicySubject subject) {
        Map<String, Object> vars = new HashMap<>();
        VARIABLES.forEach(v -> vars.put(v, null));
        Inventory inventory = assessment.inventory();
        vars.put("packages", inventory.packages().stream().map(PolicyInput::pkg).toList());
        vars.put("vulnerabilities", assessment.findings(VulnerabilityFinding.class).stream()
                .map(PolicyInput::vulnerability).toList());
        vars.put("secrets", assessment.findings(SecretFinding.class).stream().map(PolicyInput::secret).toList());
        vars.put("misconfigurations", assessment.findings(Misconfiguration.class).stream()
                .map(PolicyInput::misconfiguration).toList());
        if (inventory.target() != null && "image".equals(inventory.target().kind())) {
            ImageConfig config = subject instanceof PolicySubject.Image i ? i.config() : null;
            vars.put("image", image(inventory, config));
        }
        switch (subject) {
            case PolicySubject.Kubernetes k -> {
                vars.put("object", k.object());
                vars.put("oldObject", k.oldObject());
                vars.put("namespaceObject", k.namespaceObject());
                vars.put("request", request(k));
            }
            case PolicySubject.ConfigFile f -> vars.put("config", f.document());
            case PolicySubject.Image i -> {
            }
        }
        return vars;
    }

    private static Map<String, Object> image(Inventory inventory, ImageConfig config) {
        Inventory.Target t = inventory.target();
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("reference", t.name());
        image.put("digest", t.manifestDigest());
        image.put("id", t.configDigest());
        image.put("repoTags", t.repoTags());
        image.put("os", t.os());
        image.put("architecture", t.architecture());
        image.put("distro", inventory.distro() == null ? null : Map.of("id", nz(inventory.distro().id()),
                "version", nz(inventory.distro().versionId())));
        if (config != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("user", nz(config.user()));
            Map<String, Object> env = new LinkedHashMap<>();
            for (String e : config.env()) {
                int eq = e.indexOf('=');
                env.put(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
            }
            c.put("env", env);
            c.put("labels", config.labels());
            c.put("exposedPorts", config.exposedPorts());
            c.put("entrypoint", config.entrypoint());
            c.put("cmd", config.cmd());
            c.put("workingDir", nz(config.workingDir()));
            c.put("healthcheck", config.hasHealthcheck());
            c.put("history", config.history().stream().map(h -> Map.of("createdBy", nz(h.createdBy()),
                    "created", nz(h.created()), "emptyLayer", h.emptyLayer())).toList());
            image.put("config", c);
        } else {
            image.put("config", null);
        }
        return image;
    }

    private static Map<String, Object> pkg(Package p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", p.type());
        m.put("name", p.name());
        m.put("version", p.version());
        m.put("purl", p.purl());
        m.put("location", p.location());
        m.put("layer", p.layer());
        m.put("licenses", p.licenses());
        m.put("sourceName", p.sourceName());
        m.put("foundBy", p.foundBy());
        return m;
    }

    private static Map<String, Object> vulnerability(VulnerabilityFinding v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.vulnerabilityId());
        m.put("aliases", v.aliases());
        m.put("severity", v.severity().name());
        m.put("fixable", v.fixable());
        m.put("fixStatus", v.fixStatus().label());
        m.put("fixedVersions", v.fixedVersions());
        m.put("cvssScore", v.cvss().stream().mapToDouble(VulnerabilityFinding.CvssScore::score).max().orElse(0));
        m.put("kev", v.kev() != null);
        m.put("epss", v.epss() == null ? 0.0 : v.epss().score());
        m.put("package", pkg(v.pkg()));
        return m;
    }

    private static Map<String, Object> secret(SecretFinding s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ruleId", s.ruleId());
        m.put("title", s.title());
        m.put("severity", s.severity().name());
        m.put("path", s.location().path());
        m.put("layer", s.location().layer());
        m.put("deletedLater", s.deletedLater());
        return m;
    }

    private static Map<String, Object> misconfiguration(Misconfiguration c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("checkId", c.checkId());
        m.put("severity", c.severity().name());
        m.put("message", c.message());
        m.put("path", c.location().path());
        m.put("resource", c.location().resource());
        return m;
    }

    private static Map<String, Object> request(PolicySubject.Kubernetes k) {
        Map<String, Object> o = k.object();
        String apiVersion = String.valueOf(o.getOrDefault("apiVersion", ""));
        int slash = apiVersion.indexOf('/');
        Map<String, Object> kind = Map.of("group", slash < 0 ? "" : apiVersion.substring(0, slash),
                "version", slash < 0 ? apiVersion : apiVersion.substring(slash + 1),
                "kind", String.valueOf(o.getOrDefault("kind", "")));
        Map<?, ?> metadata = o.get("metadata") instanceof Map<?, ?> md ? md : Map.of();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kind", kind);
        r.put("operation", k.operation());
        r.put("namespace", metadata.get("namespace") == null ? "" : String.valueOf(metadata.get("namespace")));
        r.put("name", metadata.get("name") == null ? "" : String.valueOf(metadata.get("name")));
        r.put("dryRun", false);
        return r;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
