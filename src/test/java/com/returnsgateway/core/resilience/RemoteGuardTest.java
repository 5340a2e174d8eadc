package com.returnsgateway.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnsgateway.core.config.GatewayProperties.Resilience;
import com.returnsgateway.core.config.GatewayProperties.Resilience.Knobs;
import com.returnsgateway.core.remote.RemoteCallException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteGuardTest {

    private static final RemoteSystem FORWARDER = RemoteSystem.forwarder("4px");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private RemoteGuard guard(Knobs forwarder) {
        Resilience properties = new Resilience(true,
                new Knobs(50f, 4, 4, Duration.ofSeconds(30), 1, null),
                Map.of(), forwarder == null ? Map.of() : Map.of("4px", forwarder), null, null);
        return new RemoteGuard(properties, meters);
    }

    @Test
    void anOpenCircuitRefusesCallsAsATransientFailureWithTheTimeLeftAsRetryAfter() {
        RemoteGuard guard = guard(null);
        for (int i = 0; i < 4; i++) {
            guard.acquire(FORWARDER).done(new IOException("Connection reset"));
        }

        assertThat(guard.state(FORWARDER)).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> guard.acquire(FORWARDER))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).startsWith("circuit open for forwarder 4px");
                    assertThat(e.retryAfter()).isGreaterThan(Duration.ofSeconds(29)).isLessThanOrEqualTo(Duration.ofSeconds(30));
                });
        assertThat(meters.get("gateway.remote.circuit.state").tag("system", "forwarder-4px").gauge().value())
                .isEqualTo(1.0);
        assertThat(meters.get("gateway.remote.calls.refused").tag("system", "forwarder-4px")
                .tag("reason", "circuit-open").counter().count()).isEqualTo(1.0);
    }

    @Test
    void successesKeepTheCircuitClosedAndOtherSystemsAreNotAffected() {
        RemoteGuard guard = guard(null);
        for (int i = 0; i < 3; i++) {
            guard.acquire(FORWARDER).done(null);
            guard.acquire(FORWARDER).done(null);
            guard.acquire(FORWARDER).done(null);
            guard.acquire(FORWARDER).done(new IOException("timeout"));
        }
        for (int i = 0; i < 4; i++) {
            guard.acquire(RemoteSystem.SMTP).done(new IOException("refused"));
        }

        assertThat(guard.state(FORWARDER)).isEqualTo(CircuitBreaker.State.CLOSED); // 25 % of the last 4 failed
        assertThat(guard.state(RemoteSystem.SMTP)).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(guard.state(RemoteSystem.marketplace("sandbox-us"))).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aSpentRateLimitRefusesForASecond() {
        RemoteGuard guard = guard(new Knobs(null, null, null, null, null, 2));
        guard.acquire(FORWARDER).done(null);
        guard.acquire(FORWARDER).done(null);

        assertThatThrownBy(() -> guard.acquire(FORWARDER))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("rate limit reached for forwarder 4px (2 calls per second)");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                });
        // the refused call took no trial slot of the breaker
        assertThat(guard.state(FORWARDER)).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aSystemsOwnKnobsOverrideTheDefaultsOneByOne() {
        Resilience properties = new Resilience(true,
                new Knobs(null, 30, null, Duration.ofSeconds(5), null, null),
                Map.of(), Map.of("4px", new Knobs(80f, null, null, null, null, 7)), null, null);

        Knobs knobs = RemoteGuard.knobsFor(properties, FORWARDER);

        assertThat(knobs).isEqualTo(new Knobs(80f, 30, 10, Duration.ofSeconds(5), 3, 7));
        assertThat(RemoteGuard.knobsFor(properties, RemoteSystem.SMTP))
                .isEqualTo(new Knobs(50f, 30, 10, Duration.ofSeconds(5), 3, 50));
    }
}
