package com.returnsgateway.core.resilience;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Circuit breaker and rate limit per remote system, under {@code gateway.resilience.*}: {@code defaults} for every
 * system, and overrides per marketplace code, per forwarder code, for the back office and for SMTP. A knob left out
 * of an override comes from {@code defaults}, and one left out there from {@link Knobs#BUILT_IN}.
 */
@ConfigurationProperties("gateway.resilience")
public record ResilienceProperties(
        @DefaultValue("true") boolean enabled,
        Knobs defaults,
        Map<String, Knobs> marketplaces,
        Map<String, Knobs> forwarders,
        Knobs backOffice,
        Knobs smtp) {

    public ResilienceProperties {
        marketplaces = marketplaces == null ? Map.of() : Map.copyOf(marketplaces);
        forwarders = forwarders == null ? Map.of() : Map.copyOf(forwarders);
    }

    /**
     * @param failureRateThreshold          percentage of failed calls in the window that opens the breaker
     * @param slidingWindowSize             calls the failure rate is computed over
     * @param minimumNumberOfCalls          calls needed before the rate counts at all
     * @param waitInOpenState               how long an open breaker refuses calls before letting a few through
     * @param permittedCallsInHalfOpenState trial calls that decide between closing and opening again
     * @param permitsPerSecond              calls per second to the system, at most
     */
    public record Knobs(Float failureRateThreshold, Integer slidingWindowSize, Integer minimumNumberOfCalls,
                        Duration waitInOpenState, Integer permittedCallsInHalfOpenState, Integer permitsPerSecond) {

        public static final Knobs BUILT_IN = new Knobs(50f, 20, 10, Duration.ofSeconds(30), 3, 50);

        /** This system's knobs, with what it leaves out taken from {@code fallback}. */
        Knobs over(Knobs fallback) {
            return new Knobs(
                    failureRateThreshold != null ? failureRateThreshold : fallback.failureRateThreshold,
                    slidingWindowSize != null ? slidingWindowSize : fallback.slidingWindowSize,
                    minimumNumberOfCalls != null ? minimumNumberOfCalls : fallback.minimumNumberOfCalls,
                    waitInOpenState != null ? waitInOpenState : fallback.waitInOpenState,
                    permittedCallsInHalfOpenState != null ? permittedCallsInHalfOpenState
                            : fallback.permittedCallsInHalfOpenState,
                    permitsPerSecond != null ? permitsPerSecond : fallback.permitsPerSecond);
        }
    }

    /** The knobs in force for one system. */
    Knobs knobsFor(RemoteSystem system) {
        Knobs base = defaults == null ? Knobs.BUILT_IN : defaults.over(Knobs.BUILT_IN);
        Knobs own = switch (system.kind()) {
            case MARKETPLACE -> marketplaces.get(system.code());
            case FORWARDER -> forwarders.get(system.code());
            case BACK_OFFICE -> backOffice;
            case SMTP -> smtp;
        };
        return own == null ? base : own.over(base);
    }
}
