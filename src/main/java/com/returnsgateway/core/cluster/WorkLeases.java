package com.returnsgateway.core.cluster;

import com.returnsgateway.core.cases.CaseQueue;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Leases on singleton work (a marketplace's poll, an Amazon account's report or feed cycle, the inbox, ...) shared
 * through the database, so that with several instances only one does that work at a time; a lease its holder stops
 * renewing passes on when it runs out, and a stopping instance hands its leases over at once ({@link #releaseAll}).
 * The owner is the instance id of the case claims ({@link CaseQueue#instanceId()}), stable across restarts, so a
 * restarted instance takes back its own leases at once.
 */
@Component
public class WorkLeases {

    /** A lease lasts this many intervals of the work it guards: a tick or two may be late without losing it. */
    static final int INTERVALS_PER_LEASE = 3;
    /** ... and at least this long, so a fast timer does not make a lease that a pause of the JVM outlasts. */
    static final Duration MIN_LEASE = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(WorkLeases.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String owner;

    @Autowired
    public WorkLeases(JdbcClient jdbc, Clock clock, CaseQueue caseQueue) {
        this(jdbc, clock, caseQueue.instanceId());
    }

    WorkLeases(JdbcClient jdbc, Clock clock, String owner) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.owner = owner;
    }

    /** The lease of work that runs every {@code interval}: three intervals, at least 30 s. */
    public static Duration durationFor(Duration interval) {
        Duration lease = interval.multipliedBy(INTERVALS_PER_LEASE);
        return lease.compareTo(MIN_LEASE) < 0 ? MIN_LEASE : lease;
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

    /**
     * For a route's filter ({@code workLeases.acquireForInterval('returns-sweep', {{bean:...Millis}})}): takes or
     * renews the lease on {@code name} for {@link #durationFor} the route's timer period; false when another instance
     * holds it, which is routine with several instances and only logged at debug.
     */
    public boolean acquireForInterval(String name, long intervalMillis) {
        return acquireForWork(name, durationFor(Duration.ofMillis(intervalMillis)));
    }

    /**
     * {@link #acquire}, for work that this instance skips when another one holds the lease: routine with several
     * instances, so only logged at debug.
     */
    public boolean acquireForWork(String name, Duration duration) {
        boolean mine = acquire(name, duration);
        if (!mine) {
            log.debug("{}: another instance holds the lease; skipped here", name);
        }
        return mine;
    }

    /** Gives back every lease this instance holds (on a graceful stop), so another instance takes over at once. */
    public int releaseAll() {
        return jdbc.sql("DELETE FROM work_lease WHERE owner = :owner").param("owner", owner).update();
    }

    /** This instance, as the {@code owner} of its leases. */
    public String owner() {
        return owner;
    }
}
