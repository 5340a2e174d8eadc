package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.resilience.RemoteGuard;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A forwarder that answers 503 for a while: the case is tried again later, and still refunds exactly once. */
class TransientFailureFlowTest extends SandboxGatewayTest {

    @Autowired
    RemoteGuard remoteGuard;

    @BeforeEach
    void backgroundWorkDone() {
        // the failures below hit every simulator: the seeded Amazon returns must not be caught in them
        awaitSeededAmazonReturnsSettled();
    }

    @AfterEach
    void simulatorsHealthyAgain() {
        sandbox.put("/sandbox/settings", Map.of("failureRate", 0));
        // the outage counted against generic-express's breaker; later tests in this context start with it closed
        remoteGuard.resetAll();
    }

    @Test
    void aForwarderOutageIsRetriedWithBackoffAndTheRefundGoesOutOnce() {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Lost", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "52.00",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        String caseId = api.post("/api/returns", request).json().get("caseId").asString();
        assertThat(sandbox.put("/sandbox/settings", Map.of("failureRate", 1)).status()).isEqualTo(200);

        JsonNode failing = caseWhere(request, c -> timelineTypes(c).contains("ATTEMPT_FAILED"));
        assertThat(failing.get("phase").asString()).isEqualTo("ACTIVE");
        assertThat(timelineText(failing)).contains("HTTP 503").contains("next attempt at");
        sandbox.put("/sandbox/settings", Map.of("failureRate", 0));

        JsonNode done = caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString()));
        assertThat(done.get("caseId").asString()).isEqualTo(caseId);
        assertThat(refundsFor(request.get("returnId").asString())).hasSize(1);
    }

    @Test
    void aForwarderThatNeverRecoversEndsInManualReviewWithTheReason() {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Lost", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "52.00",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        assertThat(sandbox.put("/sandbox/settings", Map.of("failureRate", 1)).status()).isEqualTo(200);
        api.post("/api/returns", request);

        JsonNode c = caseWhere(request, d -> "MANUAL_REVIEW".equals(d.get("status").asString()));

        assertThat(c.get("statusReason").asString()).startsWith("Gave up after 4 attempts").contains("HTTP 503");
        assertThat(refundsFor(request.get("returnId").asString())).isEmpty();
    }
}
