package dev.bulwark.engine.advisory;

/** A FIRST EPSS score: the probability of exploitation in the next 30 days and its percentile, both in [0, 1]. */
public record EpssScore(String cveId, double epss, double percentile) {
    public EpssScore {
        if (!Advisory.isValidId(cveId) || !cveId.startsWith("CVE-")) {
            throw new IllegalArgumentException("invalid CVE id '" + Advisory.abbreviate(cveId) + "'");
        }
        if (!(epss >= 0 && epss <= 1) || !(percentile >= 0 && percentile <= 1)) {
            throw new IllegalArgumentException("EPSS values out of [0, 1]: " + epss + ", " + percentile);
        }
    }
}
