package com.returnsgateway.core.health;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;
import org.springframework.stereotype.Component;

/**
 * The {@link PollWatch} of each polling consumer that reaches a remote system, by the system's health name
 * ({@code imap}, {@code forwarder-<code>} for an SFTP forwarder). A consumer that cannot connect stays started and only
 * skips its polls, so its health comes from here.
 */
@Component
public class PollWatches {

    private final Clock clock;
    private final Map<String, PollWatch> watches = new ConcurrentHashMap<>();

    public PollWatches(Clock clock) {
        this.clock = clock;
    }

    /** The watch of the system's consumer, to set as its {@code pollStrategy} and {@code exceptionHandler}. */
    public PollWatch watch(String system) {
        return watch(system, new DefaultPollingConsumerPollStrategy());
    }

    /** As {@link #watch(String)}, for a consumer whose component has a poll strategy of its own (SFTP's). */
    public PollWatch watch(String system, PollingConsumerPollStrategy component) {
        return watches.computeIfAbsent(system, name -> new PollWatch(name, clock, component));
    }

    /** The watch of a system whose consumer has polled at least once. */
    public Optional<PollWatch> polled(String system) {
        return Optional.ofNullable(watches.get(system)).filter(PollWatch::polled);
    }

    public Collection<PollWatch> all() {
        return watches.values();
    }
}
