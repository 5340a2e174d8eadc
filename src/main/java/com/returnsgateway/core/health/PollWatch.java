package com.returnsgateway.core.health;

import com.returnsgateway.core.logging.PiiMask;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the polls of one polling consumer (the IMAP inbox, an SFTP forwarder's folder): set as the endpoint's
 * {@code pollStrategy} it records the last poll that worked and the last that failed, for the health of the remote
 * system; set as its {@code exceptionHandler} it logs an outage once when it starts and once when it ends, instead of
 * a stack trace at every poll. Errors of a message or file the route could not process are logged in full, as Camel
 * would.
 */
public final class PollWatch implements PollingConsumerPollStrategy, ExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PollWatch.class);

    /** What the last polls said; times are null until such a poll happened. */
    public record Outcome(Instant lastSuccess, Instant lastFailure, String lastError) {

        public boolean failing() {
            return lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess));
        }
    }

    private final String system;
    private final Clock clock;
    private final PollingConsumerPollStrategy component;
    private volatile Outcome outcome = new Outcome(null, null, null);

    /**
     * {@code component}: the poll strategy the component would use, still asked at every step (an SFTP consumer's
     * disconnects after a failed poll, so the next poll reconnects instead of reusing a broken session).
     */
    PollWatch(String system, Clock clock, PollingConsumerPollStrategy component) {
        this.system = system;
        this.clock = clock;
        this.component = component;
    }

    public String system() {
        return system;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** True once a poll has happened, successful or not. */
    public boolean polled() {
        Outcome now = outcome;
        return now.lastSuccess() != null || now.lastFailure() != null;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return component.begin(consumer, endpoint);
    }

    @Override
    public synchronized void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        component.commit(consumer, endpoint, polledMessages);
        boolean wasFailing = outcome.failing();
        outcome = new Outcome(clock.instant(), outcome.lastFailure(), outcome.lastError());
        if (wasFailing) {
            log.info("{}: polling works again", system);
        }
    }

    @Override
    public synchronized boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause)
            throws Exception {
        boolean wasFailing = outcome.failing();
        String error = PiiMask.mask(String.valueOf(cause.getMessage() == null ? cause : cause.getMessage()));
        outcome = new Outcome(outcome.lastSuccess(), clock.instant(), error);
        if (!wasFailing) {
            log.warn("{}: polling failed, tried again at each poll until it works (health shows it DOWN): {}", system,
                    error);
        }
        return component.rollback(consumer, endpoint, retryCounter, cause);
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exchange == null && outcome.failing()) {
            // a failed poll, told when the outage began (rollback)
            log.debug("{}: {}", system, message, exception);
        } else {
            log.error("{}: {}", system, message == null ? "processing failed" : message, exception);
        }
    }
}
