package com.returnsgateway.core.cluster;

import com.returnsgateway.core.config.PollersStopFirst;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On a graceful stop, this instance's work leases are given back as soon as its pollers have stopped
 * ({@link PollersStopFirst}, the phase just above), so another instance takes the marketplaces, the inbox and the
 * other singleton work over at its next tick instead of when the leases run out. The database is still there: it
 * goes only when the beans are destroyed, after every phase has stopped. A killed instance releases nothing; its
 * leases pass on when they run out.
 */
@Component
public class LeasesHandedOverOnStop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeasesHandedOverOnStop.class);

    private final WorkLeases leases;
    private volatile boolean running;

    public LeasesHandedOverOnStop(WorkLeases leases) {
        this.leases = leases;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        try {
            int released = leases.releaseAll();
            if (released > 0) {
                log.info("Handed over {} work lease(s) of {}: another instance takes that work over at once",
                        released, leases.owner());
            }
        } catch (RuntimeException e) {
            // the leases run out by themselves: the other instances take over then
            log.warn("Could not hand over the work leases of {}; they pass on when they run out: {}", leases.owner(),
                    e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Just below {@link PollersStopFirst}: stopped once no poller can take a lease again. */
    @Override
    public int getPhase() {
        return PollersStopFirst.PHASE - 1;
    }
}
