package dev.bulwark.engine.advisory.store;

import dev.bulwark.engine.inventory.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts warnings by code and keeps the first few messages of each code, so a flood of one kind stays small. */
final class ImportWarnings {
    static final int EXAMPLES_PER_CODE = 3;
    static final int MAX_EXAMPLES = 100;
    private final Map<String, Long> counts = new TreeMap<>();
    private final List<Warning> examples = new ArrayList<>();

    void add(String code, String message) {
        long n = counts.merge(code, 1L, Long::sum);
        if (n <= EXAMPLES_PER_CODE && examples.size() < MAX_EXAMPLES) {
            String line = message.length() > 300 ? message.substring(0, 300) + "..." : message;
            examples.add(new Warning(code, line.replace('\n', ' ')));
        }
    }

    Map<String, Long> counts() {
        return counts;
    }

    List<Warning> examples() {
        return examples;
    }
}
