package dev.bulwark.engine.advisory.cvss;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Compares our parse and scores of a batch of vectors with the two references' answers, counting agreements and
 * keeping the first disagreements of each kind for the failure message.
 *
 * <p>Each reference has defects against its specification, found by this comparison and checked by hand against the
 * specification text; a disagreement that one of them explains is counted apart ("excused"), never as agreement:
 * <ul>
 *   <li>ae-cvss-calculator, v2: temporal and environmental scores are computed from the unrounded base score, where
 *       the v2 guide (3.2.2, 3.2.3) uses BaseScore and AdjustedTemporal rounded to one decimal.
 *   <li>js-cvss, v2: the "High" security requirement weighs 0.51 instead of the guide's 1.51.
 *   <li>js-cvss, v3: its round-up keeps two decimals whenever x*100000 is a multiple of 1000 (modulus 1000 where the
 *       v3.1 appendix A has 10000), and the environmental score picks the Modified Privileges Required weight by
 *       the base Scope instead of the Modified Scope.
 *   <li>js-cvss, v4: it rounds in floating point, so an x.x5 tie that lands a hair below rounds down; FIRST's
 *       calculator fixed this (RedHatProductSecurity/cvss-v4-calculator#67) to round ties up, as we and
 *       ae-cvss-calculator do. Excused only where ae-cvss-calculator agrees with us and js-cvss is 0.1 lower.
 * </ul>
 */
final class ReferenceComparison {
    private final Map<String, int[]> counts = new TreeMap<>();
    private final Map<String, List<String>> disagreements = new TreeMap<>();
    private int vectors;

    static ReferenceComparison of(List<String> vectors, List<JsonNode> references) {
        ReferenceComparison comparison = new ReferenceComparison();
        for (int i = 0; i < vectors.size(); i++) {
            comparison.compare(vectors.get(i), references.get(i));
        }
        return comparison;
    }

    private void compare(String text, JsonNode ref) {
        vectors++;
        JsonNode ae = ref.get("ae");
        JsonNode pj = ref.get("pj");
        CvssVector ours;
        try {
            ours = CvssVector.parse(text);
        } catch (CvssParseException e) {
            check("parse", "ae", text, "rejected: " + e.reason(), ae.isNull() || ae.has("error") ? null : ae.toString());
            check("parse", "pj", text, "rejected: " + e.reason(), pj.has("error") ? null : pj.toString());
            return;
        }
        check("parse", "pj", text, null, pj.has("error") ? "rejected: " + pj.get("error").asText() : null);
        if (ae.isNull() || ae.has("error")) {
            check("parse", "ae", text, null, "rejected: " + ae);
            return;
        }
        switch (ours) {
            case Cvss4Vector v4 -> {
                check("v4 score", "ae", text, v4.score(), ae.get("overall").asDouble());
                check("v4 CVSS-B score", "ae", text, v4.baseScore(), ae.get("baseMetricsOnly").asDouble());
                if (pj.has("score")) {
                    double theirs = pj.get("score").asDouble();
                    boolean tie = Math.abs(v4.score() - theirs - 0.1) < 1e-9
                            && Math.abs(v4.score() - ae.get("overall").asDouble()) < 1e-9;
                    check("v4 score", "pj", text, v4.score(), theirs, tie ? "js-cvss rounds an x.x5 tie down" : null);
                }
            }
            case Cvss3Vector v3 -> {
                check("v3 base", "ae", text, v3.baseScore(), ae.get("base").asDouble());
                check("v3 score", "ae", text, v3.score(), ae.get("overall").asDouble());
                if (pj.has("base")) {
                    check("v3 base", "pj", text, v3.baseScore(), pj.get("base").asDouble());
                    double temporal = pj.get("temporal").asDouble();
                    double env = pj.get("environmental").asDouble();
                    check("v3 temporal", "pj", text, v3.temporalScore(), temporal, twoDecimals(temporal));
                    String scopeDefect = v3.metric("MS").filter(ms -> !ms.equals("X") && !ms.equals(v3.metric("S").orElseThrow()))
                            .map(ms -> "js-cvss weighs MPR by S, not MS").orElse(null);
                    check("v3 environmental", "pj", text, v3.environmentalScore(), env,
                            twoDecimals(env) != null ? twoDecimals(env) : scopeDefect);
                }
            }
            case Cvss2Vector v2 -> {
                check("v2 base", "ae", text, v2.baseScore(), ae.get("base").asDouble());
                boolean beyondBase = ae.has("temporal") || ae.has("environmental");
                double aeOverall = ae.get("overall").asDouble();
                // unrounded intermediates move the result by at most one tenth
                boolean roundingGap = beyondBase && Math.abs(v2.score() - aeOverall) < 0.1 + 1e-9;
                check("v2 score", "ae", text, v2.score(), aeOverall,
                        roundingGap ? "ae-cvss-calculator does not round v2 intermediate scores" : null);
                if (pj.has("base")) {
                    check("v2 base", "pj", text, v2.baseScore(), pj.get("base").asDouble());
                    check("v2 temporal", "pj", text, v2.temporalScore(), pj.get("temporal").asDouble());
                    boolean high = Stream.of("CR", "IR", "AR").anyMatch(m -> v2.metric(m).orElse("ND").equals("H"));
                    check("v2 environmental", "pj", text, v2.environmentalScore(), pj.get("environmental").asDouble(),
                            high ? "js-cvss weighs requirement H as 0.51" : null);
                }
            }
        }
    }

    private static String twoDecimals(double score) {
        return Math.abs(score * 10 - Math.rint(score * 10)) > 1e-6 ? "js-cvss round-up kept two decimals" : null;
    }

    private void check(String aspect, String reference, String vector, Object ours, Object theirs) {
        check(aspect, reference, vector, ours, theirs, null);
    }

    private void check(String aspect, String reference, String vector, Object ours, Object theirs, String excuse) {
        boolean same = ours == null ? theirs == null
                : ours instanceof Double d && theirs instanceof Double t ? Math.abs(d - t) < 0.05 : ours.equals(theirs);
        if (!same && excuse != null) {
            counts.computeIfAbsent(aspect + " vs " + reference + " (excused: " + excuse + ")", k -> new int[2])[1]++;
            return;
        }
        int[] count = counts.computeIfAbsent(aspect + " vs " + reference, k -> new int[2]);
        count[same ? 0 : 1]++;
        List<String> examples = disagreements.computeIfAbsent(aspect + " vs " + reference, k -> new ArrayList<>());
        if (!same && examples.size() < 25) {
            examples.add(aspect + " vs " + reference + ": " + vector + " ours=" + ours + " theirs=" + theirs);
        }
    }

    int vectors() {
        return vectors;
    }

    /** Unexcused disagreements with {@code reference} ("ae" or "pj") in aspects starting with {@code aspectPrefix}. */
    int disagreements(String aspectPrefix, String reference) {
        int total = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            if (e.getKey().startsWith(aspectPrefix) && e.getKey().endsWith(" vs " + reference)) {
                total += e.getValue()[1];
            }
        }
        return total;
    }

    int agreements(String aspect) {
        int[] count = counts.get(aspect);
        return count == null ? 0 : count[0];
    }

    /** One line per aspect: agreed / compared, then the first disagreements. */
    String report() {
        StringBuilder out = new StringBuilder(vectors + " vectors\n");
        counts.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v[0]).append('/').append(v[0] + v[1])
                .append(" agree\n"));
        disagreements.values().forEach(list -> list.forEach(d -> out.append("  DISAGREE ").append(d).append('\n')));
        return out.toString();
    }
}
