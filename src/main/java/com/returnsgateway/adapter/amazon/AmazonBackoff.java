package com.returnsgateway.adapter.amazon;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.remote.RemoteCallException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How long an account's report or feed cycle rests after a failed step: Amazon's Retry-After (or the time its rate
 * limit needs) when it gave one, capped at {@code gateway.retry.max-retry-after}, else a pause doubling from the poll
 * interval up to {@code max}. Refused credentials
 * are thus tried every few minutes, not every poll, and each failure is logged once per pause. Kept in memory: a
 * restart tries at once, which is what an operator who just fixed the credentials wants.
 */
@Component
public class AmazonBackoff {

    private static final Logger log = LoggerFactory.getLogger(AmazonBackoff.class);

    private final Clock clock;
    private final Duration first;
    private final Duration max;
    private final Duration maxRetryAfter;
    private final Map<String, Instant> restingUntil = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    @Autowired
    public AmazonBackoff(Clock clock, AmazonConfiguration.AmazonApiProperties api, GatewayProperties gateway) {
        this(clock, api.pollInterval(), api.maxBackoff(), gateway.retry().maxRetryAfter());
    }

    public AmazonBackoff(Clock clock, Duration first, Duration max, Duration maxRetryAfter) {
        this.clock = clock;
        this.first = first;
        this.max = max;
        this.maxRetryAfter = maxRetryAfter;
    }

    /** True when the cycle ({@code report:amazon-us}, {@code feed:amazon-us}) may take its next step now. */
    public boolean due(String cycle) {
        Instant until = restingUntil.get(cycle);
        return until == null || !clock.instant().isBefore(until);
    }

    /** The step went through: the next failure starts from the first pause again. */
    public void succeeded(String cycle) {
        restingUntil.remove(cycle);
        failures.remove(cycle);
    }

    /** The step failed: the cycle rests, and the failure is logged with how long. */
    public void failed(String cycle, Exception failure) {
        int count = failures.merge(cycle, 1, Integer::sum);
        Duration pause = pause(count, failure);
        restingUntil.put(cycle, clock.instant().plus(pause));
        log.warn("Amazon {} cycle of {}: {}; next try in {} s (failure {} in a row)", cycleName(cycle),
                accountOf(cycle), failure.getMessage(), Math.max(1, pause.toSeconds()), count);
    }

    private Duration pause(int count, Exception failure) {
        if (failure instanceof RemoteCallException remote && remote.retryAfter() != null
                && !remote.retryAfter().isNegative() && !remote.retryAfter().isZero()) {
            // Amazon's own wait is honoured beyond max-backoff, but a remote cannot park the cycle past the cap
            return remote.retryAfter().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : remote.retryAfter();
        }
        Duration pause = first.multipliedBy(1L << Math.min(count - 1, 20));
        return pause.compareTo(max) > 0 ? max : pause;
    }

    private static String cycleName(String cycle) {
        int colon = cycle.indexOf(':');
        return colon < 0 ? cycle : cycle.substring(0, colon);
    }

    private static String accountOf(String cycle) {
        int colon = cycle.indexOf(':');
        return colon < 0 ? cycle : cycle.substring(colon + 1);
    }
}
