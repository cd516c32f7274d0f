package dev.bulwark.engine.ecosystem.npm;

/** The regular grammar of node-semver 7 versions, partial versions (x-ranges) and comparators, as Java regexes. */
final class NpmGrammar {
    private NpmGrammar() {
    }

    static final String NUM = "0|[1-9]\\d*";
    static final String NUM_LOOSE = "\\d+";
    static final String NON_NUM = "\\d*[a-zA-Z-][a-zA-Z0-9-]*";
    static final String PRE_ID = "(?:" + NUM + "|" + NON_NUM + ")";
    static final String PRE_ID_LOOSE = "(?:" + NUM_LOOSE + "|" + NON_NUM + ")";
    static final String PRERELEASE = "(?:-(" + PRE_ID + "(?:\\." + PRE_ID + ")*))";
    static final String PRERELEASE_LOOSE = "(?:-?(" + PRE_ID_LOOSE + "(?:\\." + PRE_ID_LOOSE + ")*))";
    static final String BUILD_ID = "[a-zA-Z0-9-]+";
    static final String BUILD = "(?:\\+(" + BUILD_ID + "(?:\\." + BUILD_ID + ")*))";
    /** Groups: major, minor, patch, prerelease, build. */
    static final String FULLPLAIN = "v?(" + NUM + ")\\.(" + NUM + ")\\.(" + NUM + ")" + PRERELEASE + "?" + BUILD + "?";
    static final String LOOSEPLAIN = "[v=\\s]*(" + NUM_LOOSE + ")\\.(" + NUM_LOOSE + ")\\.(" + NUM_LOOSE + ")"
            + PRERELEASE_LOOSE + "?" + BUILD + "?";
    static final String GTLT = "((?:<|>)?=?)";
    static final String XID = NUM + "|x|X|\\*";
    static final String XID_LOOSE = NUM_LOOSE + "|x|X|\\*";
    /** Groups: major, minor, patch, prerelease, build. */
    static final String XRANGEPLAIN = "[v=\\s]*(" + XID + ")(?:\\.(" + XID + ")(?:\\.(" + XID + ")(?:" + PRERELEASE
            + ")?" + BUILD + "?)?)?";
    static final String XRANGEPLAIN_LOOSE = "[v=\\s]*(" + XID_LOOSE + ")(?:\\.(" + XID_LOOSE + ")(?:\\.(" + XID_LOOSE
            + ")(?:" + PRERELEASE_LOOSE + ")?" + BUILD + "?)?)?";

    static String xrangePlain(boolean loose) {
        return loose ? XRANGEPLAIN_LOOSE : XRANGEPLAIN;
    }

    static String plain(boolean loose) {
        return loose ? LOOSEPLAIN : FULLPLAIN;
    }
}
