package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.testsupport.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's own seed (config/sandbox/seed.json), fed the way a user would: parcels set at the forwarders,
 * return requests injected at the marketplace. Every return must reach the status its row of the decision table
 * gives, and every refundable one must be refunded exactly once.
 */
class SandboxEndToEndTest extends SandboxGatewayTest {

    @Test
    void everySeededReturnEndsWhereTheDecisionTableSays() throws Exception {
        JsonNode seed = Http.JSON.readTree(Files.readString(Path.of("config/sandbox/seed.json")));
        for (JsonNode parcel : seed.get("parcels")) {
            parcel(parcel.get("forwarder").asString(), parcel.get("waybill").asString(),
                    parcel.get("status").asString(), !parcel.has("interceptable") || parcel.get("interceptable").asBoolean());
        }
        var injected = sandbox.post("/sandbox/marketplace/returns", seed.get("returns"));
        assertThat(injected.status()).as(injected.text()).isEqualTo(201);
        Map<String, String> expected = new HashMap<>();
        seed.get("expected").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asString()));

        Map<String, JsonNode> cases = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            cases.clear();
            for (JsonNode c : api.get("/api/cases?marketplace=&size=200").json().get("cases")) {
                String returnId = c.get("returnId").asString();
                if (expected.containsKey(returnId)) {
                    cases.put(returnId, c);
                }
            }
            // an SFTP forwarder answers in a file a moment later: AWAITING_FORWARDER is a wait, not an outcome
            return cases.size() == expected.size()
                    && cases.values().stream().noneMatch(c -> "ACTIVE".equals(c.get("phase").asString())
                    || "AWAITING_FORWARDER".equals(c.get("status").asString()));
        });

        Map<String, String> actual = cases.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get("status").asString()));
        assertThat(actual).isEqualTo(expected);
        for (JsonNode c : cases.values()) {
            CaseStatus status = CaseStatus.valueOf(c.get("status").asString());
            assertThat(c.get("phase").asString()).as(c.get("returnId").asString()).isEqualTo(status.phase().name());
        }

        Map<String, Long> refundsPerReturn = countBy(sandbox.get("/sandbox/marketplace/refunds").json(), "returnId");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            long refunds = refundsPerReturn.getOrDefault(e.getKey(), 0L);
            assertThat(refunds).as("refunds for " + e.getKey() + " (" + e.getValue() + ")")
                    .isEqualTo("REFUNDED".equals(e.getValue()) ? 1 : 0);
        }

        List<String> labelled = expected.entrySet().stream()
                .filter(e -> e.getValue().equals("AWAITING_RETURN"))
                .map(Map.Entry::getKey)
                .filter(id -> "DELIVERED".equals(cases.get(id).get("shipmentState").asString()))
                .toList();
        assertThat(labelled).isNotEmpty();
        for (String returnId : labelled) {
            JsonNode detail = api.get("/api/cases/" + cases.get(returnId).get("caseId").asString()).json();
            assertThat(detail.get("emails").findValuesAsString("attachment"))
                    .as("label email for " + returnId).containsExactly("return-label-" + returnId + ".pdf");
        }
    }

    private static Map<String, Long> countBy(JsonNode array, String field) {
        Map<String, Long> counts = new HashMap<>();
        array.forEach(n -> counts.merge(n.get(field).asString(), 1L, Long::sum));
        return counts;
    }
}
