package com.returnsgateway.sandbox.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnsgateway.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Token buckets and their configuration, without a server. */
class AmazonRateLimitsUnitTest {

    private static AmazonSimulatorProperties.RateLimit limit(Double rate, Integer burst) {
        AmazonSimulatorProperties.RateLimit l = new AmazonSimulatorProperties.RateLimit();
        l.setRate(rate);
        l.setBurst(burst);
        return l;
    }

    @Test
    void overridesAcceptAnyCaseOrKebabCaseAndKeepTheOtherHalf() {
        SimulatedRateLimits limits = new SimulatedRateLimits(Map.of("create-feed", limit(null, 3),
                "getreport", limit(5.0, null)), new MutableClock(Instant.EPOCH));
        assertThat(limits.limit(SpOperation.CREATE_FEED)).isEqualTo(new SimulatedRateLimits.Limit(0.0083, 3));
        assertThat(limits.limit(SpOperation.GET_REPORT)).isEqualTo(new SimulatedRateLimits.Limit(5.0, 15));
        assertThat(limits.limit(SpOperation.GET_FEEDS)).isEqualTo(new SimulatedRateLimits.Limit(0.0222, 10));
        assertThatThrownBy(() -> new SimulatedRateLimits(Map.of("getReturns", limit(1.0, 1)),
                new MutableClock(Instant.EPOCH))).hasMessageContaining("getReturns").hasMessageContaining("getFeed");
        assertThatThrownBy(() -> new SimulatedRateLimits(Map.of("getFeed", limit(0.0, 1)),
                new MutableClock(Instant.EPOCH))).hasMessageContaining("rate must be positive");
    }

    @Test
    void aSlowBucketRefillsOneRequestPerPeriod() {
        MutableClock clock = new MutableClock(Instant.EPOCH);
        SimulatedRateLimits limits = new SimulatedRateLimits(Map.of("createFeed", limit(null, 1)), clock);
        assertThat(limits.tryAcquire(SpOperation.CREATE_FEED, "S")).isTrue();
        assertThat(limits.tryAcquire(SpOperation.CREATE_FEED, "S")).isFalse();
        // 0.0083/s: a token takes about two minutes
        clock.advance(Duration.ofSeconds(120));
        assertThat(limits.tryAcquire(SpOperation.CREATE_FEED, "S")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limits.tryAcquire(SpOperation.CREATE_FEED, "S")).isTrue();
        // a long pause never fills the bucket beyond its burst
        clock.advance(Duration.ofDays(1));
        assertThat(limits.tryAcquire(SpOperation.CREATE_FEED, "S")).isTrue();
        assertThat(limits.tryAcquire(SpOperation.CREATE_FEED, "S")).isFalse();
        assertThat(limits.throttled(SpOperation.CREATE_FEED)).isEqualTo(3);
        limits.reset();
        assertThat(limits.tryAcquire(SpOperation.CREATE_FEED, "S")).isTrue();
        assertThat(limits.throttled(SpOperation.CREATE_FEED)).isZero();
    }
}
