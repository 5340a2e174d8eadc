package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.testsupport.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The seeded YunExpress returns (config/sandbox/seed.json), fed as a user would, reach the status their row of the
 * decision table gives, through the OMS and OpenAPI simulators: credentials, signatures and tokens as in production.
 */
class YunExpressFlowTest extends SandboxGatewayTest {

    private static final List<String> FORWARDERS = List.of("yunexpress", "yunexpress-open");

    @Test
    void everySeededYunExpressReturnEndsWhereTheDecisionTableSays() throws Exception {
        JsonNode seed = Http.JSON.readTree(Files.readString(Path.of("config/sandbox/seed.json")));
        for (JsonNode parcel : seed.get("parcels")) {
            if (FORWARDERS.contains(parcel.get("forwarder").asString())) {
                parcel(parcel.get("forwarder").asString(), parcel.get("waybill").asString(),
                        parcel.get("status").asString(), parcel.get("interceptable").asBoolean());
            }
        }
        List<JsonNode> returns = new ArrayList<>();
        Map<String, String> forwarderOf = new HashMap<>();
        for (JsonNode r : seed.get("returns")) {
            if (r.has("shipment") && FORWARDERS.contains(r.get("shipment").get("forwarder").asString())) {
                returns.add(r);
                forwarderOf.put(r.get("returnId").asString(), r.get("shipment").get("forwarder").asString());
            }
        }
        assertThat(returns).hasSize(14);
        var injected = sandbox.post("/sandbox/marketplace/returns", returns);
        assertThat(injected.status()).as(injected.text()).isEqualTo(201);

        Map<String, JsonNode> cases = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            cases.clear();
            for (JsonNode c : api.get("/api/cases?size=200").json().get("cases")) {
                if (forwarderOf.containsKey(c.get("returnId").asString())) {
                    cases.put(c.get("returnId").asString(), c);
                }
            }
            return cases.size() == forwarderOf.size()
                    && cases.values().stream().noneMatch(c -> "ACTIVE".equals(c.get("phase").asString()));
        });

        Map<String, String> expected = new HashMap<>();
        Map<String, String> actual = new HashMap<>();
        forwarderOf.keySet().forEach(id -> {
            expected.put(id, seed.get("expected").get(id).asString());
            actual.put(id, cases.get(id).get("status").asString());
        });
        assertThat(actual).isEqualTo(expected);
        for (Map.Entry<String, String> e : forwarderOf.entrySet()) {
            JsonNode detail = api.get("/api/cases/" + cases.get(e.getKey()).get("caseId").asString()).json();
            List<String> actors = new ArrayList<>();
            detail.get("timeline").forEach(t -> actors.add(t.get("actor").asString()));
            assertThat(actors).as("timeline of " + e.getKey()).contains("forwarder " + e.getValue());
        }
        // the accepted intercepts reached the simulated YunExpress
        assertThat(interceptsOf("yunexpress", "YT2611250001001")).singleElement()
                .satisfies(i -> assertThat(i.get("outcome").asString()).isEqualTo("ACCEPTED"));
        assertThat(interceptsOf("yunexpress-open", "YT2611250002001")).singleElement()
                .satisfies(i -> assertThat(i.get("outcome").asString()).isEqualTo("ACCEPTED"));
    }
}
