package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.core.resilience.RemoteGuard;
import com.returnsgateway.sandbox.SftpForwarderSimulator;
import com.returnsgateway.testsupport.Http;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code /actuator/health} tells which remote system is down; the liveness and readiness probes do not change for it,
 * so an orchestrator neither restarts the gateway nor takes it out of its load balancer because a forwarder is away.
 */
class RemoteSystemsHealthFlowTest extends SandboxGatewayTest {

    private final Http metrics = sandbox.as("metrics", "metrics-sandbox");

    @Autowired
    RemoteGuard remoteGuard;
    @Autowired
    SftpForwarderSimulator sftp;

    @AfterEach
    void everySystemBackUp() {
        sftp.start();
        // the unreachable forwarder's breaker stays open for 10 minutes: later tests in this context see it closed
        remoteGuard.resetAll();
    }

    @Test
    void everyRemoteSystemIsListedUpWithItsDetailsForTheMetricsRoleOnly() {
        JsonNode systems = awaitRemoteSystems(s -> s.has("imap") && s.has("forwarder-sftp-cargo"));
        for (String system : new String[] {"forwarder-4px", "forwarder-generic-express", "marketplace-sandbox-us",
                "back-office", "smtp"}) {
            assertThat(systems.get(system).get("status").asString()).as(system).isEqualTo("UP");
            assertThat(systems.get(system).get("details").get("circuit").asString()).as(system).isEqualTo("CLOSED");
        }
        assertThat(systems.get("imap").get("status").asString()).isEqualTo("UP");
        assertThat(systems.get("imap").get("details").has("lastSuccessfulPoll")).isTrue();
        assertThat(systems.get("forwarder-sftp-cargo").get("details").has("lastSuccessfulPoll")).isTrue();

        JsonNode anonymous = sandbox.get("/actuator/health").json();
        assertThat(anonymous.has("components")).as("no system names for anonymous callers").isFalse();
        // the overall status may be DOWN here: another test of this class leaves unreachable-express's breaker open
        assertThat(anonymous.get("status").asString()).isIn("UP", "DOWN");
        assertThat(metrics.get("/actuator/health/remote-systems").json().get("components").get("remoteSystems")
                .get("components").get("forwarder-4px").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void aForwarderWhoseBreakerOpenedIsDownWhileLivenessAndReadinessStayUp() {
        // two cases of a forwarder that refuses every connection: its breaker opens after two failed calls
        for (int i = 0; i < 2; i++) {
            api.post("/api/returns", returnObject("sandbox-us", "USD", "20.00",
                    Map.of("forwarder", "unreachable-express", "waybill", waybill("UX"))));
        }
        JsonNode systems = awaitRemoteSystems(s -> "DOWN".equals(s.get("forwarder-unreachable-express")
                .get("status").asString()));
        JsonNode down = systems.get("forwarder-unreachable-express").get("details");
        assertThat(down.get("circuit").asString()).isEqualTo("OPEN");
        assertThat(down.get("nextTryIn").asString()).endsWith(" s");
        assertThat(down.get("nextTryAt").asString()).isNotBlank();
        assertThat(systems.get("forwarder-generic-express").get("status").asString()).isEqualTo("UP");

        Http.Reply overall = metrics.get("/actuator/health");
        assertThat(overall.status()).as("monitoring sees the outage").isEqualTo(503);
        assertThat(overall.json().get("status").asString()).isEqualTo("DOWN");
        assertProbesUp();
    }

    @Test
    void anSftpForwarderThatCannotBeReachedIsDownUntilItsNextPollWorks() {
        awaitRemoteSystems(s -> s.has("forwarder-sftp-cargo")
                && "UP".equals(s.get("forwarder-sftp-cargo").get("status").asString()));
        sftp.stop();
        JsonNode systems = awaitRemoteSystems(s -> "DOWN".equals(s.get("forwarder-sftp-cargo").get("status")
                .asString()));
        JsonNode down = systems.get("forwarder-sftp-cargo").get("details");
        assertThat(down.get("lastError").asString()).isNotBlank();
        assertThat(down.has("lastFailedPoll")).isTrue();
        assertProbesUp();

        sftp.start();
        awaitRemoteSystems(s -> "UP".equals(s.get("forwarder-sftp-cargo").get("status").asString()));
    }

    private void assertProbesUp() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            Http.Reply reply = sandbox.get(probe);
            assertThat(reply.status()).as(probe).isEqualTo(200);
            assertThat(reply.json().get("status").asString()).as(probe).isEqualTo("UP");
        }
    }

    private JsonNode awaitRemoteSystems(java.util.function.Predicate<JsonNode> condition) {
        java.util.concurrent.atomic.AtomicReference<JsonNode> systems = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(FLOW_TIMEOUT).until(() -> {
            JsonNode health = metrics.get("/actuator/health").json();
            JsonNode remote = health.path("components").path("remoteSystems").path("components");
            systems.set(remote);
            return !remote.isMissingNode() && condition.test(remote);
        });
        return systems.get();
    }
}
