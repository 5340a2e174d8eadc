package com.returnsgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FaultsTest {

    @Test
    void waitsTheLatencyOnEveryCallAndFailsTheConfiguredShare() {
        List<Duration> waits = new ArrayList<>();
        double[] draws = {0.05, 0.5, 0.2, 0.9};
        int[] next = {0};
        Faults faults = new Faults(Duration.ofMillis(250), 0.3, waits::add, () -> draws[next[0]++]);

        assertThatThrownBy(faults::apply).isInstanceOf(SimulatedOutageException.class);
        faults.apply();
        assertThatThrownBy(faults::apply).isInstanceOf(SimulatedOutageException.class);
        faults.apply();

        assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250),
                Duration.ofMillis(250));
        assertThat(faults.calls()).isEqualTo(4);
        assertThat(faults.injectedFailures()).isEqualTo(2);
    }

    @Test
    void zeroLatencyAndRateNeverWaitNorFail() {
        List<Duration> waits = new ArrayList<>();
        Faults faults = new Faults(Duration.ZERO, 0, waits::add, () -> 0.0);
        for (int i = 0; i < 100; i++) {
            faults.apply();
        }
        assertThat(waits).isEmpty();
        assertThat(faults.injectedFailures()).isZero();
    }

    @Test
    void refusesSettingsOutOfRange() {
        assertThatThrownBy(() -> new Faults(Duration.ZERO, 1.5, d -> { }, () -> 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failure-rate");
        assertThatThrownBy(() -> new Faults(Duration.ofMillis(-1), 0, d -> { }, () -> 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency");
    }
}
