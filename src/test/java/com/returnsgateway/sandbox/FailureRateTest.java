package com.returnsgateway.sandbox;

import com.returnsgateway.testsupport.Http;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.web.server.LocalServerPort;

@ActiveProfiles("simulators")
@SpringBootTest(classes = SimulatorsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "sandbox.simulators.enabled=true",
                "sandbox.simulators.failure-rate=1",
                "sandbox.smtp.port=0",
                "sandbox.sftp.enabled=false",
                "sandbox.seed.enabled=false"})
class FailureRateTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private static void assertUnavailable(Http.Reply reply) {
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void apiCallsFailWith503AndRetryAfterButControlAndInspectionEndpointsDoNot() {
        // control endpoints work
        assertThat(http.post("/sandbox/marketplace/returns",
                Map.of("marketplace", "fail-test", "returnId", "F-1")).status()).isEqualTo(201);
        assertThat(http.put("/sandbox/forwarders/4px/shipments/FF-1", Map.of("status", "P")).status()).isEqualTo(200);

        // API calls fail, and nothing is recorded
        assertUnavailable(http.get("/sandbox/marketplace/fail-test/returns"));
        assertUnavailable(http.post("/sandbox/marketplace/fail-test/refunds",
                Map.of("returnId", "F-1", "orderId", "O-1", "type", "FULL", "amount", 1, "currency", "USD",
                        "reason", "LOST"), "Idempotency-Key", "f-1"));
        assertUnavailable(http.get("/sandbox/forwarders/4px/shipments/FF-1"));
        assertUnavailable(http.post("/sandbox/forwarders/4px/intercepts", Map.of("waybill", "FF-1"),
                "Idempotency-Key", "f-2"));
        assertUnavailable(http.post("/sandbox/backoffice/reships", Map.of("returnId", "F-1", "orderId", "O-1"),
                "Idempotency-Key", "f-3"));

        // inspection endpoints answer
        assertThat(http.get("/sandbox/marketplace/refunds").json()).isEmpty();
        assertThat(http.get("/sandbox/forwarders/4px/intercepts").json()).isEmpty();
        assertThat(http.get("/sandbox/backoffice/reships").json()).isEmpty();
        assertThat(http.get("/sandbox/mail").status()).isEqualTo(200);
        Http.Reply settings = http.get("/sandbox/settings");
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.json().get("injectedFailures").intValue()).isEqualTo(5);

        // and the failure rate can be changed at run time
        assertThat(http.put("/sandbox/settings", Map.of("failureRate", 0)).status()).isEqualTo(200);
        assertThat(http.get("/sandbox/marketplace/fail-test/returns").json().get("returns")).hasSize(1);
        assertThat(http.put("/sandbox/settings", Map.of("failureRate", 2)).status()).isEqualTo(400);
        assertThat(http.put("/sandbox/settings", Map.of("failureRate", 1)).status()).isEqualTo(200);
    }
}
