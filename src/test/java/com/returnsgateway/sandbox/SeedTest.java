package com.returnsgateway.sandbox;

import com.returnsgateway.testsupport.Http;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.ReturnRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SeedTest extends SandboxWebTest {

    private static final Map<String, String> CURRENCY = Map.of("sandbox-us", "USD", "sandbox-eu", "EUR",
            "sandbox-jp", "JPY", "sandbox-cn", "CNY");

    private final JsonNode seed = JsonMapper.builder().build().readTree(Path.of("config/sandbox/seed.json").toFile());

    @Test
    void everySeededReturnIsServedByItsMarketplace() {
        Set<String> seeded = new HashSet<>();
        Set<String> marketplaces = new HashSet<>();
        for (JsonNode r : seed.get("returns")) {
            seeded.add(r.get("marketplace").stringValue() + "/" + r.get("returnId").stringValue());
            marketplaces.add(r.get("marketplace").stringValue());
        }
        assertThat(marketplaces).containsExactlyInAnyOrder("sandbox-us", "sandbox-eu", "sandbox-jp", "sandbox-cn");
        Set<String> served = new HashSet<>();
        for (String mp : marketplaces) {
            for (JsonNode r : http.get("/sandbox/marketplace/" + mp + "/returns?pageSize=200").json().get("returns")) {
                served.add(mp + "/" + r.get("returnId").stringValue());
                assertThat(r.get("updatedAt").isString()).isTrue();
            }
        }
        assertThat(served).containsAll(seeded);
        assertThat(seeded).hasSizeGreaterThanOrEqualTo(14);
    }

    @Test
    void everySeededParcelIsAtItsForwarder() {
        for (JsonNode p : seed.get("parcels")) {
            String path = "/sandbox/forwarders/" + p.get("forwarder").stringValue() + "/shipments/"
                    + p.get("waybill").stringValue();
            Http.Reply reply = http.get(path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.json().get("status").stringValue()).isEqualTo(p.get("status").stringValue());
        }
    }

    @Test
    void seedIsConsistentWithTheModelAndNamesAnExpectedOutcomeForEachReturn() {
        JsonMapper mapper = JsonMapper.builder().build();
        Map<String, JsonNode> parcels = new HashMap<>();
        seed.get("parcels").forEach(p -> parcels.put(p.get("forwarder").stringValue() + "/" + p.get("waybill").stringValue(), p));
        JsonNode expected = seed.get("expected");
        Set<String> ids = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        Set<String> locales = new HashSet<>();
        for (JsonNode r : seed.get("returns")) {
            ReturnRequest request = mapper.treeToValue(r, ReturnRequest.class);
            assertThat(ids.add(request.returnId())).as("distinct returnId").isTrue();
            assertThat(request.returnId()).startsWith("SBX-");
            assertThat(request.currency()).isEqualTo(CURRENCY.get(request.marketplace()));
            assertThat(request.requestedRefund().currency()).isEqualTo(request.currency());
            assertThat(request.buyer().email()).endsWith("@buyer.example");
            assertThat(request.items()).isNotEmpty();
            locales.add(request.buyer().locale());
            if (request.shipment() != null) {
                String key = request.shipment().forwarder() + "/" + request.shipment().waybill();
                assertThat(parcels).as(key).containsKey(key);
            }
            JsonNode outcome = expected.get(request.returnId());
            assertThat(outcome).as("expected outcome of " + request.returnId()).isNotNull();
            statuses.add(CaseStatus.valueOf(outcome.stringValue()).name());
        }
        assertThat(expected.size()).isEqualTo(ids.size());
        assertThat(statuses).contains("REFUNDED", "AWAITING_BUYER", "AWAITING_RETURN", "MANUAL_REVIEW",
                "RESHIP_REQUESTED");
        assertThat(locales).contains("en-US", "de-DE", "fr-FR", "ja-JP", "zh-CN");

        ReturnRequest partial = mapper.treeToValue(find("SBX-1014"), ReturnRequest.class);
        assertThat(partial.refundType().name()).isEqualTo("PARTIAL");
        assertThat(partial.requestedRefund().amount()).isEqualByComparingTo(new BigDecimal("20.00"));
        assertThat(partial.itemsValue().amount()).isEqualByComparingTo(new BigDecimal("49.00"));
        assertThat(mapper.treeToValue(find("SBX-1005"), ReturnRequest.class).itemsValue().amount())
                .isEqualByComparingTo(new BigDecimal("59.90"));
        assertThat(find("SBX-1012").has("shipment")).isFalse();
    }

    private JsonNode find(String returnId) {
        for (JsonNode r : seed.get("returns")) {
            if (r.get("returnId").stringValue().equals(returnId)) {
                return r;
            }
        }
        throw new AssertionError(returnId);
    }
}
