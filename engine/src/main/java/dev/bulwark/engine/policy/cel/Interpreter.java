package dev.bulwark.engine.policy.cel;

import dev.bulwark.engine.policy.cel.Expr.Comprehension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Walks a syntax tree once over one set of variables; every node costs one step of the budget. */
final class Interpreter {
    private static final Set<String> TYPE_NAMES =
            Set.of("int", "uint", "double", "bool", "string", "bytes", "list", "map", "null_type", "type");

    private final Map<String, ?> globals;
    private final boolean dottedGlobals;
    private final Map<Expr, Pattern> regexes;
    private final Budget budget;

    /** Comprehension variables, innermost first. */
    private record Scope(String name, Object value, Scope parent) {
    }

    private Scope scope;

    Interpreter(Map<String, ?> globals, Map<Expr, Pattern> regexes, Budget budget) {
        this.globals = globals;
        this.dottedGlobals = globals.keySet().stream().anyMatch(k -> k.indexOf('.') >= 0);
        this.regexes = regexes;
        this.budget = budget;
    }

    Object eval(Expr e) {
        budget.spend(1);
        try {
            return switch (e) {
                case Expr.Literal l -> l.value();
                case Expr.Ident i -> ident(i.name());
                case Expr.Select s -> select(s);
                case Expr.Index x -> index(eval(x.operand()), eval(x.index()));
                case Expr.Call c -> call(c);
                case Expr.Operator o -> operator(o);
                case Expr.Logical l -> logical(l);
                case Expr.Conditional c -> {
                    Object condition = eval(c.condition());
                    if (!(condition instanceof Boolean b)) {
                        throw EvalError.noOverload("_?_:_", condition);
                    }
                    yield eval(b ? c.then() : c.otherwise());
                }
                case Expr.ListLiteral l -> {
                    List<Object> out = new ArrayList<>(l.elements().size());
                    for (Expr x : l.elements()) {
                        out.add(eval(x));
                    }
                    yield out;
                }
                case Expr.MapLiteral m -> map(m);
                case Comprehension c -> new Comprehensions(this, budget).run(c);
            };
        } catch (EvalError err) {
            throw err.at(e.pos());
        } catch (StackOverflowError err) {
            throw new EvalError("expression too deep to evaluate", true).at(e.pos());
        }
    }

    Object withVariable(String name, Object value, Expr body) {
        Scope saved = scope;
        scope = new Scope(name, value, saved);
        try {
            return eval(body);
        } finally {
            scope = saved;
        }
    }

    private Object ident(String name) {
        for (Scope s = scope; s != null; s = s.parent()) {
            if (s.name().equals(name)) {
                return s.value();
            }
        }
        if (globals.containsKey(name)) {
            return Values.of(globals.get(name));
        }
        if (TYPE_NAMES.contains(name)) {
            return new CelType(name);
        }
        throw new EvalError("undeclared reference to '" + name + "'");
    }

    private Object select(Expr.Select s) {
        if (dottedGlobals && !s.test()) {
            String qualified = qualifiedName(s);
            if (qualified != null && !isScoped(qualified.substring(0, qualified.indexOf('.')))
                    && globals.containsKey(qualified)) {
                return Values.of(globals.get(qualified));
            }
        }
        Object operand = eval(s.operand());
        if (operand instanceof Map<?, ?> m) {
            if (s.test()) {
                return MapKeys.contains(m, s.field());
            }
            return MapKeys.get(m, s.field());
        }
        throw new EvalError((s.test() ? "has() " : "field selection ") + "not supported on "
                + Values.typeName(operand) + " (field '" + s.field() + "')");
    }

    private boolean isScoped(String name) {
        for (Scope sc = scope; sc != null; sc = sc.parent()) {
            if (sc.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String qualifiedName(Expr e) {
        if (e instanceof Expr.Ident i) {
            return i.name();
        }
        if (e instanceof Expr.Select s && !s.test()) {
            String prefix = qualifiedName(s.operand());
            return prefix == null ? null : prefix + "." + s.field();
        }
        return null;
    }

    private Object index(Object operand, Object key) {
        if (operand instanceof List<?> list) {
            long i;
            if (key instanceof Long l) {
                i = l;
            } else if (key instanceof CelUint u) {
                i = u.bits() < 0 ? Long.MAX_VALUE : u.bits();
            } else if (key instanceof Double d && d == Math.rint(d)) {
                i = d.longValue();
            } else {
                throw EvalError.noOverload("_[_]", operand, key);
            }
            if (i < 0 || i >= list.size()) {
                throw new EvalError("index out of bounds: " + i + " (size " + list.size() + ")");
            }
            return Values.of(list.get((int) i));
        }
        if (operand instanceof Map<?, ?> m) {
            if (!(key instanceof String || Values.isNumber(key) || key instanceof Boolean)) {
                throw EvalError.noOverload("_[_]", operand, key);
            }
            return MapKeys.get(m, key);
        }
        throw EvalError.noOverload("_[_]", operand, key);
    }

    private Object call(Expr.Call c) {
        Object target = c.target() == null ? null : eval(c.target());
        List<Object> args = new ArrayList<>(c.args().size());
        for (Expr a : c.args()) {
            args.add(eval(a));
        }
        return Functions.call(c.function(), c.target() == null ? null : target, args, budget, regexes.get(c));
    }

    private Object operator(Expr.Operator o) {
        Object left = eval(o.left());
        if (o.right() == null) {
            if ("!".equals(o.op())) {
                if (left instanceof Boolean b) {
                    return !b;
                }
                throw EvalError.noOverload("!_", left);
            }
            return Arithmetic.negate(left);
        }
        Object right = eval(o.right());
        return switch (o.op()) {
            case "==" -> Values.equal(left, right, budget);
            case "!=" -> !Values.equal(left, right, budget);
            case "<" -> Values.compare(left, right, "_<_") < 0 && !nan(left, right);
            case "<=" -> Values.compare(left, right, "_<=_") <= 0 && !nan(left, right);
            case ">" -> Values.compare(left, right, "_>_") > 0;
            case ">=" -> Values.compare(left, right, "_>=_") >= 0;
            case "in" -> in(left, right);
            default -> Arithmetic.apply(o.op(), left, right, budget);
        };
    }

    private static boolean nan(Object a, Object b) {
        return (a instanceof Double x && x.isNaN()) || (b instanceof Double y && y.isNaN());
    }

    private boolean in(Object element, Object container) {
        if (container instanceof List<?> list) {
            for (Object o : list) {
                if (Values.equal(element, o, budget)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Map<?, ?> m) {
            budget.spend(1);
            return MapKeys.contains(m, element);
        }
        throw EvalError.noOverload("@in", element, container);
    }

    private Object logical(Expr.Logical l) {
        boolean decisive = !l.and();
        EvalError leftError = null;
        Object left = null;
        try {
            left = eval(l.left());
        } catch (EvalError e) {
            if (e.limit()) {
                throw e;
            }
            leftError = e;
        }
        if (left instanceof Boolean b && b == decisive) {
            return decisive;
        }
        Object right = eval(l.right());
        if (right instanceof Boolean b && b == decisive) {
            return decisive;
        }
        if (leftError != null) {
            throw leftError;
        }
        if (!(left instanceof Boolean)) {
            throw EvalError.noOverload(l.and() ? "_&&_" : "_||_", left, right);
        }
        if (!(right instanceof Boolean)) {
            throw EvalError.noOverload(l.and() ? "_&&_" : "_||_", left, right);
        }
        return !decisive;
    }

    private Object map(Expr.MapLiteral m) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < m.keys().size(); i++) {
            Object k = eval(m.keys().get(i));
            MapKeys.checkKeyType(k);
            if (MapKeys.contains(out, k)) {
                throw new EvalError("Failed with repeated key: " + k);
            }
            out.put(k, eval(m.values().get(i)));
        }
        return out;
    }
}
