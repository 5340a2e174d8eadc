package com.returnsgateway.core.cases;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.model.ReturnCase;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hands ACTIVE cases to the workers. A case is claimed in the database (a lease), so two instances never work on
 * it at once and a dead instance's cases come back when its lease runs out. At most two cases per worker are
 * claimed ahead, so a backlog of thousands stays in the database, not in memory.
 */
@Component
public class CaseQueue {

    private static final Logger log = LoggerFactory.getLogger(CaseQueue.class);

    private final CaseRepository repository;
    private final GatewayProperties properties;
    private final Clock clock;
    private final String instanceId;
    private final AtomicInteger inFlight = new AtomicInteger();

    public CaseQueue(CaseRepository repository, GatewayProperties properties, Clock clock,
                     @Value("${server.port:8080}") int port) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        this.instanceId = properties.instanceId().isBlank() ? hostName() + ":" + port : properties.instanceId();
    }

    /**
     * An instance id is stable across restarts (host and port, or {@code gateway.instance-id}), so what this
     * instance held when it died or stopped is taken back at once rather than after the lease runs out.
     */
    @PostConstruct
    void takeBackClaimsOfPreviousRun() {
        int released = repository.releaseAll(instanceId);
        if (released > 0) {
            log.info("Resuming {} case(s) that {} was working on when it last stopped", released, instanceId);
        }
    }

    public List<Claim> claimDue() {
        int room = properties.workers() * 2 - inFlight.get();
        int limit = Math.min(room, properties.dispatcher().batchSize());
        if (limit <= 0) {
            return List.of();
        }
        List<Claim> claimed = repository.claimDue(instanceId, properties.dispatcher().lease(), limit, clock.instant());
        inFlight.addAndGet(claimed.size());
        return claimed;
    }

    /**
     * Before each step: extends the lease, or says the case is no longer this worker's (it waited longer than the
     * lease, e.g. on a database that was away, and another worker has claimed the case since).
     */
    public boolean renew(Claim claim) {
        return repository.renew(claim, properties.dispatcher().lease(), clock.instant());
    }

    /** {@link #renew} and the case as it is now, in one statement; empty when the case is another worker's now. */
    public Optional<ReturnCase> renewAndLoad(Claim claim) {
        return repository.renewAndFind(claim, properties.dispatcher().lease(), clock.instant());
    }

    /** The worker is done with the case: the claim is given back (a no-op when another worker holds it now). */
    public void release(Claim claim) {
        repository.release(claim);
        inFlight.decrementAndGet();
    }

    /** The claim was already cleared by a retry schedule; only the local count changes. */
    void forget() {
        inFlight.decrementAndGet();
    }

    public String instanceId() {
        return instanceId;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "gateway";
        }
    }
}
