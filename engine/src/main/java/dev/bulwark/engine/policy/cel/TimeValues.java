package dev.bulwark.engine.policy.cel;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CEL's {@code timestamp} and {@code duration}: parsing, printing, ranges and the accessor functions. */
final class TimeValues {
    private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");
    /** The range of Go's time.Duration, which cel-go uses: about 292 years either way. */
    private static final Duration MAX_DURATION = Duration.ofNanos(Long.MAX_VALUE);
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
    private static final Pattern OFFSET = Pattern.compile("[+-]\\d{2}:\\d{2}");

    private TimeValues() {
    }

    static Instant checkTimestamp(Instant t) {
        if (t.isBefore(MIN) || t.isAfter(MAX)) {
            throw new EvalError("timestamp out of range");
        }
        return t;
    }

    static Duration checkDuration(Duration d) {
        if (d.abs().compareTo(MAX_DURATION) > 0) {
            throw new EvalError("duration out of range");
        }
        return d;
    }

    static Instant parseTimestamp(String text) {
        try {
            return checkTimestamp(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            throw new EvalError("invalid timestamp: " + text);
        }
    }

    static String formatTimestamp(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    /** Go's duration syntax, as CEL uses it: {@code 1h30m}, {@code -1.5s}, {@code 100ms}, {@code 0}. */
    static Duration parseDuration(String text) {
        String s = text;
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = DURATION_PART.matcher(s);
        BigDecimal nanos = BigDecimal.ZERO;
        int at = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new EvalError("invalid duration: " + text);
            }
            BigDecimal unit = switch (m.group(2)) {
                case "ns" -> BigDecimal.ONE;
                case "us", "µs" -> BigDecimal.valueOf(1_000);
                case "ms" -> BigDecimal.valueOf(1_000_000);
                case "s" -> BigDecimal.valueOf(1_000_000_000L);
                case "m" -> BigDecimal.valueOf(60_000_000_000L);
                default -> BigDecimal.valueOf(3_600_000_000_000L);
            };
            nanos = nanos.add(new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1)).multiply(unit));
            at = m.end();
        }
        if (s.isEmpty() || nanos.compareTo(new BigDecimal("1e30")) > 0) {
            throw new EvalError("invalid duration: " + text);
        }
        BigDecimal[] parts = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
        Duration d = Duration.ofSeconds(parts[0].longValueExact(), parts[1].longValue());
        return checkDuration(negative ? d.negated() : d);
    }

    /** CEL prints durations as seconds with the fraction needed: {@code 1.5s}, {@code 3600s}. */
    static String formatDuration(Duration d) {
        BigDecimal seconds = new BigDecimal(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
        return seconds.stripTrailingZeros().toPlainString() + "s";
    }

    static Object accessor(String function, Object target, Object zone) {
        if (target instanceof Duration d) {
            if (zone != null) {
                throw EvalError.noOverload(function, target, zone);
            }
            return switch (function) {
                case "getHours" -> d.toHours();
                case "getMinutes" -> d.toMinutes();
                case "getSeconds" -> d.getSeconds();
                case "getMilliseconds" -> (long) d.toMillisPart();
                default -> throw EvalError.noOverload(function, target);
            };
        }
        Instant t = (Instant) target;
        ZonedDateTime z = t.atZone(zone == null ? ZoneOffset.UTC : zone(zone));
        return switch (function) {
            case "getFullYear" -> (long) z.getYear();
            case "getMonth" -> (long) z.getMonthValue() - 1;
            case "getDayOfYear" -> (long) z.getDayOfYear() - 1;
            case "getDayOfMonth" -> (long) z.getDayOfMonth() - 1;
            case "getDate" -> (long) z.getDayOfMonth();
            case "getDayOfWeek" -> (long) z.get(ChronoField.DAY_OF_WEEK) % 7;
            case "getHours" -> (long) z.getHour();
            case "getMinutes" -> (long) z.getMinute();
            case "getSeconds" -> (long) z.getSecond();
            case "getMilliseconds" -> (long) z.getNano() / 1_000_000;
            default -> throw EvalError.noOverload(function, target);
        };
    }

    private static ZoneId zone(Object zone) {
        if (!(zone instanceof String name)) {
            throw EvalError.noOverload("time zone", zone);
        }
        try {
            if (OFFSET.matcher(name).matches() || name.matches("\\d{2}:\\d{2}")) {
                return ZoneOffset.of(name.matches("\\d.*") ? "+" + name : name);
            }
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new EvalError("invalid time zone: " + name);
        }
    }

    static boolean isAccessor(String function) {
        return function.startsWith("get") && !"get".equals(function);
    }
}
