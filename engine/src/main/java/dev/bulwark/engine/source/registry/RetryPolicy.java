package dev.bulwark.engine.source.registry;

import java.time.Duration;
import java.util.Objects;

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
    Duration backoff(int attempt, double random) {
        long base = initialDelay.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(Math.max(base, 0), maxDelay.toMillis());
        // Half fixed, half random: never zero, but spread so parallel pulls do not retry in lockstep.
        return Duration.ofMillis(capped / 2 + (long) (random * (capped - capped / 2)));
    }
}
