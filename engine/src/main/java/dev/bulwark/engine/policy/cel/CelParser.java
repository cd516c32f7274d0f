package dev.bulwark.engine.policy.cel;

import dev.bulwark.engine.policy.cel.CelLexer.Kind;
import dev.bulwark.engine.policy.cel.CelLexer.Token;
import dev.bulwark.engine.policy.cel.Expr.Comprehension;
import dev.bulwark.engine.policy.cel.Expr.Macro;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recursive-descent parser for CEL's grammar. Macros ({@code has}, {@code all}, {@code exists},
 * {@code exists_one}, {@code map}, {@code filter}) become their own nodes; the depth of every node is tracked so that
 * a deeply nested or very long chained expression is refused before evaluation could exhaust the stack.
 */
final class CelParser {
    private final String src;
    private final List<Token> tokens;
    private final CelLimits limits;
    private final Map<Expr, Integer> depths = new IdentityHashMap<>();
    private int p;
    private int nesting;

    private CelParser(String src, CelLimits limits) {
        this.src = src;
        this.limits = limits;
        this.tokens = CelLexer.tokens(src);
    }

    static Expr parse(String src, CelLimits limits) {
        if (src.length() > limits.maxExpressionLength()) {
            throw new CelException("expression longer than " + limits.maxExpressionLength() + " characters", 1, 1);
        }
        CelParser parser = new CelParser(src, limits);
        Expr e = parser.expr();
        Token t = parser.peek();
        if (t.kind() != Kind.EOF) {
            throw parser.error(t, "unexpected " + describe(t));
        }
        return e;
    }

    private static String describe(Token t) {
        return t.kind() == Kind.EOF ? "end of expression" : t.text() == null ? "literal" : "'" + t.text() + "'";
    }

    private CelException error(Token t, String reason) {
        return CelException.at(src, t.pos(), reason);
    }

    private Token peek() {
        return tokens.get(p);
    }

    private Token take() {
        return tokens.get(p++);
    }

    private boolean accept(String punct) {
        if (peek().is(punct)) {
            p++;
            return true;
        }
        return false;
    }

    private Token expect(String punct) {
        Token t = take();
        if (!t.is(punct)) {
            throw error(t, "expected '" + punct + "' but found " + describe(t));
        }
        return t;
    }

    /** Records a node's depth (one more than its deepest child) and refuses trees deeper than the limit. */
    private <E extends Expr> E node(E e, Expr... children) {
        int d = 0;
        for (Expr c : children) {
            if (c != null) {
                d = Math.max(d, depths.getOrDefault(c, 1));
            }
        }
        if (d + 1 > limits.maxDepth()) {
            throw CelException.at(src, e.pos(), "expression nested deeper than " + limits.maxDepth());
        }
        depths.put(e, d + 1);
        return e;
    }

    private Expr expr() {
        if (++nesting > limits.maxDepth()) {
            throw error(peek(), "expression nested deeper than " + limits.maxDepth());
        }
        try {
            Expr condition = or();
            Token q = peek();
            if (!accept("?")) {
                return condition;
            }
            Expr then = or();
            expect(":");
            Expr otherwise = expr();
            return node(new Expr.Conditional(q.pos(), condition, then, otherwise), condition, then, otherwise);
        } finally {
            nesting--;
        }
    }

    private Expr or() {
        Expr left = and();
        while (peek().is("||")) {
            Token op = take();
            Expr right = and();
            left = node(new Expr.Logical(op.pos(), false, left, right), left, right);
        }
        return left;
    }

    private Expr and() {
        Expr left = relation();
        while (peek().is("&&")) {
            Token op = take();
            Expr right = relation();
            left = node(new Expr.Logical(op.pos(), true, left, right), left, right);
        }
        return left;
    }

    private Expr relation() {
        Expr left = addition();
        while (true) {
            Token t = peek();
            boolean relop = t.kind() == Kind.PUNCT && List.of("==", "!=", "<", "<=", ">", ">=").contains(t.text());
            boolean in = t.kind() == Kind.IDENT && "in".equals(t.text()) && t.value() == null;
            if (!relop && !in) {
                return left;
            }
            take();
            Expr right = addition();
            left = node(new Expr.Operator(t.pos(), in ? "in" : t.text(), left, right), left, right);
        }
    }

    private Expr addition() {
        Expr left = multiplication();
        while (peek().is("+") || peek().is("-")) {
            Token op = take();
            Expr right = multiplication();
            left = node(new Expr.Operator(op.pos(), op.text(), left, right), left, right);
        }
        return left;
    }

    private Expr multiplication() {
        Expr left = unary();
        while (peek().is("*") || peek().is("/") || peek().is("%")) {
            Token op = take();
            Expr right = unary();
            left = node(new Expr.Operator(op.pos(), op.text(), left, right), left, right);
        }
        return left;
    }

    private Expr unary() {
        Token t = peek();
        if (t.is("!") || t.is("-")) {
            if (++nesting > limits.maxDepth()) {
                throw error(t, "expression nested deeper than " + limits.maxDepth());
            }
            try {
                take();
                if (t.is("-") && peek().kind() == Kind.INT && !tokens.get(p + 1).is(".") && !tokens.get(p + 1).is("[")) {
                    return member(intLiteral(take(), true));
                }
                Expr operand = unary();
                return node(new Expr.Operator(t.pos(), t.text(), operand, null), operand);
            } finally {
                nesting--;
            }
        }
        return member(primary());
    }

    private Expr intLiteral(Token t, boolean negative) {
        String text = (negative ? "-" : "") + t.text();
        try {
            long v = text.contains("0x") ? Long.parseLong(text.replace("0x", ""), 16) : Long.parseLong(text);
            return node(new Expr.Literal(t.pos(), v));
        } catch (NumberFormatException e) {
            throw error(t, "integer literal out of range: " + text);
        }
    }

    private Expr member(Expr operand) {
        Expr e = operand;
        while (true) {
            Token t = peek();
            if (accept(".")) {
                Token name = take();
                if (name.kind() != Kind.IDENT) {
                    throw error(name, "expected a field name after '.'");
                }
                if (peek().is("(")) {
                    Token open = take();
                    List<Expr> args = arguments(")");
                    e = receiverCall(open, e, name, args);
                } else {
                    e = node(new Expr.Select(name.pos(), e, name.text(), false), e);
                }
            } else if (accept("[")) {
                Expr index = expr();
                expect("]");
                e = node(new Expr.Index(t.pos(), e, index), e, index);
            } else {
                return e;
            }
        }
    }

    private Expr receiverCall(Token open, Expr target, Token name, List<Expr> args) {
        Macro macro = switch (name.text()) {
            case "all" -> Macro.ALL;
            case "exists" -> Macro.EXISTS;
            case "exists_one" -> Macro.EXISTS_ONE;
            case "map" -> Macro.MAP;
            case "filter" -> Macro.FILTER;
            default -> null;
        };
        boolean shape = args.size() == 2 || (macro == Macro.MAP && args.size() == 3);
        if (macro != null && shape) {
            if (!(args.get(0) instanceof Expr.Ident v)) {
                throw CelException.at(src, args.get(0).pos(), name.text() + "() variable must be a simple name");
            }
            Expr filter = args.size() == 3 ? args.get(1) : null;
            Expr body = args.get(args.size() - 1);
            return node(new Comprehension(name.pos(), macro, target, v.name(), filter, body), target, filter, body);
        }
        List<Expr> all = new ArrayList<>(args);
        all.add(target);
        return node(new Expr.Call(name.pos(), target, name.text(), List.copyOf(args)), all.toArray(Expr[]::new));
    }

    private List<Expr> arguments(String close) {
        List<Expr> args = new ArrayList<>();
        if (accept(close)) {
            return args;
        }
        do {
            if (peek().is(close) && !args.isEmpty() && !")".equals(close)) {
                break;
            }
            args.add(expr());
        } while (accept(","));
        expect(close);
        return args;
    }

    private Expr primary() {
        Token t = take();
        switch (t.kind()) {
            case INT:
                return intLiteral(t, false);
            case UINT, DOUBLE, STRING, BYTES:
                return node(new Expr.Literal(t.pos(), t.value()));
            case IDENT:
                return identifier(t);
            case EOF:
                throw error(t, "unexpected end of expression");
            default:
                break;
        }
        if (t.is(".") && peek().kind() == Kind.IDENT) {
            return identifier(take());
        }
        if (t.is("(")) {
            Expr e = expr();
            expect(")");
            return e;
        }
        if (t.is("[")) {
            List<Expr> elements = arguments("]");
            return node(new Expr.ListLiteral(t.pos(), List.copyOf(elements)), elements.toArray(Expr[]::new));
        }
        if (t.is("{")) {
            return mapLiteral(t);
        }
        throw error(t, "unexpected " + describe(t));
    }

    private Expr identifier(Token t) {
        if ("quoted".equals(t.value())) {
            throw error(t, "quoted identifiers are only allowed as field names");
        }
        switch (t.text()) {
            case "true":
                return node(new Expr.Literal(t.pos(), Boolean.TRUE));
            case "false":
                return node(new Expr.Literal(t.pos(), Boolean.FALSE));
            case "null":
                return node(new Expr.Literal(t.pos(), null));
            default:
                break;
        }
        if ("in".equals(t.text()) || CelLexer.RESERVED.contains(t.text())) {
            throw error(t, "reserved identifier: " + t.text());
        }
        if (peek().is("(")) {
            take();
            List<Expr> args = arguments(")");
            if ("has".equals(t.text())) {
                if (args.size() != 1 || !(args.get(0) instanceof Expr.Select s)) {
                    throw error(t, "has() needs a field selection argument, as in has(object.metadata)");
                }
                return node(new Expr.Select(s.pos(), s.operand(), s.field(), true), s.operand());
            }
            return node(new Expr.Call(t.pos(), null, t.text(), List.copyOf(args)), args.toArray(Expr[]::new));
        }
        if (peek().is("{")) {
            throw error(peek(), "message construction is not supported");
        }
        return node(new Expr.Ident(t.pos(), t.text()));
    }

    private Expr mapLiteral(Token open) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        List<Expr> all = new ArrayList<>();
        if (!accept("}")) {
            do {
                if (peek().is("}") && !keys.isEmpty()) {
                    break;
                }
                Expr k = expr();
                expect(":");
                Expr v = expr();
                keys.add(k);
                values.add(v);
                all.add(k);
                all.add(v);
            } while (accept(","));
            expect("}");
        }
        return node(new Expr.MapLiteral(open.pos(), List.copyOf(keys), List.copyOf(values)), all.toArray(Expr[]::new));
    }
}
