package dev.bulwark.engine.advisory.cvss;

import java.util.Optional;

/**
 * A CVSS v3.0 or v3.1 vector, scored with the equations of the version's specification (section 7 of each). The two
 * versions differ only in the modified impact for a changed modified scope; both use the exact "round up to one
 * decimal" that v3.1 spells out in integer arithmetic, so 3.0 scores carry no floating-point artefacts.
 */
public final class Cvss3Vector implements CvssVector {
    private static final MetricGrammar GRAMMAR = new MetricGrammar("CVSS v3", 8,
            "AV", "N,A,L,P", "AC", "L,H", "PR", "N,L,H", "UI", "N,R", "S", "U,C", "C", "H,L,N", "I", "H,L,N", "A", "H,L,N",
            "E", "X,H,F,P,U", "RL", "X,U,W,T,O", "RC", "X,C,R,U",
            "CR", "X,H,M,L", "IR", "X,H,M,L", "AR", "X,H,M,L",
            "MAV", "X,N,A,L,P", "MAC", "X,L,H", "MPR", "X,N,L,H", "MUI", "X,N,R", "MS", "X,U,C",
            "MC", "X,H,L,N", "MI", "X,H,L,N", "MA", "X,H,L,N");
    private static final int AV = 0, AC = 1, PR = 2, UI = 3, S = 4, C = 5, I = 6, A = 7, E = 8, RL = 9, RC = 10;
    private static final int CR = 11, IR = 12, AR = 13, MODIFIED = 14, MA = 21;

    private final CvssVersion version;
    private final String[] metrics;
    private final double base;
    private final double temporal;
    private final double environmental;

    private Cvss3Vector(CvssVersion version, String[] metrics) {
        this.version = version;
        this.metrics = metrics;
        double temporalFactor = exploitCodeMaturity(get(E)) * remediationLevel(get(RL)) * reportConfidence(get(RC));
        this.base = score(metrics[S].equals("C"), 1 - (1 - cia(metrics[C])) * (1 - cia(metrics[I])) * (1 - cia(metrics[A])),
                metrics[AV], metrics[AC], metrics[PR], metrics[UI], false);
        this.temporal = roundUp(base * temporalFactor);
        boolean modifiedChanged = modified(S).equals("C");
        double modifiedIss = Math.min(1 - (1 - requirement(get(CR)) * cia(modified(C)))
                * (1 - requirement(get(IR)) * cia(modified(I))) * (1 - requirement(get(AR)) * cia(modified(A))), 0.915);
        double modifiedBase = score(modifiedChanged, modifiedIss, modified(AV), modified(AC), modified(PR), modified(UI), true);
        this.environmental = modifiedBase == 0 ? 0 : roundUp(modifiedBase * temporalFactor);
    }

    static Cvss3Vector parseBody(String vector, CvssVersion version) {
        return new Cvss3Vector(version, GRAMMAR.parse(vector, version.prefix().length()));
    }

    /** The base score equation, or (when {@code modified}) the environmental one before the temporal factor. */
    private double score(boolean changed, double iss, String av, String ac, String pr, String ui, boolean modified) {
        double impact;
        if (!changed) {
            impact = 6.42 * iss;
        } else if (modified && version == CvssVersion.V3_1) {
            impact = 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss * 0.9731 - 0.02, 13);
        } else {
            impact = 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15);
        }
        if (impact <= 0) {
            return 0;
        }
        double exploitability = 8.22 * attackVector(av) * attackComplexity(ac) * privilegesRequired(pr, changed)
                * userInteraction(ui);
        return changed ? roundUp(Math.min(1.08 * (impact + exploitability), 10)) : roundUp(Math.min(impact + exploitability, 10));
    }

    @Override
    public CvssVersion version() {
        return version;
    }

    @Override
    public String vector() {
        return GRAMMAR.format(version.prefix(), metrics);
    }

    @Override
    public double baseScore() {
        return base;
    }

    /** The temporal score; equal to the base score when no temporal metric is defined. */
    public double temporalScore() {
        return temporal;
    }

    /** The environmental score, with undefined environmental metrics taken from the base metrics. */
    public double environmentalScore() {
        return environmental;
    }

    @Override
    public double score() {
        if (defined(CR, MA)) {
            return environmental;
        }
        return defined(E, RC) ? temporal : base;
    }

    @Override
    public CvssRating rating() {
        return CvssRating.ofScore(score());
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

    /**
     * The smallest number with one decimal that is at least {@code value}, computed on integers (CVSS v3.1 appendix
     * A) so that, say, 4.000000000000001 is 4.0 and not 4.1.
     */
    static double roundUp(double value) {
        long scaled = Math.round(value * 100_000);
        if (scaled % 10_000 == 0) {
            return scaled / 100_000.0;
        }
        return (Math.floorDiv(scaled, 10_000) + 1) / 10.0;
    }

    private String get(int metric) {
        return metrics[metric] == null ? "X" : metrics[metric];
    }

    /** The modified metric standing for base metric {@code metric}, or the base value where it is not defined. */
    private String modified(int metric) {
        String value = get(MODIFIED + metric);
        return value.equals("X") ? metrics[metric] : value;
    }

    private boolean defined(int from, int to) {
        for (int m = from; m <= to; m++) {
            if (!get(m).equals("X")) {
                return true;
            }
        }
        return false;
    }

    private static double attackVector(String v) {
        return switch (v) {
            case "N" -> 0.85;
            case "A" -> 0.62;
            case "L" -> 0.55;
            default -> 0.2;
        };
    }

    private static double attackComplexity(String v) {
        return v.equals("L") ? 0.77 : 0.44;
    }

    private static double privilegesRequired(String v, boolean scopeChanged) {
        return switch (v) {
            case "N" -> 0.85;
            case "L" -> scopeChanged ? 0.68 : 0.62;
            default -> scopeChanged ? 0.5 : 0.27;
        };
    }

    private static double userInteraction(String v) {
        return v.equals("N") ? 0.85 : 0.62;
    }

    private static double cia(String v) {
        return switch (v) {
            case "H" -> 0.56;
            case "L" -> 0.22;
            default -> 0.0;
        };
    }

    private static double exploitCodeMaturity(String v) {
        return switch (v) {
            case "F" -> 0.97;
            case "P" -> 0.94;
            case "U" -> 0.91;
            default -> 1.0;
        };
    }

    private static double remediationLevel(String v) {
        return switch (v) {
            case "W" -> 0.97;
            case "T" -> 0.96;
            case "O" -> 0.95;
            default -> 1.0;
        };
    }

    private static double reportConfidence(String v) {
        return switch (v) {
            case "R" -> 0.96;
            case "U" -> 0.92;
            default -> 1.0;
        };
    }

    private static double requirement(String v) {
        return switch (v) {
            case "H" -> 1.5;
            case "L" -> 0.5;
            default -> 1.0;
        };
    }
}
