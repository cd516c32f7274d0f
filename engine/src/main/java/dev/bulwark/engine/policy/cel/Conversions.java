package dev.bulwark.engine.policy.cel;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** The type conversion functions {@code int uint double string bool bytes timestamp duration}. */
final class Conversions {
    private static final double TWO_63 = 9.223372036854775807E18;
    private static final double TWO_64 = 1.8446744073709551615E19;

    private Conversions() {
    }

    static Object toInt(Object v) {
        return switch (v) {
            case Long l -> l;
            case CelUint u -> {
                if (u.bits() < 0) {
                    throw new EvalError("range error: uint too large for int");
                }
                yield u.bits();
            }
            case Double d -> {
                if (d.isNaN() || d >= TWO_63 || d <= -TWO_63) {
                    throw new EvalError("range error: double out of int range");
                }
                yield d.longValue();
            }
            case String s -> {
                try {
                    yield Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new EvalError("invalid int: " + s);
                }
            }
            case Instant t -> t.getEpochSecond();
            case null, default -> throw EvalError.noOverload("int", v);
        };
    }

    static Object toUint(Object v) {
        return switch (v) {
            case CelUint u -> u;
            case Long l -> {
                if (l < 0) {
                    throw new EvalError("range error: negative int to uint");
                }
                yield new CelUint(l);
            }
            case Double d -> {
                if (d.isNaN() || d < 0 || d >= TWO_64) {
                    throw new EvalError("range error: double out of uint range");
                }
                yield new CelUint(new BigDecimal(d).toBigInteger().longValue());
            }
            case String s -> {
                try {
                    yield new CelUint(Long.parseUnsignedLong(s));
                } catch (NumberFormatException e) {
                    throw new EvalError("invalid uint: " + s);
                }
            }
            case null, default -> throw EvalError.noOverload("uint", v);
        };
    }

    static Object toDouble(Object v) {
        return switch (v) {
            case Double d -> d;
            case Long l -> (double) l;
            case CelUint u -> u.bits() >= 0 ? (double) u.bits()
                    : new BigDecimal(Long.toUnsignedString(u.bits())).doubleValue();
            case String s -> {
                String t = s.strip();
                if (t.isEmpty() || "dDfF".indexOf(t.charAt(t.length() - 1)) >= 0 || t.startsWith("0x")) {
                    throw new EvalError("invalid double: " + s);
                }
                try {
                    yield Double.parseDouble(t.replaceAll("(?i)^([+-]?)inf(inity)?$", "$1Infinity"));
                } catch (NumberFormatException e) {
                    throw new EvalError("invalid double: " + s);
                }
            }
            case null, default -> throw EvalError.noOverload("double", v);
        };
    }

    static Object toStringValue(Object v) {
        return switch (v) {
            case String s -> s;
            case Long l -> l.toString();
            case CelUint u -> u.toString();
            case Double d -> formatDouble(d);
            case Boolean b -> b.toString();
            case CelBytes b -> Functions.utf8(b);
            case Instant t -> TimeValues.formatTimestamp(t);
            case Duration d -> TimeValues.formatDuration(d);
            case null, default -> throw EvalError.noOverload("string", v);
        };
    }

    /** Shortest round-trip form, as Go's {@code strconv.FormatFloat(d, 'g', -1, 64)} prints it. */
    static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent < -4 || exponent >= 21) {
            String digits = exact.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format("%02d", Math.abs(exponent));
        }
        return exact.toPlainString();
    }

    static Object toBool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            switch (s) {
                case "1", "t", "true", "TRUE", "True":
                    return true;
                case "0", "f", "false", "FALSE", "False":
                    return false;
                default:
                    throw new EvalError("Type conversion error: bool('" + s + "')");
            }
        }
        throw EvalError.noOverload("bool", v);
    }

    static Object toBytes(Object v) {
        if (v instanceof CelBytes b) {
            return b;
        }
        if (v instanceof String s) {
            return new CelBytes(s.getBytes(StandardCharsets.UTF_8));
        }
        throw EvalError.noOverload("bytes", v);
    }

    static Object toTimestamp(Object v) {
        return switch (v) {
            case Instant t -> t;
            case String s -> TimeValues.parseTimestamp(s);
            case Long l -> TimeValues.checkTimestamp(Instant.ofEpochSecond(l));
            case null, default -> throw EvalError.noOverload("timestamp", v);
        };
    }

    static Object toDuration(Object v) {
        return switch (v) {
            case Duration d -> d;
            case String s -> TimeValues.parseDuration(s);
            case null, default -> throw EvalError.noOverload("duration", v);
        };
    }
}
