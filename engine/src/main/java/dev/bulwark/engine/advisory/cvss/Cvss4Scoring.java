package dev.bulwark.engine.advisory.cvss;

/**
 * The CVSS v4.0 scoring algorithm (specification section 8.2): find the vector's MacroVector, take the table score
 * of its highest-severity vector, and subtract the mean, over the equivalence classes that have a lower MacroVector,
 * of the score gap to that lower MacroVector scaled by how far the vector sits below the highest-severity vector.
 * The result is rounded half up to one decimal, computed exactly (the reference calculator's float version needed
 * a later epsilon fix to round x.x5 ties up).
 */
final class Cvss4Scoring {
    /** Indexes into the effective-value array {@link Cvss4Vector} hands over. */
    static final int AV = 0, AC = 1, AT = 2, PR = 3, UI = 4, VC = 5, VI = 6, VA = 7, SC = 8, SI = 9, SA = 10, E = 11,
            CR = 12, IR = 13, AR = 14, COUNT = 15;

    /** A multiple of every MacroVector depth below, so that distance / depth stays a whole number once scaled. */
    private static final int COMMON_DEPTH = 840;

    /** Highest-severity vectors per EQ level, as values of (AV, PR, UI). */
    private static final String[][][] EQ1_MAX = {
        {{"N", "N", "N"}},
        {{"A", "N", "N"}, {"N", "L", "N"}, {"N", "N", "P"}},
        {{"P", "N", "N"}, {"A", "L", "P"}}};
    /** (AC, AT). */
    private static final String[][][] EQ2_MAX = {{{"L", "N"}}, {{"H", "N"}, {"L", "P"}}};
    /** (VC, VI, VA, CR, IR, AR) by EQ3 then EQ6 level. */
    private static final String[][][][] EQ3_EQ6_MAX = {
        {{{"H", "H", "H", "H", "H", "H"}}, {{"H", "H", "L", "M", "M", "H"}, {"H", "H", "H", "M", "M", "M"}}},
        {{{"L", "H", "H", "H", "H", "H"}, {"H", "L", "H", "H", "H", "H"}},
            {{"L", "H", "L", "H", "M", "H"}, {"L", "H", "H", "H", "M", "M"}, {"H", "L", "H", "M", "H", "M"},
                {"H", "L", "L", "M", "H", "H"}, {"L", "L", "H", "H", "H", "M"}}},
        {{}, {{"L", "L", "L", "H", "H", "H"}}}};
    /** (SC, SI, SA). */
    private static final String[][][] EQ4_MAX = {{{"H", "S", "S"}}, {{"H", "H", "H"}}, {{"L", "L", "L"}}};

    private static final int[][][] EQ1_MAX_LEVELS = levels(EQ1_MAX, AV, PR, UI);
    private static final int[][][] EQ2_MAX_LEVELS = levels(EQ2_MAX, AC, AT);
    private static final int[][][][] EQ3_EQ6_MAX_LEVELS = {
        levels(EQ3_EQ6_MAX[0], VC, VI, VA, CR, IR, AR), levels(EQ3_EQ6_MAX[1], VC, VI, VA, CR, IR, AR),
        levels(EQ3_EQ6_MAX[2], VC, VI, VA, CR, IR, AR)};
    private static final int[][][] EQ4_MAX_LEVELS = levels(EQ4_MAX, SC, SI, SA);

    /** The depth (in severity steps, plus one) of each MacroVector level. */
    private static final int[] EQ1_DEPTH = {1, 4, 5};
    private static final int[] EQ2_DEPTH = {1, 2};
    private static final int[][] EQ3_EQ6_DEPTH = {{7, 6}, {8, 8}, {10, 10}}; // EQ3=2 with EQ6=0 cannot occur
    private static final int[] EQ4_DEPTH = {6, 5, 4};

    private Cvss4Scoring() {
    }

    /** The score of a vector given its effective values (modified metrics applied, X resolved), indexed as above. */
    static double score(String[] m) {
        if (allNone(m, VC, VI, VA, SC, SI, SA)) {
            return 0.0;
        }
        int eq1 = eq1(m), eq2 = eq2(m), eq3 = eq3(m), eq4 = eq4(m), eq5 = eq5(m), eq6 = eq6(m);
        int value = MacroVectorTable.tenths(eq1, eq2, eq3, eq4, eq5, eq6);

        int lowerEq1 = MacroVectorTable.tenths(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
        int lowerEq2 = MacroVectorTable.tenths(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
        int lowerEq3Eq6;
        if (eq3 == 0 && eq6 == 0) {
            // two lower neighbours: the nearer (higher-scoring) one bounds the interpolation
            lowerEq3Eq6 = Math.max(MacroVectorTable.tenths(eq1, eq2, eq3, eq4, eq5, eq6 + 1),
                    MacroVectorTable.tenths(eq1, eq2, eq3 + 1, eq4, eq5, eq6));
        } else if (eq3 == 1 && eq6 == 0) {
            lowerEq3Eq6 = MacroVectorTable.tenths(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
        } else if (eq3 == 2) {
            lowerEq3Eq6 = MacroVectorTable.MISSING;
        } else {
            lowerEq3Eq6 = MacroVectorTable.tenths(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
        }
        int lowerEq4 = MacroVectorTable.tenths(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
        int lowerEq5 = MacroVectorTable.tenths(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

        int[] d = distancesToMax(m, eq1, eq2, eq3, eq4, eq6);
        // Exact rational arithmetic: scores are tenths, distances whole steps, depths divide COMMON_DEPTH. Floating
        // point would put some x.x5 ties a hair below the tie and round them down, which the spec does not intend.
        long scaledSum = 0;
        int lowerCount = 0;
        if (lowerEq1 != MacroVectorTable.MISSING) {
            lowerCount++;
            scaledSum += part(value - lowerEq1, d[AV] + d[PR] + d[UI], EQ1_DEPTH[eq1]);
        }
        if (lowerEq2 != MacroVectorTable.MISSING) {
            lowerCount++;
            scaledSum += part(value - lowerEq2, d[AC] + d[AT], EQ2_DEPTH[eq2]);
        }
        if (lowerEq3Eq6 != MacroVectorTable.MISSING) {
            lowerCount++;
            scaledSum += part(value - lowerEq3Eq6, d[VC] + d[VI] + d[VA] + d[CR] + d[IR] + d[AR], EQ3_EQ6_DEPTH[eq3][eq6]);
        }
        if (lowerEq4 != MacroVectorTable.MISSING) {
            lowerCount++;
            scaledSum += part(value - lowerEq4, d[SC] + d[SI] + d[SA], EQ4_DEPTH[eq4]);
        }
        if (lowerEq5 != MacroVectorTable.MISSING) {
            // EQ5 (exploit maturity) has one value per level, so its distance is always zero; it still counts
            lowerCount++;
        }
        if (lowerCount == 0) {
            return value / 10.0;
        }
        // score in tenths = value - scaledSum / (COMMON_DEPTH * lowerCount), rounded half up, within 0..100
        long denominator = (long) COMMON_DEPTH * lowerCount;
        long numerator = value * denominator - scaledSum;
        long tenths = Math.floorDiv(2 * numerator + denominator, 2 * denominator);
        return Math.max(0, Math.min(100, tenths)) / 10.0;
    }

    /** gap x (distance / depth), scaled by {@link #COMMON_DEPTH} to stay whole. */
    private static long part(int gapTenths, int distance, int depth) {
        return (long) gapTenths * distance * (COMMON_DEPTH / depth);
    }

    /**
     * Per-metric severity distances (in steps) from the first highest-severity vector of the MacroVector that is at
     * least as severe as {@code m} in every metric (the last one tried if none is, as the reference calculator does).
     */
    private static int[] distancesToMax(String[] m, int eq1, int eq2, int eq3, int eq4, int eq6) {
        int[] own = new int[COUNT];
        for (int metric = 0; metric < COUNT; metric++) {
            own[metric] = level(metric, m[metric]);
        }
        int[] d = new int[COUNT];
        for (int[] p1 : EQ1_MAX_LEVELS[eq1]) {
            for (int[] p2 : EQ2_MAX_LEVELS[eq2]) {
                for (int[] p3 : EQ3_EQ6_MAX_LEVELS[eq3][eq6]) {
                    for (int[] p4 : EQ4_MAX_LEVELS[eq4]) {
                        boolean fits = true;
                        for (int[] part : new int[][] {p1, p2, p3, p4}) {
                            for (int i = 0; i < part.length; i += 2) {
                                d[part[i]] = own[part[i]] - part[i + 1];
                                fits &= d[part[i]] >= 0;
                            }
                        }
                        if (fits) {
                            return d;
                        }
                    }
                }
            }
        }
        return d;
    }

    /** Turns value tuples of {@code metrics} into (metric, level) pairs, once, so scoring compares integers. */
    private static int[][] levels(String[][] tuples, int... metrics) {
        int[][] out = new int[tuples.length][];
        for (int t = 0; t < tuples.length; t++) {
            out[t] = new int[metrics.length * 2];
            for (int i = 0; i < metrics.length; i++) {
                out[t][2 * i] = metrics[i];
                out[t][2 * i + 1] = level(metrics[i], tuples[t][i]);
            }
        }
        return out;
    }

    private static int[][][] levels(String[][][] byLevel, int... metrics) {
        int[][][] out = new int[byLevel.length][][];
        for (int l = 0; l < byLevel.length; l++) {
            out[l] = levels(byLevel[l], metrics);
        }
        return out;
    }

    private static boolean allNonNegative(int[] d) {
        for (int x : d) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    /** Severity level of a value in steps, 0 for the most severe. */
    private static int level(int metric, String value) {
        return switch (metric) {
            case AV -> switch (value) {
                case "N" -> 0;
                case "A" -> 1;
                case "L" -> 2;
                default -> 3;
            };
            case PR, UI -> switch (value) {
                case "N" -> 0;
                case "L", "P" -> 1;
                default -> 2;
            };
            case AC -> value.equals("L") ? 0 : 1;
            case AT -> value.equals("N") ? 0 : 1;
            case VC, VI, VA, CR, IR, AR -> switch (value) {
                case "H" -> 0;
                case "L" -> metric >= CR ? 2 : 1;
                case "M" -> 1;
                default -> 2;
            };
            case SC, SI, SA -> switch (value) {
                case "S" -> 0;
                case "H" -> 1;
                case "L" -> 2;
                default -> 3;
            };
            default -> 0;
        };
    }

    private static int eq1(String[] m) {
        boolean av = m[AV].equals("N"), pr = m[PR].equals("N"), ui = m[UI].equals("N");
        if (av && pr && ui) {
            return 0;
        }
        return (av || pr || ui) && !m[AV].equals("P") ? 1 : 2;
    }

    private static int eq2(String[] m) {
        return m[AC].equals("L") && m[AT].equals("N") ? 0 : 1;
    }

    private static int eq3(String[] m) {
        boolean vc = m[VC].equals("H"), vi = m[VI].equals("H");
        if (vc && vi) {
            return 0;
        }
        return vc || vi || m[VA].equals("H") ? 1 : 2;
    }

    private static int eq4(String[] m) {
        if (m[SI].equals("S") || m[SA].equals("S")) {
            return 0;
        }
        return m[SC].equals("H") || m[SI].equals("H") || m[SA].equals("H") ? 1 : 2;
    }

    private static int eq5(String[] m) {
        return switch (m[E]) {
            case "A" -> 0;
            case "P" -> 1;
            default -> 2;
        };
    }

    private static int eq6(String[] m) {
        return (m[CR].equals("H") && m[VC].equals("H")) || (m[IR].equals("H") && m[VI].equals("H"))
                || (m[AR].equals("H") && m[VA].equals("H")) ? 0 : 1;
    }

    private static boolean allNone(String[] m, int... metrics) {
        for (int metric : metrics) {
            if (!m[metric].equals("N")) {
                return false;
            }
        }
        return true;
    }
}
