package com.returnsgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnsgateway.sandbox.seventeentrack.SeventeenTrackSimulator;
import com.returnsgateway.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class SandboxPaceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    private final ForwarderSimulator forwarders = new ForwarderSimulator(new SandboxProperties().getForwarders(), clock);
    private final SandboxPace pace = new SandboxPace(forwarders,
            new StaticListableBeanFactory().getBeanProvider(SeventeenTrackSimulator.class), clock, Duration.ofMinutes(1));

    @Test
    void aParcelInTransitMovesOneStepPerPaceToDelivered() {
        forwarders.put("generic-express", "GE1", "InTransit", false, false);
        forwarders.put("4px", "4PX1", "C", false, false);

        clock.advance(Duration.ofSeconds(59));
        assertThat(pace.tick()).as("not yet a pace at its step").isZero();

        clock.advance(Duration.ofSeconds(1));
        pace.tick();
        assertThat(status("generic-express", "GE1")).isEqualTo("OutForDelivery");
        assertThat(status("4px", "4PX1")).isEqualTo("FPX_D_SD");

        clock.advance(Duration.ofMinutes(1));
        pace.tick();
        clock.advance(Duration.ofMinutes(1));
        pace.tick();
        assertThat(status("generic-express", "GE1")).isEqualTo("Delivered");
        assertThat(status("4px", "4PX1")).isEqualTo("F");
    }

    @Test
    void aParcelAtTheForwarderHeldOrOutsideTheSequenceStaysAndOffStopsEverything() {
        forwarders.put("generic-express", "GE2", "Pending", true, false);
        forwarders.put("sftp-cargo", "SC1", "SHIPPED", false, true);
        forwarders.put("yanwen", "YW1", "PU10", false, false);
        pace.setPace(SandboxPace.parse("off"));
        clock.advance(Duration.ofHours(1));
        assertThat(pace.tick()).isZero();

        pace.setPace(SandboxPace.parse("30s"));
        assertThat(pace.tick()).isEqualTo(1);
        assertThat(status("generic-express", "GE2")).isEqualTo("Pending");
        assertThat(status("sftp-cargo", "SC1")).isEqualTo("SHIPPED");
        assertThat(status("yanwen", "YW1")).isEqualTo("LM25");
    }

    @Test
    void theSequencesAndThePaceSetting() {
        assertThat(SandboxPace.next(List.of("2", "3"), "2")).contains("3");
        assertThat(SandboxPace.next(List.of("2", "3"), "3")).isEmpty();
        assertThat(SandboxPace.parse("0")).isNull();
        assertThat(SandboxPace.parse("PT1M")).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> SandboxPace.parse("-1s")).isInstanceOf(IllegalArgumentException.class);
    }

    private String status(String code, String waybill) {
        return forwarders.parcel(code, waybill).orElseThrow().status();
    }
}
