package dev.bulwark.engine.advisory.cvss;

import java.util.Optional;

/**
 * A CVSS v2 vector ({@code AV:N/AC:L/Au:N/C:P/I:P/A:P}, optionally with temporal and environmental metrics), scored
 * with the equations of the CVSS v2 guide (section 3.2).
 */
public final class Cvss2Vector implements CvssVector {
    private static final MetricGrammar GRAMMAR = new MetricGrammar("CVSS v2", 6,
            "AV", "L,A,N", "AC", "H,M,L", "Au", "M,S,N", "C", "N,P,C", "I", "N,P,C", "A", "N,P,C",
            "E", "U,POC,F,H,ND", "RL", "OF,TF,W,U,ND", "RC", "UC,UR,C,ND",
            "CDP", "N,L,LM,MH,H,ND", "TD", "N,L,M,H,ND", "CR", "L,M,H,ND", "IR", "L,M,H,ND", "AR", "L,M,H,ND");
    private static final int AV = 0, AC = 1, AU = 2, C = 3, I = 4, A = 5, E = 6, RL = 7, RC = 8;
    private static final int CDP = 9, TD = 10, CR = 11, IR = 12, AR = 13;

    private final String[] metrics;
    private final double base;
    private final double temporal;
    private final double environmental;

    private Cvss2Vector(String[] metrics) {
        this.metrics = metrics;
        double exploitability = 20 * accessVector(metrics[AV]) * accessComplexity(metrics[AC]) * authentication(metrics[AU]);
        double c = impact(metrics[C]), i = impact(metrics[I]), a = impact(metrics[A]);
        double impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a));
        this.base = baseEquation(impact, exploitability);
        double temporalFactor = exploitabilityFactor(get(E)) * remediationLevel(get(RL)) * reportConfidence(get(RC));
        this.temporal = round1(base * temporalFactor);
        double adjustedImpact = Math.min(10, 10.41 * (1 - (1 - c * requirement(get(CR)))
                * (1 - i * requirement(get(IR))) * (1 - a * requirement(get(AR)))));
        double adjustedTemporal = round1(baseEquation(adjustedImpact, exploitability) * temporalFactor);
        this.environmental = round1((adjustedTemporal + (10 - adjustedTemporal) * collateralDamage(get(CDP)))
                * targetDistribution(get(TD)));
    }

    static Cvss2Vector parseBody(String vector) {
        return new Cvss2Vector(GRAMMAR.parse(vector, 0));
    }

    @Override
    public CvssVersion version() {
        return CvssVersion.V2_0;
    }

    @Override
    public String vector() {
        return GRAMMAR.format("", metrics);
    }

    @Override
    public double baseScore() {
        return base;
    }

    /** The temporal score; equal to the base score when no temporal metric is defined. */
    public double temporalScore() {
        return temporal;
    }

    /** The environmental score, with undefined environmental metrics at their "Not Defined" weights. */
    public double environmentalScore() {
        return environmental;
    }

    @Override
    public double score() {
        if (defined(CDP, AR)) {
            return environmental;
        }
        return defined(E, RC) ? temporal : base;
    }

    @Override
    public CvssRating rating() {
        return CvssRating.ofV2Score(score());
    }

    @Override
    public Optional<String> metric(String metric) {
        int index = GRAMMAR.indexOf(metric);
        return index < 0 ? Optional.empty() : Optional.ofNullable(metrics[index]);
    }

    @Override
    public String toString() {
        return vector();
    }

    private String get(int metric) {
        return metrics[metric] == null ? "ND" : metrics[metric];
    }

    private boolean defined(int from, int to) {
        for (int m = from; m <= to; m++) {
            if (!get(m).equals("ND")) {
                return true;
            }
        }
        return false;
    }

    private static double baseEquation(double impact, double exploitability) {
        double fImpact = impact == 0 ? 0 : 1.176;
        return round1(((0.6 * impact) + (0.4 * exploitability) - 1.5) * fImpact);
    }

    static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double accessVector(String v) {
        return switch (v) {
            case "L" -> 0.395;
            case "A" -> 0.646;
            default -> 1.0;
        };
    }

    private static double accessComplexity(String v) {
        return switch (v) {
            case "H" -> 0.35;
            case "M" -> 0.61;
            default -> 0.71;
        };
    }

    private static double authentication(String v) {
        return switch (v) {
            case "M" -> 0.45;
            case "S" -> 0.56;
            default -> 0.704;
        };
    }

    private static double impact(String v) {
        return switch (v) {
            case "N" -> 0.0;
            case "P" -> 0.275;
            default -> 0.660;
        };
    }

    private static double exploitabilityFactor(String v) {
        return switch (v) {
            case "U" -> 0.85;
            case "POC" -> 0.9;
            case "F" -> 0.95;
            default -> 1.0;
        };
    }

    private static double remediationLevel(String v) {
        return switch (v) {
            case "OF" -> 0.87;
            case "TF" -> 0.90;
            case "W" -> 0.95;
            default -> 1.0;
        };
    }

    private static double reportConfidence(String v) {
        return switch (v) {
            case "UC" -> 0.90;
            case "UR" -> 0.95;
            default -> 1.0;
        };
    }

    private static double collateralDamage(String v) {
        return switch (v) {
            case "L" -> 0.1;
            case "LM" -> 0.3;
            case "MH" -> 0.4;
            case "H" -> 0.5;
            default -> 0.0;
        };
    }

    private static double targetDistribution(String v) {
        return switch (v) {
            case "N" -> 0.0;
            case "L" -> 0.25;
            case "M" -> 0.75;
            default -> 1.0;
        };
    }

    private static double requirement(String v) {
        return switch (v) {
            case "L" -> 0.5;
            case "H" -> 1.51;
            default -> 1.0;
        };
    }
}
