package com.returnsgateway.core.config;

/**
 * The route timers of the core, in milliseconds, for {@code {{bean:schedules.intakeInterval}}} and the like in
 * routes/*.camel.yaml: a timer then follows {@link GatewayProperties}, defaults included, instead of a default of its
 * own in the route.
 */
public record Schedules(long dispatchInterval, long dispatchDelay, long intakeInterval, long intakeDelay,
                        long interceptFollowUpInterval) {

    public static Schedules of(GatewayProperties properties) {
        return new Schedules(properties.dispatcher().interval().toMillis(),
                properties.dispatcher().initialDelay().toMillis(),
                properties.intake().pollInterval().toMillis(),
                properties.intake().initialDelay().toMillis(),
                properties.intercepts().followUpInterval().toMillis());
    }
}
