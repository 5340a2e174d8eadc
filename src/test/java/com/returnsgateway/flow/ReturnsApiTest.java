package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.testsupport.Http.Reply;
import com.returnsgateway.testsupport.Pdfs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The HTTP contract other tools rely on: POST /api/returns, the case endpoints, errors and authentication. */
class ReturnsApiTest extends SandboxGatewayTest {

    @Test
    void newReturnIsAcceptedAndADuplicateGetsTheSameCase() {
        ObjectNode request = returnObject("sandbox-us", "USD", "19.99", null);

        Reply first = api.post("/api/returns", request);
        Reply again = api.post("/api/returns", request);

        assertThat(first.status()).isEqualTo(202);
        String caseId = first.json().get("caseId").asString();
        assertThat(first.header("Location")).isEqualTo("/api/cases/" + caseId);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("caseId").asString()).isEqualTo(caseId);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        JsonNode detail = api.get("/api/cases/" + caseId).json();
        assertThat(detail.get("request").get("returnId").asString()).isEqualTo(request.get("returnId").asString());
        assertThat(detail.get("timeline").get(0).get("actor").asString()).isEqualTo("api:sandbox");
    }

    @Test
    void theSameReturnPostedInParallelOpensOneCase() throws Exception {
        ObjectNode request = returnObject("sandbox-us", "USD", "19.99", null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> api.post("/api/returns", request));
            }
            Set<String> caseIds = new HashSet<>();
            int created = 0;
            for (Future<Reply> reply : pool.invokeAll(calls)) {
                assertThat(reply.get().status()).isIn(200, 202);
                created += reply.get().status() == 202 ? 1 : 0;
                caseIds.add(reply.get().json().get("caseId").asString());
            }
            assertThat(created).isEqualTo(1);
            assertThat(caseIds).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidReturnIsRefusedWithEveryBadFieldNamed() {
        ObjectNode request = returnObject("sandbox-us", "USD", "19.99", null);
        request.remove("orderId");
        ((ObjectNode) request.get("buyer")).put("email", "not-an-address");
        ((ObjectNode) request.get("items").get(0)).put("quantity", 0);

        Reply reply = api.post("/api/returns", request);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("title").asString()).isEqualTo("Invalid return request");
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("orderId", "buyer.email", "items[0].quantity");
        assertThat(problem.get("detail").asString()).contains("3 fields are invalid");
    }

    @Test
    void malformedJsonIsRefusedClearly() {
        Reply reply = api.post("/api/returns", "{\"marketplace\": \"sandbox-us\", ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").asString()).startsWith("The body is not valid JSON");
    }

    @Test
    void theApiNeedsCredentials() {
        assertThat(sandbox.post("/api/returns", returnObject("sandbox-us", "USD", "1.00", null)).status())
                .isEqualTo(401);
        assertThat(sandbox.get("/api/cases").status()).isEqualTo(401);
        assertThat(sandbox.as("sandbox", "wrong").get("/api/cases").status()).isEqualTo(401);
        assertThat(sandbox.get("/actuator/health").status()).isEqualTo(200);
        assertThat(sandbox.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(api.get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(sandbox.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus").text()).contains("jvm_memory_used_bytes");
        assertThat(api.get("/actuator/env").status()).isEqualTo(404);
    }

    @Test
    void casesCanBeFilteredAndUnknownOnesAreNamed() {
        ObjectNode request = returnObject("sandbox-jp", "JPY", "4980", null);
        String caseId = api.post("/api/returns", request).json().get("caseId").asString();
        caseWhere(request, c -> "MANUAL_REVIEW".equals(c.get("status").asString()));

        JsonNode page = api.get("/api/cases?status=MANUAL_REVIEW&phase=WAITING&marketplace=sandbox-jp&orderId="
                + request.get("orderId").asString()).json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("cases").get(0).get("caseId").asString()).isEqualTo(caseId);
        assertThat(api.get("/api/cases?status=REFUNDED&orderId=" + request.get("orderId").asString()).json()
                .get("total").asLong()).isZero();

        Reply badFilter = api.get("/api/cases?status=SHIPPED");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.json().get("detail").asString()).contains("status").contains("SHIPPED");
        Reply unknown = api.get("/api/cases/RC-NOSUCHCASE");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).contains("RC-NOSUCHCASE");
    }

    @Test
    void labelIsServedAsPdfAndRetryIsRefusedForAFinishedCase() throws Exception {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Cancelled", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "30.00",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        String caseId = api.post("/api/returns", request).json().get("caseId").asString();
        caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString()));

        Reply label = api.get("/api/cases/" + caseId + "/label.pdf");
        assertThat(label.status()).isEqualTo(200);
        assertThat(label.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(Pdfs.scanCode128(label.response().body())).containsExactly(request.get("returnId").asString());

        Reply retry = api.post("/api/cases/" + caseId + "/retry", "");
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.json().get("detail").asString()).contains("REFUNDED");
        Reply received = api.post("/api/cases/" + caseId + "/received", "");
        assertThat(received.status()).isEqualTo(409);
        assertThat(refundsFor(request.get("returnId").asString())).hasSize(1);
    }

    @Test
    void anInvalidPolledReturnIsQuarantinedWhileTheRestOfThePageGoesThrough() {
        ObjectNode bad = returnObject("sandbox-eu", "EUR", "-5.00", null);
        ObjectNode good = returnObject("sandbox-eu", "EUR", "12.00", null);
        marketplaceHas(bad);
        marketplaceHas(good);

        caseWhere(good, c -> true);

        JsonNode quarantined = null;
        for (int i = 0; i < 100 && quarantined == null; i++) {
            for (JsonNode entry : api.get("/api/quarantine?size=200").json().get("entries")) {
                if (bad.get("returnId").asString().equals(entry.get("reference").asString())) {
                    quarantined = entry;
                }
            }
        }
        assertThat(quarantined).as("quarantine entry for " + bad.get("returnId").asString()).isNotNull();
        assertThat(quarantined.get("reason").asString()).contains("items[0].unitPrice.amount");
        assertThat(quarantined.has("payload")).as("the list leaves payloads out").isFalse();
        assertThat(api.get("/api/quarantine/" + quarantined.get("id").asLong()).json().get("payload").asString())
                .contains(bad.get("orderId").asString());
        assertThat(api.get("/api/cases?orderId=" + bad.get("orderId").asString()).json().get("total").asLong())
                .isZero();
    }
}
