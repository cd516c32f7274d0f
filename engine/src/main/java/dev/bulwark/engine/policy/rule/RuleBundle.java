package dev.bulwark.engine.policy.rule;

import dev.bulwark.engine.BulwarkException;
import dev.bulwark.engine.ErrorKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A set of compiled rules, loaded from one YAML file or every {@code *.yaml}/{@code *.yml} file of a directory
 * (sorted, not recursive). Rule ids are unique across the bundle.
 */
public record RuleBundle(List<Rule> rules) {

    public RuleBundle {
        rules = List.copyOf(rules);
    }

    public static RuleBundle empty() {
        return new RuleBundle(List.of());
    }

    /**
     * Loads a file or a directory of rule files.
     *
     * @throws BulwarkException INVALID_INPUT naming the file, the rule id and, for CEL errors, line and column
     */
    public static RuleBundle load(Path path) {
        if (!Files.exists(path)) {
            throw new BulwarkException(ErrorKind.NOT_FOUND, "policy file or directory not found: " + path);
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> list = Files.list(path)) {
                list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot list policy directory " + path + ": " + e);
            }
        } else {
            files.add(path);
        }
        List<Rule> rules = new ArrayList<>();
        for (Path file : files) {
            try {
                rules.addAll(RuleFileReader.read(file.toString(), Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new BulwarkException(ErrorKind.LOCAL_IO, "cannot read policy file " + file + ": " + e);
            }
        }
        return of(rules);
    }

    /** Loads rules from bytes, as read from {@code name}. */
    public static RuleBundle parse(String name, byte[] content) {
        return of(RuleFileReader.read(name, content));
    }

    private static RuleBundle of(List<Rule> rules) {
        Map<String, String> seen = new HashMap<>();
        for (Rule r : rules) {
            String previous = seen.putIfAbsent(r.id(), r.source());
            if (previous != null) {
                throw new BulwarkException(ErrorKind.INVALID_INPUT, r.source() + ": rule " + r.id()
                        + ": duplicate rule id (also in " + previous + ")");
            }
        }
        return new RuleBundle(rules);
    }

    public RuleBundle plus(RuleBundle other) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(other.rules);
        return of(all);
    }
}
