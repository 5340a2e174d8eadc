package com.returnsgateway.sandbox.amazon;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.returnsgateway.sandbox.SandboxEnabled;

/**
 * SP-API usage plans: one token bucket per operation and seller, refilled at the operation's rate up to its burst,
 * by the injected {@link Clock}. Counts every call and every throttled call per operation. Thread-safe.
 */
@Component
@SandboxEnabled
public class SimulatedRateLimits {

    /** An operation's rate (requests per second) and burst. */
    public record Limit(double rate, int burst) {

        /** The {@code x-amzn-RateLimit-Limit} header value: {@code 0.0167}, {@code 2}. */
        String header() {
            return BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString();
        }
    }

    private final Clock clock;
    private final Map<SpOperation, Limit> limits = new EnumMap<>(SpOperation.class);
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<SpOperation, AtomicLong> calls = new EnumMap<>(SpOperation.class);
    private final Map<SpOperation, AtomicLong> throttled = new EnumMap<>(SpOperation.class);

    @Autowired
    public SimulatedRateLimits(AmazonSimulatorProperties properties, ObjectProvider<Clock> clock) {
        this(properties.getRateLimits(), clock.getIfAvailable(Clock::systemUTC));
    }

    SimulatedRateLimits(Map<String, AmazonSimulatorProperties.RateLimit> overrides, Clock clock) {
        this.clock = clock;
        for (SpOperation op : SpOperation.values()) {
            limits.put(op, new Limit(op.defaultRate(), op.defaultBurst()));
            calls.put(op, new AtomicLong());
            throttled.put(op, new AtomicLong());
        }
        overrides.forEach((key, override) -> {
            SpOperation op = SpOperation.byConfigKey(key);
            if (op == null) {
                throw new IllegalArgumentException("sandbox.amazon.rate-limits." + key + ": no such operation; known: "
                        + java.util.Arrays.stream(SpOperation.values()).map(SpOperation::operationName).toList());
            }
            Limit base = limits.get(op);
            double rate = override.getRate() == null ? base.rate() : override.getRate();
            int burst = override.getBurst() == null ? base.burst() : override.getBurst();
            if (!(rate > 0) || burst < 1) {
                throw new IllegalArgumentException("sandbox.amazon.rate-limits." + key
                        + ": rate must be positive and burst at least 1");
            }
            limits.put(op, new Limit(rate, burst));
        });
    }

    public Limit limit(SpOperation op) {
        return limits.get(op);
    }

    void countCall(SpOperation op) {
        calls.get(op).incrementAndGet();
    }

    /** Takes one token from the seller's bucket for the operation; false (and counted as throttled) when empty. */
    public boolean tryAcquire(SpOperation op, String sellerId) {
        Limit limit = limits.get(op);
        Bucket bucket = buckets.computeIfAbsent(op.name() + "/" + sellerId, k -> new Bucket(limit, clock.instant()));
        if (bucket.take(clock.instant())) {
            return true;
        }
        throttled.get(op).incrementAndGet();
        return false;
    }

    public long throttled(SpOperation op) {
        return throttled.get(op).get();
    }

    public Map<String, Long> throttledByOperation() {
        return byName(throttled);
    }

    public Map<String, Long> callsByOperation() {
        return byName(calls);
    }

    private static Map<String, Long> byName(Map<SpOperation, AtomicLong> counts) {
        Map<String, Long> named = new LinkedHashMap<>();
        counts.forEach((op, n) -> named.put(op.operationName(), n.get()));
        return named;
    }

    /** Full buckets and zero counts. */
    public void reset() {
        buckets.clear();
        calls.values().forEach(n -> n.set(0));
        throttled.values().forEach(n -> n.set(0));
    }

    private static final class Bucket {
        private final Limit limit;
        private double tokens;
        private Instant refilledAt;

        Bucket(Limit limit, Instant now) {
            this.limit = limit;
            this.tokens = limit.burst();
            this.refilledAt = now;
        }

        synchronized boolean take(Instant now) {
            if (now.isAfter(refilledAt)) {
                double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
                tokens = Math.min(limit.burst(), tokens + seconds * limit.rate());
                refilledAt = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
