package com.returnsgateway.core.resilience;

import com.returnsgateway.core.RouteVariables;
import com.returnsgateway.core.remote.RemoteCall;
import com.returnsgateway.core.remote.RemoteCallException;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The circuit breaker and rate limit around a call, as steps of the guarded-call routes (routes/remote-call.camel.yaml):
 * take a permit before the call, then tell the breaker how the call went. An I/O error, a timeout, HTTP 5xx or 429
 * count as failures of the system; any other answer (4xx included) shows the system is up.
 */
@Component
public class GuardSteps {

    private final RemoteGuard guard;

    public GuardSteps(RemoteGuard guard) {
        this.guard = guard;
    }

    /** Before an HTTP call (the body): its system lets it through, or the call fails at once, transiently. */
    public void acquireForCall(RemoteCall call, Exchange exchange) {
        exchange.setVariable(RouteVariables.REMOTE_PERMIT, guard.acquire(call.system()));
    }

    /** Before an email is sent. */
    public void acquireForSmtp(Exchange exchange) {
        exchange.setVariable(RouteVariables.REMOTE_PERMIT, guard.acquire(RemoteSystem.SMTP));
    }

    /** The call came back: a 5xx or 429 answer counts as a failure of the system, anything else as a success. */
    public void release(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        done(exchange, status != null && (status == 429 || status >= 500)
                ? RemoteCallException.transientFailure("HTTP " + status, null) : null);
    }

    /** The call failed (I/O, timeout, refused): the breaker counts it, and the failure goes on to the caller. */
    public void failed(Exchange exchange) throws Exception {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        done(exchange, failure);
        throw failure;
    }

    private static void done(Exchange exchange, Throwable failure) {
        RemoteGuard.Permit permit = exchange.getVariable(RouteVariables.REMOTE_PERMIT, RemoteGuard.Permit.class);
        if (permit != null) {
            exchange.removeVariable(RouteVariables.REMOTE_PERMIT); // told once, even when reading the answer fails next
            permit.done(failure);
        }
    }
}
