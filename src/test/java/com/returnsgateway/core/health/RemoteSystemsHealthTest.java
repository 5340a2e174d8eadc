package com.returnsgateway.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.core.config.GatewayProperties.Resilience;
import com.returnsgateway.core.config.GatewayProperties.Resilience.Knobs;
import com.returnsgateway.core.resilience.RemoteGuard;
import com.returnsgateway.core.resilience.RemoteSystem;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/** Each remote system is as its breaker says, and a polled one as its last poll says. */
class RemoteSystemsHealthTest {

    private static final RemoteSystem FORWARDER = RemoteSystem.forwarder("4px");
    private static final RemoteSystem SFTP = RemoteSystem.forwarder("sftp-cargo");

    private final RemoteGuard guard = new RemoteGuard(new Resilience(true,
            new Knobs(50f, 2, 2, Duration.ofMinutes(5), 1, null), Map.of(), Map.of(), null, null),
            new SimpleMeterRegistry());
    private final PollWatches polls = new PollWatches(Clock.systemUTC());
    private final RemoteSystemsHealth health = new RemoteSystemsHealth(guard, polls, Clock.systemUTC());

    @Test
    void aClosedBreakerIsUpAndAnOpenOneDownWithTheTimeUntilTheNextTry() {
        guard.register(FORWARDER);
        guard.register(RemoteSystem.SMTP);
        assertThat(health("forwarder-4px").getStatus()).isEqualTo(Status.UP);
        assertThat(health("forwarder-4px").getDetails()).containsEntry("circuit", "CLOSED");

        guard.acquire(FORWARDER).done(new IOException("Connection refused"));
        guard.acquire(FORWARDER).done(new IOException("Connection refused"));

        Health down = health("forwarder-4px");
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("circuit", "OPEN").containsEntry("failedCallsPercent", 100)
                .containsKeys("nextTryIn", "nextTryAt");
        assertThat((String) down.getDetails().get("nextTryIn")).matches("(2[0-9][0-9]|300) s");
        assertThat(health("smtp").getStatus()).as("the others are not touched").isEqualTo(Status.UP);
    }

    @Test
    void aHalfOpenBreakerIsUpWhileTrialCallsDecide() {
        RemoteGuard quick = new RemoteGuard(new Resilience(true, new Knobs(50f, 2, 2, Duration.ofMillis(50), 1, null),
                Map.of(), Map.of(), null, null), new SimpleMeterRegistry());
        quick.acquire(FORWARDER).done(new IOException("Connection refused"));
        quick.acquire(FORWARDER).done(new IOException("Connection refused"));
        // once the open state's wait is over, the next call is a trial call
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> quick.acquire(FORWARDER) != null);

        Health halfOpen = ((HealthIndicator) new RemoteSystemsHealth(quick, polls, Clock.systemUTC())
                .getContributor("forwarder-4px")).health();
        assertThat(halfOpen.getStatus()).isEqualTo(Status.UP);
        assertThat(halfOpen.getDetails()).containsEntry("circuit", "HALF_OPEN").containsKey("note");
    }

    @Test
    void aPolledSystemIsDownWhileItsLastPollFailedAndListedOnlyOnceItPolled() throws Exception {
        PollWatch imap = polls.watch("imap");
        assertThat(health.getContributor("imap")).as("not polled yet").isNull();

        imap.commit(null, null, 0);
        assertThat(health("imap").getStatus()).isEqualTo(Status.UP);
        assertThat(health("imap").getDetails()).containsKey("lastSuccessfulPoll");

        imap.rollback(null, null, 0, new IllegalStateException("Connection refused: jane.doe@example.com"));
        Health down = health("imap");
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsKeys("lastSuccessfulPoll", "lastFailedPoll")
                .containsEntry("lastError", "Connection refused: j***@example.com");

        imap.commit(null, null, 3);
        assertThat(health("imap").getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void anSftpForwarderIsDownWhenItsPollsFailThoughItsBreakerNeverOpens() throws Exception {
        guard.register(SFTP);
        polls.watch(SFTP.id()).rollback(null, null, 0, new IOException("Auth fail"));

        Health sftp = health("forwarder-sftp-cargo");
        assertThat(sftp.getStatus()).isEqualTo(Status.DOWN);
        assertThat(sftp.getDetails()).containsEntry("circuit", "CLOSED").containsEntry("lastError", "Auth fail");
        assertThat(health.stream().map(entry -> entry.name())).as("one entry for the forwarder")
                .containsOnlyOnce("forwarder-sftp-cargo");
    }

    private Health health(String name) {
        HealthIndicator indicator = (HealthIndicator) health.getContributor(name);
        assertThat(indicator).as(name).isNotNull();
        return indicator.health();
    }
}
