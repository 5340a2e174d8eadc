package com.returnsgateway.core.cluster;

import java.time.Duration;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code pollStrategy} of a polling consumer that one instance at a time may run (the buyer-reply inbox): a poll
 * begins only while this instance holds the lease {@code name}, taken or renewed at each poll; otherwise the poll is
 * skipped (Camel's consumer does not poll when {@link #begin} says false). Everything else goes to the strategy it
 * wraps (the poll watch that feeds the health).
 */
public final class LeasedPollStrategy implements PollingConsumerPollStrategy {

    private static final Logger log = LoggerFactory.getLogger(LeasedPollStrategy.class);

    private final WorkLeases leases;
    private final String name;
    private final Duration lease;
    private final PollingConsumerPollStrategy polls;

    /** {@code pollInterval}: the consumer's delay between polls; the lease lasts {@link WorkLeases#durationFor} it. */
    public LeasedPollStrategy(WorkLeases leases, String name, Duration pollInterval, PollingConsumerPollStrategy polls) {
        this.leases = leases;
        this.name = name;
        this.lease = WorkLeases.durationFor(pollInterval);
        this.polls = polls;
    }

    public String name() {
        return name;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        boolean mine;
        try {
            mine = leases.acquireForWork(name, lease);
        } catch (RuntimeException e) {
            // the database is away: not a failure of the polled system (its health stays its own); tried next poll
            log.warn("{}: could not take the lease, this poll is skipped: {}", name, e.toString());
            return false;
        }
        return mine && polls.begin(consumer, endpoint);
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        polls.commit(consumer, endpoint, polledMessages);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) throws Exception {
        return polls.rollback(consumer, endpoint, retryCounter, cause);
    }
}
