package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.component.timer.TimerEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The routes' timers take their period and first delay from the typed settings through {@code {{bean:...}}}
 * placeholders: what this context sets (SandboxGatewayTest's properties) where it sets it, the records' defaults
 * where nothing sets it.
 */
class RouteTimersTest extends SandboxGatewayTest {

    @Autowired
    Environment environment;

    @Test
    void timersFollowTheSettingsAndTheirDefaults() {
        assertTimer("case-dispatch", 100, 1000);         // gateway.dispatcher.interval=100ms
        assertTimer("intake-poll", 300, 1000);           // gateway.intake.poll-interval=300ms
        assertTimer("amazon-returns-poll", 300, 1000);   // gateway.amazon-api.poll-interval=300ms
        assertTimer("amazon-refund-feeds", 300, 1000);
        assertThat(timer("intercept-follow-up").getPeriod()).isEqualTo(500); // gateway.intercepts.follow-up-interval=500
    }

    @Test
    void aDelayNothingSetsIsTheRecordsDefaultReadThroughTheBeanFunction() {
        assertThat(environment.containsProperty("gateway.intake.initial-delay")).isFalse();
        assertThat(environment.containsProperty("gateway.dispatcher.initial-delay")).isFalse();

        assertThat(camel.resolvePropertyPlaceholders("{{bean:schedules.intakeDelay}}")).isEqualTo("1000");
        assertThat(camel.resolvePropertyPlaceholders("{{bean:schedules.dispatchDelay}}")).isEqualTo("1000");
    }

    private void assertTimer(String routeId, long period, long delay) {
        TimerEndpoint timer = timer(routeId);
        assertThat(timer.getPeriod()).as(routeId + " period").isEqualTo(period);
        assertThat(timer.getDelay()).as(routeId + " delay").isEqualTo(delay);
    }

    private TimerEndpoint timer(String routeId) {
        return (TimerEndpoint) camel.getRoute(routeId).getEndpoint();
    }
}
