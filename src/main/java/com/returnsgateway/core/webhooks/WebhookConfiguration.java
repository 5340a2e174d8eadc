package com.returnsgateway.core.webhooks;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
public class WebhookConfiguration {

    /** The timer of routes/webhooks.camel.yaml, in milliseconds: {@code {{bean:webhookSchedules.sweepInterval}}}. */
    public record WebhookSchedules(long sweepInterval) {
    }

    @Bean
    WebhookSchedules webhookSchedules(WebhookSettings settings) {
        return new WebhookSchedules(settings.sweepInterval().toMillis());
    }

    /** Start-up stops, naming every setting to fix, when an endpoint cannot work (no url, no secret, a bad event). */
    @Bean
    WebhookSender webhookSender(WebhookSettings settings) {
        var problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Webhook settings cannot work:\n - " + String.join("\n - ", problems));
        }
        return new WebhookSender(settings.timeout());
    }
}
