package dev.bulwark.engine.policy.vex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads VEX documents: OpenVEX (any version) or a CycloneDX 1.4-1.6 BOM with vulnerabilities, told apart by content. */
public final class VexDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_BYTES = 64L << 20;

    private VexDocuments() {
    }

    /**
     * Parses one document.
     *
     * @throws BulwarkException INVALID_INPUT naming the file and the problem
     */
    public static List<VexStatement> parse(String name, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw invalid(name, "larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (IOException e) {
            throw invalid(name, "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw invalid(name, "not a JSON object");
        }
        if (root.has("statements") || root.path("@context").asText().contains("openvex")) {
            return openVex(name, root);
        }
        if ("CycloneDX".equals(root.path("bomFormat").asText())) {
            return cycloneDx(name, root);
        }
        throw invalid(name, "neither OpenVEX (statements) nor CycloneDX (bomFormat)");
    }

    private static List<VexStatement> openVex(String name, JsonNode root) {
        List<VexStatement> out = new ArrayList<>();
        int i = 0;
        for (JsonNode s : root.path("statements")) {
            i++;
            JsonNode v = s.path("vulnerability");
            String id = v.isTextual() ? v.asText() : v.path("name").asText(v.path("@id").asText(""));
            if (id.isEmpty()) {
                throw invalid(name, "statement " + i + " names no vulnerability");
            }
            List<String> aliases = new ArrayList<>();
            v.path("aliases").forEach(a -> aliases.add(a.asText()));
            if (v.has("@id") && !v.path("@id").asText().equals(id)) {
                aliases.add(v.path("@id").asText());
            }
            List<String> products = new ArrayList<>();
            List<String> subcomponents = new ArrayList<>();
            for (JsonNode p : s.path("products")) {
                products.addAll(identifiers(p));
                p.path("subcomponents").forEach(c -> subcomponents.addAll(identifiers(c)));
            }
            s.path("subcomponents").forEach(c -> subcomponents.addAll(identifiers(c)));
            VexStatement.Status status = switch (s.path("status").asText()) {
                case "not_affected" -> VexStatement.Status.NOT_AFFECTED;
                case "affected" -> VexStatement.Status.AFFECTED;
                case "fixed" -> VexStatement.Status.FIXED;
                case "under_investigation" -> VexStatement.Status.UNDER_INVESTIGATION;
                default -> throw invalid(name, "statement " + i + " (" + id + ") has unknown status '"
                        + s.path("status").asText() + "'");
            };
            out.add(new VexStatement(id, aliases, products, subcomponents, status, text(s, "justification"),
                    text(s, "impact_statement"), name));
        }
        return out;
    }

    /** A product as a string (v0.0.1) or an object with {@code @id} and {@code identifiers}. */
    private static List<String> identifiers(JsonNode p) {
        List<String> ids = new ArrayList<>();
        if (p.isTextual()) {
            ids.add(p.asText());
            return ids;
        }
        if (p.hasNonNull("@id")) {
            ids.add(p.get("@id").asText());
        }
        p.path("identifiers").fields().forEachRemaining(e -> ids.add(e.getValue().asText()));
        p.path("hashes").fields().forEachRemaining(e -> ids.add(e.getKey().replace("sha-", "sha") + ":"
                + e.getValue().asText()));
        return ids;
    }

    private static List<VexStatement> cycloneDx(String name, JsonNode root) {
        Map<String, String> purls = new HashMap<>();
        collectComponents(root.path("metadata").path("component"), purls, 0);
        root.path("components").forEach(c -> collectComponents(c, purls, 0));
        List<VexStatement> out = new ArrayList<>();
        for (JsonNode v : root.path("vulnerabilities")) {
            String id = v.path("id").asText("");
            String state = v.path("analysis").path("state").asText("");
            if (id.isEmpty() || state.isEmpty()) {
                continue;
            }
            VexStatement.Status status = switch (state) {
                case "not_affected", "false_positive" -> VexStatement.Status.NOT_AFFECTED;
                case "resolved", "resolved_with_pedigree" -> VexStatement.Status.FIXED;
                case "exploitable" -> VexStatement.Status.AFFECTED;
                case "in_triage" -> VexStatement.Status.UNDER_INVESTIGATION;
                default -> throw invalid(name, "vulnerability " + id + " has unknown analysis state '" + state + "'");
            };
            List<String> aliases = new ArrayList<>();
            v.path("references").forEach(r -> aliases.add(r.path("id").asText()));
            List<String> products = new ArrayList<>();
            for (JsonNode a : v.path("affects")) {
                String ref = a.path("ref").asText("");
                String local = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : ref;
                products.add(purls.getOrDefault(local, ref));
            }
            String justification = state.equals("false_positive") ? "false_positive"
                    : text(v.path("analysis"), "justification");
            out.add(new VexStatement(id, aliases, products, List.of(), status, justification,
                    text(v.path("analysis"), "detail"), name));
        }
        return out;
    }

    private static void collectComponents(JsonNode c, Map<String, String> purls, int depth) {
        if (c.isMissingNode() || depth > 64) {
            return;
        }
        if (c.hasNonNull("bom-ref") && c.hasNonNull("purl")) {
            purls.put(c.get("bom-ref").asText(), c.get("purl").asText());
        }
        c.path("components").forEach(child -> collectComponents(child, purls, depth + 1));
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static BulwarkException invalid(String name, String reason) {
        return new BulwarkException(ErrorKind.INVALID_INPUT, "VEX document " + name + ": " + reason);
    }
}
