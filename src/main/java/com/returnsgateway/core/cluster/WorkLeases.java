package com.returnsgateway.core.cluster;

import com.returnsgateway.core.cases.CaseQueue;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Leases on singleton work (an Amazon account's report or feed cycle) shared through the database, so that with
 * several instances only one runs a cycle at a time; a lease its holder stops renewing passes on when it runs out.
 */
@Component
public class WorkLeases {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String owner;

    public WorkLeases(JdbcClient jdbc, Clock clock, CaseQueue caseQueue) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.owner = caseQueue.instanceId();
    }

    /** Takes or renews the lease on {@code name} for {@code duration}; false when another instance holds it. */
    public boolean acquire(String name, Duration duration) {
        Instant now = clock.instant();
        int rows = jdbc.sql("""
                        INSERT INTO work_lease (name, owner, lease_until) VALUES (:name, :owner, :until)
                        ON CONFLICT (name) DO UPDATE SET owner = :owner, lease_until = :until
                        WHERE work_lease.owner = :owner OR work_lease.lease_until < :now""")
                .param("name", name)
                .param("owner", owner)
                .param("until", Timestamp.from(now.plus(duration)))
                .param("now", Timestamp.from(now))
                .update();
        return rows == 1;
    }
}
