package com.returnsgateway.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.testsupport.MigratedDatabase;
import com.returnsgateway.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Leases in the real database (work_lease): two instances, one clock both read, moved by hand. */
class WorkLeasesTest {

    private final JdbcClient jdbc = MigratedDatabase.jdbc();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final WorkLeases first = new WorkLeases(jdbc, clock, "first-" + run);
    private final WorkLeases second = new WorkLeases(jdbc, clock, "second-" + run);

    @Test
    void oneInstanceHoldsALeaseUntilItRunsOutThenTheOtherTakesIt() {
        String name = "marketplace-poll:m-" + run;
        assertThat(first.acquire(name, Duration.ofSeconds(30))).isTrue();
        assertThat(second.acquire(name, Duration.ofSeconds(30))).as("held by the first").isFalse();

        clock.advance(Duration.ofSeconds(20));
        assertThat(first.acquire(name, Duration.ofSeconds(30))).as("renewed by its holder").isTrue();
        clock.advance(Duration.ofSeconds(20));
        assertThat(second.acquire(name, Duration.ofSeconds(30))).as("the renewal counts from then").isFalse();

        clock.advance(Duration.ofSeconds(11));
        assertThat(second.acquire(name, Duration.ofSeconds(30))).as("run out: taken over").isTrue();
        assertThat(first.acquire(name, Duration.ofSeconds(30))).isFalse();
        assertThat(ownerOf(name)).isEqualTo("second-" + run);
    }

    @Test
    void releaseAllGivesBackOnlyThisInstancesLeases() {
        String mine = "returns-sweep-" + run;
        String alsoMine = "inbox:" + run;
        String theirs = "sftp-intercepts:" + run;
        assertThat(first.acquire(mine, Duration.ofMinutes(3))).isTrue();
        assertThat(first.acquire(alsoMine, Duration.ofMinutes(3))).isTrue();
        assertThat(second.acquire(theirs, Duration.ofMinutes(3))).isTrue();

        assertThat(first.releaseAll()).isEqualTo(2);

        assertThat(ownerOf(mine)).isNull();
        assertThat(ownerOf(alsoMine)).isNull();
        assertThat(ownerOf(theirs)).isEqualTo("second-" + run);
        assertThat(second.acquire(mine, Duration.ofMinutes(3))).as("taken over at once, without waiting").isTrue();
        assertThat(first.acquire(theirs, Duration.ofMinutes(3))).isFalse();
    }

    @Test
    void aLeaseLastsThreeIntervalsAndAtLeastThirtySeconds() {
        assertThat(WorkLeases.durationFor(Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(3));
        assertThat(WorkLeases.durationFor(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(30));
        assertThat(WorkLeases.durationFor(Duration.ofMillis(300))).isEqualTo(Duration.ofSeconds(30));

        String name = "tracking-sync:" + run;
        assertThat(first.acquireForInterval(name, 60_000)).isTrue();
        assertThat(jdbc.sql("SELECT lease_until FROM work_lease WHERE name = :name").param("name", name)
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(clock.instant().plus(Duration.ofMinutes(3)));
        assertThat(second.acquireForInterval(name, 60_000)).isFalse();
    }

    @Test
    void aLeasedConsumerPollsOnlyWhileItsInstanceHoldsTheLease() throws Exception {
        String name = "inbox:replies-" + run + "@localhost/INBOX";
        Recording firstPolls = new Recording();
        Recording secondPolls = new Recording();
        LeasedPollStrategy onFirst = new LeasedPollStrategy(first, name, Duration.ofMinutes(1), firstPolls);
        LeasedPollStrategy onSecond = new LeasedPollStrategy(second, name, Duration.ofMinutes(1), secondPolls);

        assertThat(onFirst.begin(null, null)).isTrue();
        assertThat(onSecond.begin(null, null)).as("the other instance skips its poll").isFalse();
        onFirst.commit(null, null, 2);
        assertThat(firstPolls.calls).containsExactly("begin", "commit 2");
        assertThat(secondPolls.calls).as("nothing reaches the watch of a skipped poll").isEmpty();

        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        assertThat(onSecond.begin(null, null)).as("the lease ran out: the other instance polls").isTrue();
        assertThat(onFirst.begin(null, null)).isFalse();
    }

    private String ownerOf(String name) {
        return jdbc.sql("SELECT owner FROM work_lease WHERE name = :name").param("name", name)
                .query(String.class).optional().orElse(null);
    }

    /** The wrapped strategy: what reached it. */
    private static final class Recording implements PollingConsumerPollStrategy {

        final List<String> calls = new ArrayList<>();

        @Override
        public boolean begin(Consumer consumer, Endpoint endpoint) {
            calls.add("begin");
            return true;
        }

        @Override
        public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            calls.add("commit " + polledMessages);
        }

        @Override
        public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
            calls.add("rollback");
            return false;
        }
    }
}
