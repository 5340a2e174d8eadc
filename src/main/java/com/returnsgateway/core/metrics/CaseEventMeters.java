package com.returnsgateway.core.metrics;

import com.returnsgateway.core.cases.CaseEvent;
import com.returnsgateway.core.config.GatewayProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts what cases went through, from their {@link CaseEvent}s: intercepts by forwarder ({@code gateway.intercepts},
 * outcome requested, accepted or rejected) and refunds by currency ({@code gateway.refunds}, outcome sent, accepted
 * or rejected, with their amounts in {@code gateway.refunds.amount}).
 *
 * <p>Counted once the change an event tells of is committed: a step that fails after publishing rolls back and runs
 * again later, and would otherwise be counted twice. An event published outside a transaction counts at once.
 */
@Component
public class CaseEventMeters {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final String UNKNOWN = "unknown";

    private final MeterRegistry meters;
    private final Set<String> forwarders;

    public CaseEventMeters(MeterRegistry meters, GatewayProperties properties) {
        this.meters = meters;
        this.forwarders = Set.copyOf(properties.forwarders().keySet());
        // every configured forwarder has its series from the start, so a first intercept shows as an increase
        for (String forwarder : forwarders) {
            for (String outcome : new String[] {"requested", "accepted", "rejected"}) {
                intercepts(forwarder, outcome);
            }
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(CaseEvent event) {
        switch (event.type()) {
            case INTERCEPT_REQUESTED -> intercepts(forwarder(event), "requested").increment();
            case INTERCEPT_ACCEPTED -> intercepts(forwarder(event), "accepted").increment();
            case INTERCEPT_REJECTED -> intercepts(forwarder(event), "rejected").increment();
            case REFUND_SENT -> refund(event, "sent");
            case REFUND_ACCEPTED -> refund(event, "accepted");
            case REFUND_REJECTED -> refund(event, "rejected");
            default -> {
                // cases by status are counted from the database (StoredCounts)
            }
        }
    }

    private void refund(CaseEvent event, String outcome) {
        String currency = currency(event);
        Counter.builder("gateway.refunds")
                .description("refund instructions to marketplaces by currency: sent, then accepted or rejected")
                .tag("currency", currency)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
        BigDecimal amount = amount(event);
        if (amount != null) {
            DistributionSummary.builder("gateway.refunds.amount")
                    .description("amounts of the refunds, in their currency (never add up two currencies)")
                    .tag("currency", currency)
                    .tag("outcome", outcome)
                    .register(meters)
                    .record(amount.doubleValue());
        }
    }

    private Counter intercepts(String forwarder, String outcome) {
        return Counter.builder("gateway.intercepts")
                .description("intercept requests to forwarders: requested, then accepted or rejected")
                .tag("forwarder", forwarder)
                .tag("outcome", outcome)
                .register(meters);
    }

    /** Only a configured forwarder's code becomes a tag value: the tag's values stay few and known. */
    private String forwarder(CaseEvent event) {
        String forwarder = event.detail("forwarder");
        return forwarder != null && forwarders.contains(forwarder) ? forwarder : UNKNOWN;
    }

    private static String currency(CaseEvent event) {
        String currency = event.detail("currency");
        if (currency == null) {
            return UNKNOWN;
        }
        String code = currency.strip().toUpperCase(Locale.ROOT);
        return CURRENCY.matcher(code).matches() ? code : UNKNOWN;
    }

    private static BigDecimal amount(CaseEvent event) {
        String amount = event.detail("amount");
        if (amount == null) {
            return null;
        }
        try {
            return new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
