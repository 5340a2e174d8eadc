package com.returnsgateway.adapter.amazon.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import com.returnsgateway.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));

    @Test
    void aFullBucketAllowsTheBurstThenSaysHowLongUntilTheNextToken() {
        // createFeed: 0.0083 requests per second, burst 15
        TokenBucket bucket = new TokenBucket(SpApiOperation.CREATE_FEED.rate(), SpApiOperation.CREATE_FEED.burst(),
                clock);
        for (int i = 0; i < 15; i++) {
            assertThat(bucket.tryTake()).as("call %d of the burst", i + 1).isZero();
        }

        Duration wait = bucket.tryTake();

        assertThat(wait).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(121));
        assertThat(bucket.hasToken()).isFalse();
    }

    @Test
    void tokensComeBackAtTheRateButNeverBeyondTheBurst() {
        TokenBucket bucket = new TokenBucket(2, 3, clock);
        for (int i = 0; i < 3; i++) {
            bucket.tryTake();
        }

        clock.advance(Duration.ofMillis(500));
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(500));

        clock.advance(Duration.ofHours(1));
        assertThat(bucket.available()).isEqualTo(3.0);
    }

    @Test
    void a429EmptiesTheBucketBecauseAmazonsIsEmpty() {
        TokenBucket bucket = new TokenBucket(0.5, 15, clock);

        bucket.drain();

        assertThat(bucket.hasToken()).isFalse();
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofSeconds(2));
    }
}
