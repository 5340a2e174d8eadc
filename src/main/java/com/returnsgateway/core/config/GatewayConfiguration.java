package com.returnsgateway.core.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Named for the routes' {@code {{bean:schedules.<timer>}}} placeholders. */
    @Bean
    Schedules schedules(GatewayProperties properties) {
        return Schedules.of(properties);
    }
}
