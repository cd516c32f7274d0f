package dev.bulwark.engine.advisory.cvss;

import dev.bulwark.engine.finding.Severity;
import java.util.Optional;

/**
 * A parsed, valid CVSS vector of one version, with its scores computed as the FIRST specification of that version
 * defines them. Instances are immutable and cheap; {@link #parse} is the way in.
 */
public sealed interface CvssVector permits Cvss2Vector, Cvss3Vector, Cvss4Vector {

    /** Vectors longer than this are rejected before any parsing: the longest valid v4.0 vector is about 200. */
    int MAX_LENGTH = 512;

    /**
     * Parses a vector string of any supported version: {@code CVSS:3.0/}, {@code CVSS:3.1/} or {@code CVSS:4.0/}
     * prefixed, or else a v2 vector, which has no prefix ({@code AV:N/AC:L/Au:N/C:P/I:P/A:P}). Surrounding whitespace is ignored;
     * anything else not in the specification (unknown or repeated metrics, missing base metrics, undefined values,
     * empty segments) is rejected.
     *
     * @throws CvssParseException if {@code text} is null, too long or not a valid vector; never anything else
     */
    static CvssVector parse(String text) {
        if (text == null) {
            throw new CvssParseException(null, "no vector given");
        }
        if (text.length() > MAX_LENGTH) {
            throw new CvssParseException(text, text.length() + " characters, over the limit of " + MAX_LENGTH);
        }
        String vector = text.strip();
        if (vector.startsWith("CVSS:")) {
            for (CvssVersion version : CvssVersion.values()) {
                if (version != CvssVersion.V2_0 && vector.startsWith(version.prefix())) {
                    return version == CvssVersion.V4_0 ? Cvss4Vector.parseBody(vector) : Cvss3Vector.parseBody(vector, version);
                }
            }
            throw new CvssParseException(text, "unsupported CVSS version prefix (expected CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/)");
        }
        // v2 vectors have no prefix; anything without a CVSS: prefix is read as v2, whose grammar says what is wrong
        return Cvss2Vector.parseBody(vector);
    }

    /** Like {@link #parse}, but empty instead of an exception, for callers that count invalid vectors themselves. */
    static Optional<CvssVector> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (CvssParseException e) {
            return Optional.empty();
        }
    }

    CvssVersion version();

    /** The vector in canonical form: the version's prefix, then the metrics given, in the specification's order. */
    String vector();

    /** The base score, from the base metrics alone (for v4.0: CVSS-B, the score ignoring threat and environment). */
    double baseScore();

    /**
     * The score of all metrics given: for v2 and v3.x the environmental score if any environmental metric is defined,
     * else the temporal score if any temporal metric is, else the base score; for v4.0 the one CVSS-B/BT/BE/BTE score.
     */
    double score();

    /** The qualitative rating of {@link #score()} on this version's scale. */
    CvssRating rating();

    /** The finding severity of {@link #rating()}. */
    default Severity severity() {
        return rating().toSeverity();
    }

    /** The value given for {@code metric} (e.g. {@code "AV"} gives {@code "N"}), or empty if absent or unknown. */
    Optional<String> metric(String metric);
}
