package com.returnsgateway.core.offer;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NegotiationProperties.class)
public class NegotiationConfiguration {

    @Bean
    NegotiationPolicy negotiationPolicy(NegotiationProperties properties) {
        return new NegotiationPolicy(properties);
    }

    /**
     * With offers off and no secret set, links are signed with a key of this run (none is sent); with offers on, a
     * missing secret stops start-up.
     */
    @Bean
    OfferLinkSigner offerLinkSigner(NegotiationProperties properties) {
        String secret = properties.linkSecret();
        if (!properties.enabled() && (secret == null || secret.isBlank())) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = Base64.getEncoder().encodeToString(random);
        }
        return new OfferLinkSigner(secret);
    }

    /** Named for {@code {{bean:offerSchedule.sweepInterval}}} in routes/offers.camel.yaml (milliseconds). */
    @Bean
    OfferSchedule offerSchedule(NegotiationProperties properties) {
        return new OfferSchedule(properties.sweepInterval().toMillis());
    }

    public record OfferSchedule(long sweepInterval) {
    }
}
