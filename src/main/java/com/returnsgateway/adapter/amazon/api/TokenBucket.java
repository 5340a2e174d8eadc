package com.returnsgateway.adapter.amazon.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket as Amazon meters SP-API calls: {@code burst} tokens at most, refilled at {@code rate} per second.
 * The gateway spends a token before each call, so it does not outrun Amazon's bucket in the first place; a 429
 * empties the local bucket too, since Amazon's is evidently empty.
 */
public final class TokenBucket {

    private final double rate;
    private final double burst;
    private final Clock clock;
    private double tokens;
    private Instant refilledAt;

    public TokenBucket(double rate, int burst, Clock clock) {
        if (rate <= 0 || burst < 1) {
            throw new IllegalArgumentException("a token bucket needs a positive rate and a burst of at least 1");
        }
        this.rate = rate;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.refilledAt = clock.instant();
    }

    /** Takes a token if one is there; otherwise returns how long until one is, and takes nothing. */
    public synchronized Duration tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return untilNextToken();
    }

    /** True when a token is there now; takes nothing (to decide whether to start work that needs one). */
    public synchronized boolean hasToken() {
        refill();
        return tokens >= 1;
    }

    /** Amazon answered 429: its bucket is empty, so ours is too. */
    public synchronized void drain() {
        refill();
        tokens = 0;
    }

    public synchronized double available() {
        refill();
        return tokens;
    }

    private Duration untilNextToken() {
        double seconds = (1 - tokens) / rate;
        return Duration.ofMillis((long) Math.ceil(seconds * 1000));
    }

    private void refill() {
        Instant now = clock.instant();
        long elapsedMillis = Duration.between(refilledAt, now).toMillis();
        if (elapsedMillis > 0) {
            tokens = Math.min(burst, tokens + elapsedMillis * rate / 1000.0);
            refilledAt = now;
        }
    }
}
