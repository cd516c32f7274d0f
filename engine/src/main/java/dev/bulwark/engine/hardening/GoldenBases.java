package dev.bulwark.engine.hardening;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import dev.bulwark.engine.config.yaml.YamlReader;
import dev.bulwark.engine.config.yaml.YamlStream;
import dev.bulwark.engine.image.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The approved golden base images, read from a YAML or JSON file:
 * <pre>
 * baseImages:
 *   - name: corp/debian-12            # shown in reports: "based on corp/debian-12"
 *     diffIds:                         # the base's rootfs.diff_ids, lowest layer first
 *       - sha256:1f5f...
 *   - name: corp/temurin-21
 *     reference: registry.corp/temurin:21@sha256:...   # resolved to diffIds by the caller
 * </pre>
 * An image is based on a golden image when its diffID chain starts with the golden image's whole chain; when several
 * match, the longest chain wins (a Java base built on the Debian base is the more specific answer).
 */
public record GoldenBases(List<GoldenBase> bases) {
    private static final long MAX_FILE_BYTES = 4 << 20;
    private static final Set<String> ENTRY_KEYS = Set.of("name", "reference", "diffIds");

    public GoldenBases {
        bases = List.copyOf(bases);
    }

    public static GoldenBases none() {
        return new GoldenBases(List.of());
    }

    public boolean configured() {
        return !bases.isEmpty();
    }

    /** Entries declared by reference only, which the caller must resolve before {@link #detect}. */
    public List<GoldenBase> unresolved() {
        return bases.stream().filter(b -> !b.resolved()).toList();
    }

    /** Reads the file; every problem is one {@link ErrorKind#INVALID_INPUT} line naming the file. */
    public static GoldenBases load(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw invalid(file.toString(), "is larger than " + MAX_FILE_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, "golden base image list " + file + " cannot be read: "
                    + e.getMessage());
        }
        return parse(file.toString(), bytes);
    }

    /** Parses YAML or JSON text; {@code name} names the file in errors. */
    public static GoldenBases parse(String name, byte[] bytes) {
        YamlStream stream = new YamlReader().read(name, bytes);
        if (!stream.warnings().isEmpty()) {
            throw invalid(name, "is not valid YAML: " + stream.warnings().get(0));
        }
        if (stream.documents().size() != 1 || !(stream.documents().get(0).root() instanceof Map<?, ?> root)) {
            throw invalid(name, "must hold one mapping with a baseImages list");
        }
        if (!(root.get("baseImages") instanceof List<?> list) || root.size() != 1) {
            throw invalid(name, "must hold exactly one key, baseImages, with a list of {name, diffIds|reference}");
        }
        List<GoldenBase> bases = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            bases.add(entry(name + ": baseImages[" + i + "]", list.get(i)));
        }
        return new GoldenBases(bases);
    }

    private static GoldenBase entry(String where, Object node) {
        if (!(node instanceof Map<?, ?> map)) {
            throw invalid(where, "is not a mapping");
        }
        for (Object key : map.keySet()) {
            if (!ENTRY_KEYS.contains(String.valueOf(key))) {
                throw invalid(where, "has unknown key \"" + key + "\" (allowed: name, reference, diffIds)");
            }
        }
        if (!(map.get("name") instanceof String name) || name.isBlank()) {
            throw invalid(where, "has no name");
        }
        Object ref = map.get("reference");
        if (ref != null && !(ref instanceof String)) {
            throw invalid(where, "has a reference that is not a string");
        }
        List<Digest> ids = new ArrayList<>();
        Object raw = map.get("diffIds");
        if (raw != null) {
            if (!(raw instanceof List<?> values) || values.isEmpty()) {
                throw invalid(where, "has diffIds that are not a non-empty list");
            }
            for (Object v : values) {
                try {
                    ids.add(Digest.parse(String.valueOf(v)));
                } catch (IllegalArgumentException e) {
                    throw invalid(where, e.getMessage());
                }
            }
        }
        if (ids.isEmpty() && ref == null) {
            throw invalid(where, "(" + name + ") needs diffIds or a reference");
        }
        return new GoldenBase(name, (String) ref, ids);
    }

    /**
     * Which approved base {@code chain} (an image's diffIDs, lowest first) starts with.
     *
     * @throws IllegalStateException when an entry was never resolved to diffIDs
     */
    public BaseDetection detect(List<Digest> chain) {
        if (bases.isEmpty()) {
            return new BaseDetection.NotConfigured();
        }
        GoldenBase best = null;
        for (GoldenBase b : bases) {
            if (!b.resolved()) {
                throw new IllegalStateException("golden base " + b.name() + " (" + b.reference()
                        + ") was not resolved to diffIDs");
            }
            boolean prefix = b.diffIds().size() <= chain.size()
                    && chain.subList(0, b.diffIds().size()).equals(b.diffIds());
            if (prefix && (best == null || b.diffIds().size() > best.diffIds().size())) {
                best = b;
            }
        }
        return best == null ? new BaseDetection.Unapproved(bases.size())
                : new BaseDetection.Approved(best.name(), best.reference(), best.diffIds().size());
    }

    private static BulwarkException invalid(String where, String problem) {
        return new BulwarkException(ErrorKind.INVALID_INPUT, "golden base image list " + where + " " + problem);
    }
}
