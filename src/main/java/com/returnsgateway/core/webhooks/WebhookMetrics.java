package com.returnsgateway.core.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code gateway.webhook.deliveries} (tags endpoint, outcome: delivered, retry, failed) counts attempts' outcomes;
 * {@code gateway.webhook.pending} (tag endpoint) shows the pending deliveries as the last sweep counted them, so a
 * scrape reads a number and never queries the database.
 */
@Component
public class WebhookMetrics {

    public enum Outcome { DELIVERED, RETRY, FAILED }

    private final MeterRegistry meters;
    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();

    public WebhookMetrics(MeterRegistry meters, WebhookSettings settings) {
        this.meters = meters;
        // every endpoint's meters exist from the start, at zero, so a dashboard shows them before the first event
        settings.active().keySet().forEach(endpoint -> {
            pendingOf(endpoint);
            for (Outcome outcome : Outcome.values()) {
                counter(endpoint, outcome);
            }
        });
    }

    public void count(String endpoint, Outcome outcome) {
        counter(endpoint, outcome).increment();
    }

    /** The pending deliveries counted by a sweep; an endpoint missing from the counts has none. */
    public void pending(Map<String, Long> counts) {
        pending.forEach((endpoint, value) -> value.set(counts.getOrDefault(endpoint, 0L)));
        counts.forEach((endpoint, count) -> pendingOf(endpoint).set(count));
    }

    private AtomicLong pendingOf(String endpoint) {
        return pending.computeIfAbsent(endpoint, name -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("gateway.webhook.pending", value, AtomicLong::get)
                    .description("webhook deliveries waiting for a (next) attempt, as the last sweep counted them")
                    .tag("endpoint", name)
                    .register(meters);
            return value;
        });
    }

    private Counter counter(String endpoint, Outcome outcome) {
        return Counter.builder("gateway.webhook.deliveries")
                .description("webhook delivery attempts by outcome: delivered, retry (failed, tried again), failed"
                        + " (given up)")
                .tag("endpoint", endpoint)
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .register(meters);
    }
}
