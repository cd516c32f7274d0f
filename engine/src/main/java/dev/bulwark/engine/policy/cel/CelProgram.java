package dev.bulwark.engine.policy.cel;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A compiled CEL expression: parse once, evaluate many times over different variables. Variables are plain Java
 * values: maps, lists, strings, numbers (any integral type is a CEL {@code int}), booleans, null, Instant
 * (timestamp) and Duration. Thread-safe: each evaluation has its own budget.
 */
public final class CelProgram {
    private final String source;
    private final Expr root;
    private final CelLimits limits;
    private final Map<Expr, Pattern> regexes;

    private CelProgram(String source, Expr root, CelLimits limits, Map<Expr, Pattern> regexes) {
        this.source = source;
        this.root = root;
        this.limits = limits;
        this.regexes = regexes;
    }

    /** Compiles with the default limits. */
    public static CelProgram compile(String source) {
        return compile(source, CelLimits.DEFAULT);
    }

    /**
     * Parses {@code source} and compiles its constant regular expressions.
     *
     * @throws CelException naming line, column and the problem
     */
    public static CelProgram compile(String source, CelLimits limits) {
        Expr root = CelParser.parse(source, limits);
        Map<Expr, Pattern> regexes = new IdentityHashMap<>();
        collectRegexes(source, List.of(root), regexes);
        return new CelProgram(source, root, limits, Map.copyOf(regexes));
    }

    /** Finds {@code matches} calls with a literal pattern, iteratively: the tree may be deep. */
    private static void collectRegexes(String source, List<Expr> start, Map<Expr, Pattern> out) {
        java.util.ArrayDeque<Expr> work = new java.util.ArrayDeque<>(start);
        while (!work.isEmpty()) {
            Expr e = work.pop();
            switch (e) {
                case Expr.Call c -> {
                    Expr pattern = c.target() != null && c.args().size() == 1 ? c.args().get(0)
                            : c.target() == null && c.args().size() == 2 ? c.args().get(1) : null;
                    if ("matches".equals(c.function()) && pattern instanceof Expr.Literal l
                            && l.value() instanceof String re) {
                        try {
                            out.put(c, SafeRegex.compile(re));
                        } catch (EvalError err) {
                            throw CelException.at(source, l.pos(), err.getMessage());
                        }
                    }
                    if (c.target() != null) {
                        work.push(c.target());
                    }
                    c.args().forEach(work::push);
                }
                case Expr.Select s -> work.push(s.operand());
                case Expr.Index x -> {
                    work.push(x.operand());
                    work.push(x.index());
                }
                case Expr.Operator o -> {
                    work.push(o.left());
                    if (o.right() != null) {
                        work.push(o.right());
                    }
                }
                case Expr.Logical l -> {
                    work.push(l.left());
                    work.push(l.right());
                }
                case Expr.Conditional c -> {
                    work.push(c.condition());
                    work.push(c.then());
                    work.push(c.otherwise());
                }
                case Expr.ListLiteral l -> l.elements().forEach(work::push);
                case Expr.MapLiteral m -> {
                    m.keys().forEach(work::push);
                    m.values().forEach(work::push);
                }
                case Expr.Comprehension c -> {
                    work.push(c.range());
                    work.push(c.body());
                    if (c.filter() != null) {
                        work.push(c.filter());
                    }
                }
                case Expr.Literal l -> {
                }
                case Expr.Ident i -> {
                }
            }
        }
    }

    public String source() {
        return source;
    }

    /**
     * Evaluates over {@code variables}.
     *
     * @return the result: Boolean, Long, CelUint, Double, String, CelBytes, List, Map, Instant, Duration, CelType or
     *     null
     * @throws CelEvaluationException on a CEL error or when a limit is reached, naming line and column
     */
    public Object evaluate(Map<String, ?> variables) {
        Budget budget = new Budget(limits);
        try {
            return new Interpreter(variables, regexes, budget).eval(root);
        } catch (EvalError e) {
            CelException where = CelException.at(source, Math.max(e.pos(), 0), e.getMessage());
            throw new CelEvaluationException(where.getMessage(), e.limit());
        }
    }
}
