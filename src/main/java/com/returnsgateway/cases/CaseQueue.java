package com.returnsgateway.cases;

import com.returnsgateway.config.GatewayProperties;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Hands ACTIVE cases to the workers. A case is claimed in the database (a lease), so two instances never work on
 * it at once and a dead instance's cases come back when its lease runs out. At most two cases per worker are
 * claimed ahead, so a backlog of thousands stays in the database, not in memory.
 */
@Component
public class CaseQueue {

    private final CaseRepository repository;
    private final GatewayProperties properties;
    private final Clock clock;
    private final String instanceId;
    private final AtomicInteger inFlight = new AtomicInteger();

    public CaseQueue(CaseRepository repository, GatewayProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        this.instanceId = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public List<String> claimDue() {
        int room = properties.workers() * 2 - inFlight.get();
        int limit = Math.min(room, properties.dispatcher().batchSize());
        if (limit <= 0) {
            return List.of();
        }
        List<String> claimed = repository.claimDue(instanceId, properties.dispatcher().lease(), limit, clock.instant());
        inFlight.addAndGet(claimed.size());
        return claimed;
    }

    public void release(String caseId) {
        repository.release(caseId, instanceId);
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
