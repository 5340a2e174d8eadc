package com.returnsgateway.core.resilience;

import com.returnsgateway.core.config.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Circuit breakers and rate limits per remote system, put around the routes' outbound steps. */
@Configuration(proxyBeanMethods = false)
public class ResilienceConfiguration {

    @Bean
    RemoteGuard remoteGuard(GatewayProperties gateway, ObjectProvider<MeterRegistry> meters) {
        RemoteGuard guard = new RemoteGuard(gateway.resilience(), meters.getIfAvailable(SimpleMeterRegistry::new));
        gateway.marketplaces().keySet().forEach(code -> guard.register(RemoteSystem.marketplace(code)));
        gateway.forwarders().forEach((code, forwarder) -> {
            if (!forwarder.isSftp()) {
                guard.register(RemoteSystem.forwarder(code));
            }
        });
        guard.register(RemoteSystem.BACK_OFFICE);
        guard.register(RemoteSystem.SMTP);
        return guard;
    }

    /** Camel picks InterceptStrategy beans up from the registry and applies them to every route. */
    @Bean
    RemoteCallGuards remoteCallGuards(RemoteGuard guard) {
        return new RemoteCallGuards(guard);
    }
}
