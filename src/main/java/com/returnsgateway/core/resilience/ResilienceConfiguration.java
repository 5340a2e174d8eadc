package com.returnsgateway.core.resilience;

import com.returnsgateway.core.config.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Circuit breakers and rate limits per remote system, taken by the guarded-call routes (routes/remote-call.camel.yaml). */
@Configuration(proxyBeanMethods = false)
public class ResilienceConfiguration {

    @Bean
    RemoteGuard remoteGuard(GatewayProperties gateway, ObjectProvider<MeterRegistry> meters) {
        RemoteGuard guard = new RemoteGuard(gateway.resilience(), meters.getIfAvailable(SimpleMeterRegistry::new));
        gateway.marketplaces().keySet().forEach(code -> guard.register(RemoteSystem.marketplace(code)));
        gateway.forwarders().keySet().forEach(code -> guard.register(RemoteSystem.forwarder(code)));
        guard.register(RemoteSystem.BACK_OFFICE);
        guard.register(RemoteSystem.SMTP);
        return guard;
    }
}
