package dev.bulwark.engine.policy.cel;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** CEL's arithmetic operators: no implicit conversions, overflow is an error, not a wrap-around. */
final class Arithmetic {
    private Arithmetic() {
    }

    static Object apply(String op, Object a, Object b, Budget budget) {
        try {
            return switch (op) {
                case "+" -> add(a, b, budget);
                case "-" -> subtract(a, b);
                case "*" -> multiply(a, b);
                case "/" -> divide(a, b);
                case "%" -> modulo(a, b);
                default -> throw new IllegalStateException(op);
            };
        } catch (ArithmeticException e) {
            throw new EvalError("return error for overflow");
        }
    }

    static Object negate(Object a) {
        if (a instanceof Long l) {
            if (l == Long.MIN_VALUE) {
                throw new EvalError("return error for overflow");
            }
            return -l;
        }
        if (a instanceof Double d) {
            return -d;
        }
        if (a instanceof Duration d) {
            return TimeValues.checkDuration(d.negated());
        }
        throw EvalError.noOverload("-_", a);
    }

    private static Object add(Object a, Object b, Budget budget) {
        if (a instanceof Long x && b instanceof Long y) {
            return Math.addExact(x, y);
        }
        if (a instanceof CelUint x && b instanceof CelUint y) {
            long r = x.bits() + y.bits();
            if (Long.compareUnsigned(r, x.bits()) < 0) {
                throw new ArithmeticException();
            }
            return new CelUint(r);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x + y;
        }
        if (a instanceof String x && b instanceof String y) {
            budget.spend((x.length() + y.length()) / 64);
            budget.checkLength((long) x.length() + y.length());
            return x + y;
        }
        if (a instanceof CelBytes x && b instanceof CelBytes y) {
            budget.checkSize((long) x.length() + y.length());
            byte[] r = new byte[x.length() + y.length()];
            System.arraycopy(x.data(), 0, r, 0, x.length());
            System.arraycopy(y.data(), 0, r, x.length(), y.length());
            return new CelBytes(r);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            budget.checkSize((long) x.size() + y.size());
            budget.spend(x.size() + y.size());
            List<Object> r = new ArrayList<>(x);
            r.addAll(y);
            return r;
        }
        if (a instanceof Instant t && b instanceof Duration d) {
            return TimeValues.checkTimestamp(t.plus(d));
        }
        if (a instanceof Duration d && b instanceof Instant t) {
            return TimeValues.checkTimestamp(t.plus(d));
        }
        if (a instanceof Duration x && b instanceof Duration y) {
            return TimeValues.checkDuration(x.plus(y));
        }
        throw EvalError.noOverload("_+_", a, b);
    }

    private static Object subtract(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Math.subtractExact(x, y);
        }
        if (a instanceof CelUint x && b instanceof CelUint y) {
            if (Long.compareUnsigned(x.bits(), y.bits()) < 0) {
                throw new ArithmeticException();
            }
            return new CelUint(x.bits() - y.bits());
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x - y;
        }
        if (a instanceof Instant x && b instanceof Instant y) {
            return TimeValues.checkDuration(Duration.between(y, x));
        }
        if (a instanceof Instant t && b instanceof Duration d) {
            return TimeValues.checkTimestamp(t.minus(d));
        }
        if (a instanceof Duration x && b instanceof Duration y) {
            return TimeValues.checkDuration(x.minus(y));
        }
        throw EvalError.noOverload("_-_", a, b);
    }

    private static Object multiply(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Math.multiplyExact(x, y);
        }
        if (a instanceof CelUint x && b instanceof CelUint y) {
            BigInteger r = unsigned(x).multiply(unsigned(y));
            if (r.bitLength() > 64) {
                throw new ArithmeticException();
            }
            return new CelUint(r.longValue());
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x * y;
        }
        throw EvalError.noOverload("_*_", a, b);
    }

    private static Object divide(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            if (y == 0) {
                throw new EvalError("divide by zero");
            }
            if (x == Long.MIN_VALUE && y == -1) {
                throw new ArithmeticException();
            }
            return x / y;
        }
        if (a instanceof CelUint x && b instanceof CelUint y) {
            if (y.bits() == 0) {
                throw new EvalError("divide by zero");
            }
            return new CelUint(Long.divideUnsigned(x.bits(), y.bits()));
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x / y;
        }
        throw EvalError.noOverload("_/_", a, b);
    }

    private static Object modulo(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            if (y == 0) {
                throw new EvalError("modulus by zero");
            }
            if (x == Long.MIN_VALUE && y == -1) {
                throw new ArithmeticException();
            }
            return x % y;
        }
        if (a instanceof CelUint x && b instanceof CelUint y) {
            if (y.bits() == 0) {
                throw new EvalError("modulus by zero");
            }
            return new CelUint(Long.remainderUnsigned(x.bits(), y.bits()));
        }
        throw EvalError.noOverload("_%_", a, b);
    }

    private static BigInteger unsigned(CelUint u) {
        return new BigInteger(Long.toUnsignedString(u.bits()));
    }
}
