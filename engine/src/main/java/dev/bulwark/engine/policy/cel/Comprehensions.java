package dev.bulwark.engine.policy.cel;

import dev.bulwark.engine.policy.cel.Expr.Comprehension;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The macros {@code all exists exists_one map filter} over a list's elements or a map's keys. */
final class Comprehensions {
    private final Interpreter interpreter;
    private final Budget budget;

    Comprehensions(Interpreter interpreter, Budget budget) {
        this.interpreter = interpreter;
        this.budget = budget;
    }

    Object run(Comprehension c) {
        Object range = interpreter.eval(c.range());
        Collection<?> items = switch (range) {
            case List<?> l -> l;
            case Map<?, ?> m -> m.keySet();
            case null, default -> throw EvalError.noOverload(c.macro().name().toLowerCase(java.util.Locale.ROOT),
                    range);
        };
        return switch (c.macro()) {
            case ALL -> quantify(c, items, false);
            case EXISTS -> quantify(c, items, true);
            case EXISTS_ONE -> existsOne(c, items);
            case MAP, FILTER -> collect(c, items);
        };
    }

    /** all (decisive false) and exists (decisive true): a decisive result wins over errors in other elements. */
    private Object quantify(Comprehension c, Collection<?> items, boolean decisive) {
        EvalError first = null;
        for (Object item : items) {
            try {
                Object v = interpreter.withVariable(c.variable(), Values.of(item), c.body());
                if (!(v instanceof Boolean b)) {
                    throw EvalError.noOverload(decisive ? "exists" : "all", v);
                }
                if (b == decisive) {
                    return decisive;
                }
            } catch (EvalError e) {
                if (e.limit()) {
                    throw e;
                }
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return !decisive;
    }

    private Object existsOne(Comprehension c, Collection<?> items) {
        int count = 0;
        for (Object item : items) {
            Object v = interpreter.withVariable(c.variable(), Values.of(item), c.body());
            if (!(v instanceof Boolean b)) {
                throw EvalError.noOverload("exists_one", v);
            }
            if (b) {
                count++;
            }
        }
        return count == 1;
    }

    private Object collect(Comprehension c, Collection<?> items) {
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            Object value = Values.of(item);
            Expr test = c.macro() == Expr.Macro.FILTER ? c.body() : c.filter();
            if (test != null) {
                Object keep = interpreter.withVariable(c.variable(), value, test);
                if (!(keep instanceof Boolean b)) {
                    throw EvalError.noOverload(c.macro() == Expr.Macro.FILTER ? "filter" : "map", keep);
                }
                if (!b) {
                    continue;
                }
            }
            out.add(c.macro() == Expr.Macro.FILTER ? value : interpreter.withVariable(c.variable(), value, c.body()));
            budget.checkSize(out.size());
        }
        return out;
    }
}
