package com.returnsgateway.core.resilience;

import com.returnsgateway.core.remote.RemoteCallException;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

/**
 * Puts the remote system's circuit breaker and rate limiter around each step that calls outside, found by its step
 * id in routes/*.camel.yaml, so the routes keep their shape. An I/O error, a timeout, HTTP 5xx or 429 counts as a
 * failure of the system; any other answer (4xx included) shows the system is up.
 */
public class RemoteCallGuards implements InterceptStrategy {

    /** The guarded steps, and which system each calls. */
    static final Map<String, Function<Exchange, RemoteSystem>> STEPS = Map.of(
            "intake-fetch-page", e -> RemoteSystem.marketplace(e.getVariable("marketplace", String.class)),
            "settle-refund-call", e -> RemoteSystem.marketplace(e.getVariable("marketplace", String.class)),
            "shipment-status-call", e -> RemoteSystem.forwarder(e.getVariable("forwarder", String.class)),
            "intercept-call", e -> RemoteSystem.forwarder(e.getVariable("forwarder", String.class)),
            "settle-reship-call", e -> RemoteSystem.BACK_OFFICE,
            "mail-send-smtp", e -> RemoteSystem.SMTP);

    private final RemoteGuard guard;

    public RemoteCallGuards(RemoteGuard guard) {
        this.guard = guard;
    }

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        Function<Exchange, RemoteSystem> system = definition.getId() == null ? null : STEPS.get(definition.getId());
        return system == null ? target : new Guarded(target, system);
    }

    private final class Guarded extends DelegateAsyncProcessor {

        private final Function<Exchange, RemoteSystem> systemOf;

        Guarded(Processor target, Function<Exchange, RemoteSystem> systemOf) {
            super(target);
            this.systemOf = systemOf;
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            RemoteGuard.Permit permit;
            try {
                permit = guard.acquire(systemOf.apply(exchange));
            } catch (RemoteCallException refused) {
                exchange.setException(refused);
                callback.done(true);
                return true;
            }
            return processor.process(exchange, doneSync -> {
                permit.done(failureOf(exchange));
                callback.done(doneSync);
            });
        }
    }

    static Throwable failureOf(Exchange exchange) {
        if (exchange.getException() != null) {
            return exchange.getException();
        }
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status != null && (status == 429 || status >= 500)) {
            return RemoteCallException.transientFailure("HTTP " + status, null);
        }
        return null;
    }
}
