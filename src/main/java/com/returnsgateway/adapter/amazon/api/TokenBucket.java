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
    private Instant heldUntil;

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
        Duration held = held();
        if (!held.isZero()) {
            return held;
        }
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return untilNextToken();
    }

    /** True when a token is there now; takes nothing (to decide whether to start work that needs one). */
    public synchronized boolean hasToken() {
        if (!held().isZero()) {
            return false;
        }
        refill();
        return tokens >= 1;
    }

    /** Amazon answered 429: its bucket is empty, so ours is too. */
    public synchronized void drain() {
        refill();
        tokens = 0;
    }

    /**
     * Amazon answered 429 and said (or the caller decided) to wait {@code atLeast}: the bucket is empty and gives no
     * token before then. Returns how long it is held: {@code atLeast}, or the time a token takes when that is longer.
     */
    public synchronized Duration holdFor(Duration atLeast) {
        drain();
        Duration refill = untilNextToken();
        Duration hold = atLeast.compareTo(refill) > 0 ? atLeast : refill;
        heldUntil = clock.instant().plus(hold);
        return hold;
    }

    public synchronized double available() {
        refill();
        return tokens;
    }

    private Duration held() {
        Instant now = clock.instant();
        return heldUntil == null || !now.isBefore(heldUntil) ? Duration.ZERO : Duration.between(now, heldUntil);
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
