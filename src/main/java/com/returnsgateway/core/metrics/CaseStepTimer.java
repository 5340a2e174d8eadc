package com.returnsgateway.core.metrics;

import com.returnsgateway.core.RouteVariables;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Times the steps of a case's work: each call of a {@code direct:} route by an exchange working on a case (variable
 * {@code caseId}), as {@code gateway.case.step} tagged with the step (the called route's id: shipment-status, decide,
 * decide-delivered, intercept, settle, mail-buyer, smtp-send, ...) and its outcome (ok, or failed when the step threw).
 * Nested steps are timed each on their own: decide includes the mail-buyer it calls. A histogram is published so a
 * dashboard computes percentiles across instances; its buckets span 1 ms to 2 minutes (the longest HTTP timeouts).
 */
public class CaseStepTimer extends EventNotifierSupport {

    private static final String DIRECT = "direct://";

    private final MeterRegistry meters;

    public CaseStepTimer(MeterRegistry meters) {
        this.meters = meters;
        // only "an exchange was sent to an endpoint" is wanted, and "sending" that Camel times it from: Camel creates
        // none of the other events for this notifier
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
    }

    /** "Sending" too: Camel times a call only when a notifier took its sending event. */
    @Override
    public boolean isEnabled(CamelEvent event) {
        if (event instanceof ExchangeSendingEvent sending) {
            return isCaseStep(sending.getEndpoint(), sending.getExchange());
        }
        return event instanceof ExchangeSentEvent sent && isCaseStep(sent.getEndpoint(), sent.getExchange());
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof ExchangeSentEvent sent)) {
            return;
        }
        String step = sent.getEndpoint().getEndpointUri().substring(DIRECT.length());
        int query = step.indexOf('?');
        if (query >= 0) {
            step = step.substring(0, query);
        }
        timer(step, sent.getExchange().isFailed() ? "failed" : "ok").record(sent.getTimeTaken(), TimeUnit.MILLISECONDS);
    }

    private static boolean isCaseStep(Endpoint endpoint, Exchange exchange) {
        return endpoint.getEndpointUri().startsWith(DIRECT) && exchange.getVariable(RouteVariables.CASE_ID) != null;
    }

    private Timer timer(String step, String outcome) {
        return Timer.builder("gateway.case.step")
                .description("time a step of a case's work took (a direct: route called with a case)")
                .tag("step", step)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(meters);
    }
}
