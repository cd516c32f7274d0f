package dev.bulwark.engine.advisory.cvss;

import java.util.ArrayList;
import java.util.List;

/**
 * The metrics one CVSS version defines, in the specification's order, and a strict parser for the
 * {@code NAME:VALUE/NAME:VALUE} body of a vector. The first {@code mandatory} metrics (the base group) must all be
 * present; the rest are optional. Every metric may appear at most once and only with a value the version defines.
 *
 * <p>Order is not enforced: real advisories (GitHub's, among others) publish vectors with metrics out of the
 * specification's order, and the order carries no meaning; the canonical form is written back in order.
 */
final class MetricGrammar {
    private final String label;
    private final String[] names;
    private final String[][] values;
    private final int mandatory;

    /** {@code metrics} alternates a name and its values joined by commas: {@code "AV", "N,A,L,P", ...}. */
    MetricGrammar(String label, int mandatory, String... metrics) {
        if (metrics.length % 2 != 0 || mandatory > metrics.length / 2) {
            throw new IllegalArgumentException("metric table of " + label + " is malformed");
        }
        this.label = label;
        this.mandatory = mandatory;
        this.names = new String[metrics.length / 2];
        this.values = new String[names.length][];
        for (int i = 0; i < names.length; i++) {
            names[i] = metrics[2 * i];
            values[i] = metrics[2 * i + 1].split(",");
        }
    }

    int size() {
        return names.length;
    }

    String name(int metric) {
        return names[metric];
    }

    /** The index of the metric named {@code name}, or -1. */
    int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Parses {@code vector} from {@code start} to its end. Returns, per metric index, the value as the grammar's own
     * interned string (so callers may switch on it), or null where the metric is absent.
     */
    String[] parse(String vector, int start) {
        String[] parsed = new String[names.length];
        int pos = start;
        int end = vector.length();
        if (pos >= end) {
            throw fail(vector, "no metrics");
        }
        while (pos <= end) {
            int slash = vector.indexOf('/', pos);
            int segmentEnd = slash < 0 ? end : slash;
            readMetric(vector, pos, segmentEnd, parsed);
            if (slash < 0) {
                break;
            }
            pos = slash + 1;
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < mandatory; i++) {
            if (parsed[i] == null) {
                missing.add(names[i]);
            }
        }
        if (!missing.isEmpty()) {
            throw fail(vector, "missing mandatory metric" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        return parsed;
    }

    private void readMetric(String vector, int from, int to, String[] parsed) {
        if (from == to) {
            throw fail(vector, "empty metric at offset " + from);
        }
        int colon = vector.indexOf(':', from);
        if (colon < 0 || colon >= to) {
            throw fail(vector, "metric " + CvssParseException.quote(vector.substring(from, to)) + " has no ':'");
        }
        int metric = find(vector, from, colon);
        if (metric < 0) {
            throw fail(vector, "unknown metric " + CvssParseException.quote(vector.substring(from, colon)));
        }
        if (parsed[metric] != null) {
            throw fail(vector, "metric " + names[metric] + " appears more than once");
        }
        String value = null;
        for (String allowed : values[metric]) {
            if (allowed.length() == to - colon - 1 && vector.startsWith(allowed, colon + 1)) {
                value = allowed;
                break;
            }
        }
        if (value == null) {
            throw fail(vector, "invalid value " + CvssParseException.quote(vector.substring(colon + 1, to))
                    + " for metric " + names[metric] + " (allowed: " + String.join(", ", values[metric]) + ")");
        }
        parsed[metric] = value;
    }

    private int find(String vector, int from, int to) {
        int length = to - from;
        for (int i = 0; i < names.length; i++) {
            if (names[i].length() == length && vector.startsWith(names[i], from)) {
                return i;
            }
        }
        return -1;
    }

    /** The vector in canonical form: prefix, then every present metric in specification order. */
    String format(String prefix, String[] parsed) {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < names.length; i++) {
            if (parsed[i] != null) {
                if (out.length() > prefix.length()) {
                    out.append('/');
                }
                out.append(names[i]).append(':').append(parsed[i]);
            }
        }
        return out.toString();
    }

    private CvssParseException fail(String vector, String reason) {
        return new CvssParseException(vector, label + ": " + reason);
    }
}
