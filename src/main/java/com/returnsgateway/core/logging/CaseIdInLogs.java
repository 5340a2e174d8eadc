package com.returnsgateway.core.logging;

import com.returnsgateway.core.RouteVariables;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.springframework.stereotype.Component;

/**
 * Every step of every route runs with the case its exchange works on (the {@code caseId} variable) in the logging MDC,
 * so each log line of a case's work carries the case id: the case-work worker, the sweeps that split over waiting
 * cases, the mail steps they share, and the remote calls their beans make through exchanges of their own (which
 * carry no case id and keep the thread's). The id is read from the exchange before each step, so it follows
 * the exchange across threads (seda workers, split items, an asynchronous callback), and the value found before the
 * step is put back after it, so a pooled thread never keeps a finished case's id.
 */
@Component
public class CaseIdInLogs implements InterceptStrategy {

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        return new InCaseContext(target);
    }

    private static final class InCaseContext extends DelegateAsyncProcessor {

        InCaseContext(Processor target) {
            super(target);
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            String caseId = exchange.getVariable(RouteVariables.CASE_ID, String.class);
            if (caseId == null) {
                // an exchange of its own that a case's step started (a remote call through a producer template):
                // its lines belong to the case the thread works on, if any
                return super.process(exchange, callback);
            }
            CaseLogContext.Scope scope = CaseLogContext.open(caseId);
            boolean sync;
            try {
                sync = super.process(exchange, doneSync -> {
                    if (doneSync) {
                        scope.close();
                    } else {
                        CaseLogContext.clear(); // finished on another thread: the next step sets it there again
                    }
                    callback.done(doneSync);
                });
            } catch (RuntimeException | Error e) {
                scope.close();
                throw e;
            }
            if (!sync) {
                scope.close(); // the exchange goes on elsewhere; this thread is free for other work
            }
            return sync;
        }
    }
}
