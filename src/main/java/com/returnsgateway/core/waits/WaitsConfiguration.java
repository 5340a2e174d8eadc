package com.returnsgateway.core.waits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(WaitSettings.class)
public class WaitsConfiguration {

    /** The timers of routes/waits.camel.yaml, in milliseconds: {@code {{bean:waitSchedules.sweepInterval}}}. */
    public record WaitSchedules(long sweepInterval) {
    }

    @Bean
    WaitSchedules waitSchedules(WaitSettings settings) {
        return new WaitSchedules(settings.sweepInterval().toMillis());
    }
}
