package dev.bulwark.engine.source.registry;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * How hard to retry a registry request that failed for a reason that may pass (429, 5xx, a dropped connection):
 * at most {@code maxAttempts} tries, waiting an exponentially growing, jittered delay between them. A
 * {@code Retry-After} the registry sends is honoured up to {@code maxRetryAfter}; a longer one fails at once.
 * {@code timeout} bounds connecting and each wait for response headers.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter,
        Duration timeout) {
    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(timeout, "timeout");
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be 1..20: " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || timeout.isZero()
                || timeout.isNegative()) {
            throw new IllegalArgumentException("delays must be 0 <= initialDelay <= maxDelay and timeout > 0");
        }
    }

    /** Four attempts, 250 ms doubling to at most 8 s, Retry-After up to 60 s, 60 s timeouts. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(60),
                Duration.ofSeconds(60));
    }

    /** The wait before attempt {@code attempt + 1} (attempt counts from 1): full jitter over the capped backoff. */
    public Duration backoff(int attempt, double random) {
        long base = initialDelay.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(Math.max(base, 0), maxDelay.toMillis());
        // Half fixed, half random: never zero, but spread so parallel pulls do not retry in lockstep.
        return Duration.ofMillis(capped / 2 + (long) (random * (capped - capped / 2)));
    }

    /** A {@code Retry-After} value, either delay-seconds or an HTTP date; empty when absent or unparseable. */
    public static Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.min(seconds, 1L << 31)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
