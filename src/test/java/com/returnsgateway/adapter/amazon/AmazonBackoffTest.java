package com.returnsgateway.adapter.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.adapter.amazon.api.SpApiException;
import com.returnsgateway.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AmazonBackoffTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
    private final AmazonBackoff backoff = new AmazonBackoff(clock, Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofHours(1));

    @Test
    void refusedCredentialsAreTriedAgainAfterPausesThatDoubleUpToTheMaximum() {
        SpApiException refused = new SpApiException("Login with Amazon refused the credentials of amazon-us", false,
                null, 400, "invalid_client");
        Duration[] expected = {Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofSeconds(240), Duration.ofSeconds(480), Duration.ofMinutes(15), Duration.ofMinutes(15)};

        for (Duration pause : expected) {
            backoff.failed("report:amazon-us", refused);
            assertThat(backoff.due("report:amazon-us")).isFalse();
            clock.advance(pause.minusSeconds(1));
            assertThat(backoff.due("report:amazon-us")).as("one second before the end of %s", pause).isFalse();
            clock.advance(Duration.ofSeconds(1));
            assertThat(backoff.due("report:amazon-us")).as("after %s", pause).isTrue();
        }
        // the feed cycle of the same account, and other accounts, are not held back
        assertThat(backoff.due("feed:amazon-us")).isTrue();
        assertThat(backoff.due("report:amazon-jp")).isTrue();
    }

    @Test
    void amazonsOwnWaitIsHonouredAndASuccessStartsAfresh() {
        backoff.failed("feed:amazon-us", new SpApiException("createFeed: the rate limit allows the next call in 118 s",
                true, Duration.ofSeconds(118), 429, "QuotaExceeded"));
        clock.advance(Duration.ofSeconds(117));
        assertThat(backoff.due("feed:amazon-us")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(backoff.due("feed:amazon-us")).isTrue();

        backoff.succeeded("feed:amazon-us");
        backoff.failed("feed:amazon-us", new IllegalStateException("Amazon amazon-us: connection reset"));
        clock.advance(Duration.ofSeconds(30));
        assertThat(backoff.due("feed:amazon-us")).isTrue();
    }

    @Test
    void amazonsRetryAfterIsHonouredBeyondTheBackoffMaximumButATwoDayOneIsCappedAtOneHour() {
        assertRestsFor("report:amazon-us", Duration.ofMinutes(40), Duration.ofMinutes(40));
        assertRestsFor("feed:amazon-us", Duration.ofDays(2), Duration.ofHours(1));
    }

    private void assertRestsFor(String cycle, Duration retryAfter, Duration rest) {
        backoff.failed(cycle, new SpApiException("answered HTTP 429", true, retryAfter, 429, "QuotaExceeded"));
        clock.advance(rest.minusSeconds(1));
        assertThat(backoff.due(cycle)).as("a second before %s", rest).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(backoff.due(cycle)).as("after %s", rest).isTrue();
    }
}
