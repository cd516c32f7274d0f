package dev.bulwark.engine.policy.cel;

import java.util.List;

/** The syntax tree of a parsed expression; {@code pos} is the source offset used in error messages. */
sealed interface Expr {

    int pos();

    /** A constant: Long, CelUint, Double, String, CelBytes, Boolean or null. */
    record Literal(int pos, Object value) implements Expr {
    }

    record Ident(int pos, String name) implements Expr {
    }

    /** {@code operand.field}; with {@code test} it is {@code has(operand.field)}. */
    record Select(int pos, Expr operand, String field, boolean test) implements Expr {
    }

    record Index(int pos, Expr operand, Expr index) implements Expr {
    }

    /** A function call, global ({@code target} null) or receiver-style ({@code target.function(args)}). */
    record Call(int pos, Expr target, String function, List<Expr> args) implements Expr {
    }

    /** An operator: {@code + - * / % == != < <= > >= in} (binary) or {@code ! -} (unary, {@code right} null). */
    record Operator(int pos, String op, Expr left, Expr right) implements Expr {
    }

    /** {@code &&} or {@code ||}, with CEL's commutative error semantics. */
    record Logical(int pos, boolean and, Expr left, Expr right) implements Expr {
    }

    record Conditional(int pos, Expr condition, Expr then, Expr otherwise) implements Expr {
    }

    record ListLiteral(int pos, List<Expr> elements) implements Expr {
    }

    record MapLiteral(int pos, List<Expr> keys, List<Expr> values) implements Expr {
    }

    /**
     * A macro over a list or map range: {@code all exists exists_one map filter}. {@code filter} is the predicate of
     * a three-argument {@code map}, else null; {@code body} is the predicate or the transform.
     */
    record Comprehension(int pos, Macro macro, Expr range, String variable, Expr filter, Expr body) implements Expr {
    }

    /** The comprehension macros. */
    enum Macro {
        ALL, EXISTS, EXISTS_ONE, MAP, FILTER
    }
}
