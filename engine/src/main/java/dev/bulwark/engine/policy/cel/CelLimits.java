package dev.bulwark.engine.policy.cel;

/**
 * The bounds every compilation and evaluation stays within, so that hostile rules and hostile inputs end with an error
 * instead of a hang or an out-of-memory.
 *
 * @param maxExpressionLength characters of source accepted by the parser
 * @param maxDepth nesting of the syntax tree (parentheses, operators, calls)
 * @param maxCost evaluation steps per evaluation: one per node, plus one per element compared, copied or scanned
 * @param maxStringLength characters of any string an evaluation builds
 * @param maxListLength elements of any list or map an evaluation builds
 */
public record CelLimits(int maxExpressionLength, int maxDepth, long maxCost, int maxStringLength, int maxListLength) {

    /** Limits that no sensible policy reaches: 100k characters, depth 250, a million steps, 1 MiB strings. */
    public static final CelLimits DEFAULT = new CelLimits(100_000, 250, 1_000_000, 1 << 20, 100_000);

    public CelLimits {
        if (maxExpressionLength <= 0 || maxDepth <= 0 || maxCost <= 0 || maxStringLength <= 0 || maxListLength <= 0) {
            throw new IllegalArgumentException("CEL limits must be positive");
        }
    }
}
