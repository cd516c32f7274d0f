package dev.bulwark.engine.advisory.cvss;

import dev.bulwark.engine.finding.Severity;

/**
 * The qualitative severity rating scale of CVSS v3.x and v4.0 (None 0.0, Low 0.1-3.9, Medium 4.0-6.9, High 7.0-8.9,
 * Critical 9.0-10.0). CVSS v2 defines only Low 0.0-3.9, Medium 4.0-6.9 and High 7.0-10.0 (the NVD ranges).
 */
public enum CvssRating {
    NONE, LOW, MEDIUM, HIGH, CRITICAL;

    /** The v3.x/v4.0 rating of a score between 0.0 and 10.0. */
    public static CvssRating ofScore(double score) {
        if (score <= 0.0) {
            return NONE;
        }
        if (score < 4.0) {
            return LOW;
        }
        if (score < 7.0) {
            return MEDIUM;
        }
        return score < 9.0 ? HIGH : CRITICAL;
    }

    /** The v2 rating of a score between 0.0 and 10.0: v2 has neither None nor Critical. */
    public static CvssRating ofV2Score(double score) {
        if (score < 4.0) {
            return LOW;
        }
        return score < 7.0 ? MEDIUM : HIGH;
    }

    /**
     * The finding severity of this rating. None maps to {@link Severity#NEGLIGIBLE}: a scored vector that says
     * "no impact" is known to be harmless, which is not the same as an unknown severity.
     */
    public Severity toSeverity() {
        return switch (this) {
            case NONE -> Severity.NEGLIGIBLE;
            case LOW -> Severity.LOW;
            case MEDIUM -> Severity.MEDIUM;
            case HIGH -> Severity.HIGH;
            case CRITICAL -> Severity.CRITICAL;
        };
    }
}
