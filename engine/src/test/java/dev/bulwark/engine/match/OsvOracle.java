package dev.bulwark.engine.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The expected answers of the accuracy benchmark, written from the OSV schema's own evaluation rules and nothing of
 * Bulwark's: the OSV JSON is read with Jackson, each affected entry for the package's name is checked against its
 * {@code versions} list and its ECOSYSTEM/SEMVER ranges (events sorted by version, {@code introduced "0"} first;
 * introduced at or below the version opens, fixed at or below it or last_affected below it closes; the version must
 * be below some {@code limit} when there are limits), and versions are ordered by the ecosystem's real implementation
 * ({@link ReferenceOrder}). Withdrawn advisories are left out. A range naming a version the real implementation
 * rejects cannot be decided and is counted in {@link #undecidable}.
 */
final class OsvOracle {
    /** An installed package as the ecosystem's own tool lists it: the advisory name and the version text. */
    record Installed(String name, String version) {
        String key() {
            return name + "@" + version;
        }
    }

    private final String ecosystem;
    private final Map<String, List<Entry>> byName = new HashMap<>();
    private final Set<String> undecidable = new TreeSet<>();

    private record Entry(String advisoryId, JsonNode affected) {
    }

    /** Every OSV document in {@code dirs}, parsed once for all ecosystems. */
    static List<JsonNode> load(List<Path> dirs) {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> docs = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    docs.add(json.readTree(f.toFile()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return docs;
    }

    /**
     * @param docs OSV documents; an advisory filed under one ecosystem's folder may name packages of others (a Go
     *     GHSA naming tomcat), so every document is searched
     * @param ecosystem the OSV ecosystem to take entries for ({@code Maven}, {@code PyPI}, ...)
     * @param normalize the ecosystem's name rule, applied to advisory names (installed names come normalized)
     */
    OsvOracle(List<JsonNode> docs, String ecosystem, UnaryOperator<String> normalize) {
        this.ecosystem = ecosystem;
        for (JsonNode doc : docs) {
            if (doc.hasNonNull("withdrawn")) {
                continue;
            }
            for (JsonNode a : doc.path("affected")) {
                JsonNode pkg = a.path("package");
                if (ecosystem.equals(pkg.path("ecosystem").asText())) {
                    byName.computeIfAbsent(normalize.apply(pkg.path("name").asText()), k -> new ArrayList<>())
                            .add(new Entry(doc.path("id").asText(), a));
                }
            }
        }
    }

    /** Every version the oracle will compare for {@code installed}: theirs and those of the advisories naming them. */
    Set<String> versionsToOrder(Collection<Installed> installed, Function<String, String> asOrdered) {
        Set<String> out = new TreeSet<>();
        for (Installed i : installed) {
            out.add(asOrdered.apply(i.version()));
            for (Entry e : byName.getOrDefault(i.name(), List.of())) {
                e.affected().path("versions").forEach(v -> out.add(asOrdered.apply(v.asText())));
                for (JsonNode r : e.affected().path("ranges")) {
                    for (JsonNode ev : r.path("events")) {
                        ev.fields().forEachRemaining(f -> {
                            if (!f.getValue().asText().equals("0") && !f.getValue().asText().equals("*")) {
                                out.add(asOrdered.apply(f.getValue().asText()));
                            }
                        });
                    }
                }
            }
        }
        return out;
    }

    /**
     * The expected {@code name@version advisoryId} pairs.
     *
     * @param asOrdered how a version is written for the reference implementation (Go's {@code v} removed)
     */
    Set<String> expected(Collection<Installed> installed, ReferenceOrder order, Function<String, String> asOrdered) {
        Set<String> out = new TreeSet<>();
        for (Installed i : installed) {
            String v = asOrdered.apply(i.version());
            if (!order.valid(v)) {
                undecidable.add(i.key() + ": installed version rejected by " + order.implementation);
                continue;
            }
            for (Entry e : byName.getOrDefault(i.name(), List.of())) {
                if (affects(e, v, order, asOrdered, i)) {
                    out.add(i.key() + " " + e.advisoryId());
                }
            }
        }
        return out;
    }

    /** Ranges the oracle could not decide, with why. */
    Set<String> undecidable() {
        return undecidable;
    }

    String ecosystem() {
        return ecosystem;
    }

    private boolean affects(Entry e, String v, ReferenceOrder order, Function<String, String> asOrdered,
            Installed i) {
        for (JsonNode listed : e.affected().path("versions")) {
            String l = asOrdered.apply(listed.asText());
            if (order.valid(l) && order.compare(l, v) == 0) {
                return true;
            }
        }
        for (JsonNode range : e.affected().path("ranges")) {
            String type = range.path("type").asText();
            if (!type.equals("ECOSYSTEM") && !type.equals("SEMVER")) {
                continue; // GIT ranges name commits
            }
            List<String[]> events = new ArrayList<>();
            boolean decidable = true;
            for (JsonNode ev : range.path("events")) {
                var field = ev.fields().next();
                String text = field.getValue().asText();
                String ordered = text.equals("0") || text.equals("*") ? text : asOrdered.apply(text);
                if (!ordered.equals("0") && !ordered.equals("*") && !order.valid(ordered)) {
                    decidable = false;
                }
                events.add(new String[] {field.getKey(), ordered});
            }
            if (!decidable) {
                undecidable.add(i.key() + " " + e.advisoryId() + ": a range version is rejected by "
                        + order.implementation);
                continue;
            }
            if (inRange(v, events, order)) {
                return true;
            }
        }
        return false;
    }

    /** The OSV schema's evaluation of one range ("Evaluation" in the spec), limits included. */
    static boolean inRange(String v, List<String[]> events, ReferenceOrder order) {
        List<String> limits = events.stream().filter(e -> e[0].equals("limit")).map(e -> e[1]).toList();
        if (!limits.isEmpty() && limits.stream().noneMatch(l -> l.equals("*") || order.compare(v, l) < 0)) {
            return false;
        }
        List<String[]> sorted = new ArrayList<>(events.stream().filter(e -> !e[0].equals("limit")).toList());
        sorted.sort((a, b) -> a[1].equals("0") ? (b[1].equals("0") ? 0 : -1) : b[1].equals("0") ? 1
                : order.compare(a[1], b[1]));
        boolean affected = false;
        for (String[] e : sorted) {
            switch (e[0]) {
                case "introduced" -> {
                    if (e[1].equals("0") || order.compare(v, e[1]) >= 0) {
                        affected = true;
                    }
                }
                case "fixed" -> {
                    if (order.compare(v, e[1]) >= 0) {
                        affected = false;
                    }
                }
                case "last_affected" -> {
                    if (order.compare(v, e[1]) > 0) {
                        affected = false;
                    }
                }
                default -> throw new IllegalStateException("unknown OSV event " + e[0]);
            }
        }
        return affected;
    }
}
