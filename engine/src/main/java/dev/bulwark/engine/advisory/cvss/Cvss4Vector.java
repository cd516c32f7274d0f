package dev.bulwark.engine.advisory.cvss;

import java.util.Optional;

/**
 * A CVSS v4.0 vector: eleven mandatory base metrics, optional threat, environmental and supplemental metrics, and the
 * one score the specification defines for whichever of them are given (CVSS-B, -BT, -BE or -BTE). Supplemental
 * metrics are kept but, as the specification says, do not change the score.
 */
public final class Cvss4Vector implements CvssVector {
    private static final MetricGrammar GRAMMAR = new MetricGrammar("CVSS v4.0", 11,
            "AV", "N,A,L,P", "AC", "L,H", "AT", "N,P", "PR", "N,L,H", "UI", "N,P,A",
            "VC", "H,L,N", "VI", "H,L,N", "VA", "H,L,N", "SC", "H,L,N", "SI", "H,L,N", "SA", "H,L,N",
            "E", "X,A,P,U",
            "CR", "X,H,M,L", "IR", "X,H,M,L", "AR", "X,H,M,L",
            "MAV", "X,N,A,L,P", "MAC", "X,L,H", "MAT", "X,N,P", "MPR", "X,N,L,H", "MUI", "X,N,P,A",
            "MVC", "X,H,L,N", "MVI", "X,H,L,N", "MVA", "X,H,L,N", "MSC", "X,H,L,N", "MSI", "X,S,H,L,N", "MSA", "X,S,H,L,N",
            "S", "X,N,P", "AU", "X,N,Y", "R", "X,A,U,I", "V", "X,D,C", "RE", "X,L,M,H", "U", "X,Clear,Green,Amber,Red");
    private static final int BASE_COUNT = 11, E = 11, CR = 12, MODIFIED = 15, MSA = 25;

    private final String[] metrics;
    private final double score;

    private Cvss4Vector(String[] metrics) {
        this.metrics = metrics;
        this.score = Cvss4Scoring.score(effective(false));
    }

    static Cvss4Vector parseBody(String vector) {
        return new Cvss4Vector(GRAMMAR.parse(vector, CvssVersion.V4_0.prefix().length()));
    }

    /**
     * The values the algorithm scores, in {@link Cvss4Scoring}'s order: a modified metric replaces its base metric,
     * and undefined exploit maturity and security requirements take their worst case (E:A, CR/IR/AR:H).
     */
    private String[] effective(boolean baseOnly) {
        String[] m = new String[Cvss4Scoring.COUNT];
        for (int i = 0; i < BASE_COUNT; i++) {
            String modified = baseOnly ? "X" : get(MODIFIED + i);
            m[i] = modified.equals("X") ? metrics[i] : modified;
        }
        String exploit = baseOnly ? "X" : get(E);
        m[Cvss4Scoring.E] = exploit.equals("X") ? "A" : exploit;
        for (int i = 0; i < 3; i++) {
            String requirement = baseOnly ? "X" : get(CR + i);
            m[Cvss4Scoring.CR + i] = requirement.equals("X") ? "H" : requirement;
        }
        return m;
    }

    /** Which groups the score covers: {@code CVSS-B}, {@code CVSS-BT}, {@code CVSS-BE} or {@code CVSS-BTE}. */
    public String nomenclature() {
        boolean threat = !get(E).equals("X");
        boolean environmental = false;
        for (int i = CR; i <= MSA; i++) {
            environmental |= !get(i).equals("X");
        }
        return "CVSS-B" + (threat ? "T" : "") + (environmental ? "E" : "");
    }

    @Override
    public CvssVersion version() {
        return CvssVersion.V4_0;
    }

    @Override
    public String vector() {
        return GRAMMAR.format(CvssVersion.V4_0.prefix(), metrics);
    }

    /** Computed on each call: most callers want only {@link #score()}. */
    @Override
    public double baseScore() {
        return Cvss4Scoring.score(effective(true));
    }

    @Override
    public double score() {
        return score;
    }

    @Override
    public CvssRating rating() {
        return CvssRating.ofScore(score);
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
        return metrics[metric] == null ? "X" : metrics[metric];
    }
}
