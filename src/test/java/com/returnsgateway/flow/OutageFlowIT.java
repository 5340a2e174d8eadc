package com.returnsgateway.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.returnsgateway.core.db.EmbeddedPostgresControl;
import com.returnsgateway.sandbox.SandboxMailServer;
import com.returnsgateway.sandbox.SftpForwarderSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Whole systems away for a while, then back: the SMTP server, the SFTP forwarder, the database. */
class OutageFlowIT extends FaultInjectionTest {

    @Autowired
    SandboxMailServer smtp;
    @Autowired
    SftpForwarderSimulator sftp;
    @Autowired
    EmbeddedPostgresControl database;

    private ObjectNode lostParcelReturn() {
        String waybill = "GE" + id();
        ObjectNode request = SandboxGatewayTest.returnObject("sandbox-us", "USD", "31.00",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        REMOTE.stubFor(get(urlPathEqualTo(GENERIC + "/shipments/" + waybill)).atPriority(2)
                .willReturn(answer("{\"waybill\": \"" + waybill + "\", \"status\": \"Lost\"}")));
        return request;
    }

    @Test
    void smtpDownThenUp() {
        ObjectNode request = lostParcelReturn();
        String buyer = request.get("buyer").get("email").asString();
        smtp.stop();
        try {
            api.post("/api/returns", request);
            JsonNode failing = caseWhere(request, c -> attemptsFailed(c) > 0);
            assertThat(SandboxGatewayTest.timelineText(failing)).contains("next attempt at");
        } finally {
            smtp.start();
        }
        JsonNode done = settled(request);

        assertThat(done.get("status").asString()).isEqualTo("REFUNDED");
        await().atMost(FLOW_TIMEOUT).until(() -> smtp.mails().stream().anyMatch(m -> m.isFor(buyer)));
        assertThat(smtp.mails()).filteredOn(m -> m.isFor(buyer)).hasSize(1);
        List<?> refunds = received("POST", MARKETPLACE + "/refunds", request.get("returnId").asString());
        assertThat(refunds).hasSize(1);
        report("SMTP down then up -> " + done.get("status").asString() + " after " + (attemptsFailed(done) + 1)
                + " attempts, 1 buyer email, " + refunds.size() + " refund");
    }

    @Test
    void sftpDownThenUp() {
        String waybill = "SC" + id();
        assertThat(sandbox.put("/sandbox/forwarders/sftp-cargo/shipments/" + waybill,
                Map.of("status", "RECEIVED", "interceptable", true)).status()).isEqualTo(200);
        ObjectNode request = SandboxGatewayTest.returnObject("sandbox-eu", "EUR", "45.00",
                Map.of("forwarder", "sftp-cargo", "waybill", waybill));
        // the status file arrives first; then the forwarder's server goes away before the intercept goes out
        await().atMost(FLOW_TIMEOUT).until(() -> sandbox.get("/sandbox/forwarders/sftp-cargo/shipments/" + waybill)
                .status() == 200 && statusFileRead(waybill));
        sftp.stop();
        try {
            api.post("/api/returns", request);
            caseWhere(request, c -> "AWAITING_FORWARDER".equals(c.get("status").asString()));
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        } finally {
            sftp.start();
        }
        JsonNode done = caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString()));

        List<JsonNode> intercepts = new java.util.ArrayList<>();
        sandbox.get("/sandbox/forwarders/sftp-cargo/intercepts").json().forEach(i -> {
            if (waybill.equals(i.get("waybill").asString())) {
                intercepts.add(i);
            }
        });
        assertThat(intercepts).hasSize(1);
        List<JsonNode> refunds = new java.util.ArrayList<>();
        sandbox.get("/sandbox/marketplace/refunds?returnId=" + request.get("returnId").asString()).json()
                .forEach(refunds::add);
        assertThat(refunds).hasSize(1);
        report("SFTP down (2 s) then up -> " + done.get("status").asString() + ", " + intercepts.size()
                + " intercept, " + refunds.size() + " refund");
    }

    private boolean statusFileRead(String waybill) {
        try (var files = java.nio.file.Files.walk(sftp.root())) {
            return files.filter(p -> p.toString().contains("/outbound/done/") && p.getFileName().toString().startsWith("status-"))
                    .anyMatch(p -> {
                        try {
                            return java.nio.file.Files.readString(p).contains(waybill);
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    });
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void databaseAwayFor30SecondsThenBack() throws Exception {
        ObjectNode before = lostParcelReturn();
        ObjectNode polledA = lostParcelReturn();
        ObjectNode polledB = lostParcelReturn();
        api.post("/api/returns", before);

        database.stop();
        StubMapping page = null;
        try {
            // returns the marketplace publishes while the database is away
            page = REMOTE.stubFor(get(urlPathEqualTo(MARKETPLACE + "/returns")).atPriority(5).willReturn(answer(
                    "{\"returns\": [" + polledA + ", " + polledB + "], \"nextPageToken\": null}")));
            await().pollDelay(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(31)).until(() -> true);
        } finally {
            database.start();
        }
        try {
            // a case that was in a worker when the database went away keeps its claim until the lease (2 min)
            // runs out, and is then picked up again
            JsonNode a = caseWhere(before, c -> "REFUNDED".equals(c.get("status").asString()), Duration.ofMinutes(3));
            JsonNode b = caseWhere(polledA, c -> "REFUNDED".equals(c.get("status").asString()));
            JsonNode c2 = caseWhere(polledB, c -> "REFUNDED".equals(c.get("status").asString()));
            for (ObjectNode r : List.of(before, polledA, polledB)) {
                assertThat(casesOf(r)).isEqualTo(1);
                var refunds = received("POST", MARKETPLACE + "/refunds", r.get("returnId").asString());
                assertThat(keys(refunds)).hasSize(1);
                assertThat(acceptedKeys(refunds)).isEqualTo(1);
            }
            report("database away 30 s then back -> 3 of 3 returns REFUNDED (1 posted before, 2 published during), "
                    + "1 case and 1 refund key each; attempts " + (attemptsFailed(a) + 1) + "/"
                    + (attemptsFailed(b) + 1) + "/" + (attemptsFailed(c2) + 1));
        } finally {
            if (page != null) {
                REMOTE.removeStub(page);
            }
        }
    }
}
