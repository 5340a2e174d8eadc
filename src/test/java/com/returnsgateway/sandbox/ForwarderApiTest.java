package com.returnsgateway.sandbox;

import com.returnsgateway.testsupport.Http;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class ForwarderApiTest extends SandboxWebTest {

    private JsonNode intercept(String forwarder, String key, String waybill) {
        Http.Reply reply = http.post("/sandbox/forwarders/" + forwarder + "/intercepts",
                Map.of("waybill", waybill, "reason", "buyer cancelled", "reference", "case-" + waybill),
                "Idempotency-Key", key);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void setsAndReadsParcels() {
        Http.Reply put = http.put("/sandbox/forwarders/4px/shipments/FT-100", Map.of("status", "V"));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("interceptable").booleanValue()).isTrue();

        JsonNode parcel = http.get("/sandbox/forwarders/4px/shipments/FT-100").json();
        assertThat(parcel.get("waybill").stringValue()).isEqualTo("FT-100");
        assertThat(parcel.get("status").stringValue()).isEqualTo("V");
        assertThat(parcel.has("updatedAt")).isTrue();

        Http.Reply unknown = http.get("/sandbox/forwarders/4px/shipments/NOPE-1");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").stringValue()).isEqualTo("unknown waybill NOPE-1");

        Http.Reply unknownForwarder = http.get("/sandbox/forwarders/no-such/shipments/FT-100");
        assertThat(unknownForwarder.status()).isEqualTo(404);
        assertThat(unknownForwarder.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http.put("/sandbox/forwarders/no-such/shipments/X", Map.of("status", "P")).status()).isEqualTo(404);
        assertThat(http.put("/sandbox/forwarders/4px/shipments/X", Map.of("interceptable", false)).status())
                .isEqualTo(400);
    }

    @Test
    void acceptsOrRejectsInterceptsLike4px() {
        http.put("/sandbox/forwarders/4px/shipments/FT-1", Map.of("status", "P"));
        http.put("/sandbox/forwarders/4px/shipments/FT-2", Map.of("status", "H", "interceptable", false));
        http.put("/sandbox/forwarders/4px/shipments/FT-3", Map.of("status", "C"));

        JsonNode accepted = intercept("4px", "ik-1", "FT-1");
        assertThat(accepted.get("outcome").stringValue()).isEqualTo("ACCEPTED");
        JsonNode held = http.get("/sandbox/forwarders/4px/shipments/FT-1").json();
        assertThat(held.get("status").stringValue()).isEqualTo("P");
        assertThat(held.get("held").booleanValue()).isTrue();

        JsonNode notInterceptable = intercept("4px", "ik-2", "FT-2");
        assertThat(notInterceptable.get("outcome").stringValue()).isEqualTo("REJECTED");
        assertThat(notInterceptable.get("code").stringValue()).isEqualTo("DS000031");
        assertThat(notInterceptable.get("message").stringValue()).isEqualTo("product cannot be intercepted");

        JsonNode shipped = intercept("4px", "ik-3", "FT-3");
        assertThat(shipped.get("outcome").stringValue()).isEqualTo("REJECTED");
        assertThat(shipped.get("code").stringValue()).isEqualTo("DS000032");
        assertThat(shipped.get("message").stringValue()).contains("cannot intercept when not in forecast status");

        JsonNode missing = intercept("4px", "ik-4", "FT-404");
        assertThat(missing.get("outcome").stringValue()).isEqualTo("REJECTED");
        assertThat(missing.get("code").stringValue()).isEqualTo("NOT_FOUND");

        // a replay answers the first answer, even after the parcel moved on, and is counted, not repeated
        http.put("/sandbox/forwarders/4px/shipments/FT-1", Map.of("status", "V"));
        assertThat(intercept("4px", "ik-1", "FT-1")).isEqualTo(accepted);
        assertThat(intercept("4px", "ik-1", "FT-1")).isEqualTo(accepted);

        JsonNode list = http.get("/sandbox/forwarders/4px/intercepts").json();
        JsonNode first = null;
        int forFt1 = 0;
        for (JsonNode i : list) {
            if (i.get("waybill").stringValue().equals("FT-1")) {
                first = i;
                forFt1++;
            }
        }
        assertThat(forFt1).isEqualTo(1);
        assertThat(first.get("idempotencyKey").stringValue()).isEqualTo("ik-1");
        assertThat(first.get("reference").stringValue()).isEqualTo("case-FT-1");
        assertThat(first.get("outcome").stringValue()).isEqualTo("ACCEPTED");
        assertThat(first.get("code").stringValue()).isEqualTo("SUCCESS");
        assertThat(first.get("replays").intValue()).isEqualTo(2);
        assertThat(first.has("receivedAt")).isTrue();
    }

    @Test
    void eachForwarderHasItsOwnDispatchableCodes() {
        http.put("/sandbox/forwarders/generic-express/shipments/GT-1", Map.of("status", "InfoReceived"));
        http.put("/sandbox/forwarders/generic-express/shipments/GT-2", Map.of("status", "P"));
        assertThat(intercept("generic-express", "g-1", "GT-1").get("outcome").stringValue()).isEqualTo("ACCEPTED");
        assertThat(intercept("generic-express", "g-2", "GT-2").get("code").stringValue()).isEqualTo("DS000032");
        // the same waybill at another forwarder is another parcel
        assertThat(intercept("4px", "g-3", "GT-1").get("code").stringValue()).isEqualTo("NOT_FOUND");
    }

    @Test
    void refusesInterceptsWithoutKeyOrWaybill() {
        Http.Reply noKey = http.post("/sandbox/forwarders/4px/intercepts", Map.of("waybill", "FT-1"));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().get("detail").stringValue()).contains("Idempotency-Key");
        Http.Reply noWaybill = http.post("/sandbox/forwarders/4px/intercepts", Map.of("reason", "x"),
                "Idempotency-Key", "bad-1");
        assertThat(noWaybill.status()).isEqualTo(400);
        assertThat(noWaybill.json().get("detail").stringValue()).contains("waybill");
        assertThat(http.post("/sandbox/forwarders/nope/intercepts", Map.of("waybill", "FT-1"),
                "Idempotency-Key", "bad-2").status()).isEqualTo(404);
    }

    @Test
    void reshipsAreIdempotentOnTheKey() {
        Http.Reply first = http.post("/sandbox/backoffice/reships",
                Map.of("returnId", "RS-T-1", "orderId", "ORD-1", "items", java.util.List.of(Map.of("sku", "A"))),
                "Idempotency-Key", "rs-key-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("reshipId").stringValue()).startsWith("RS-");
        Http.Reply replay = http.post("/sandbox/backoffice/reships",
                Map.of("returnId", "RS-T-1", "orderId", "ORD-1"), "Idempotency-Key", "rs-key-1");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(http.post("/sandbox/backoffice/reships", Map.of("returnId", "RS-T-1", "orderId", "ORD-1"))
                .status()).isEqualTo(400);
        assertThat(http.post("/sandbox/backoffice/reships", Map.of("returnId", "RS-T-1"), "Idempotency-Key", "x")
                .json().get("detail").stringValue()).contains("orderId");

        JsonNode mine = null;
        for (JsonNode r : http.get("/sandbox/backoffice/reships").json()) {
            if (r.get("idempotencyKey").stringValue().equals("rs-key-1")) {
                mine = r;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("replays").intValue()).isEqualTo(1);
        assertThat(mine.get("returnId").stringValue()).isEqualTo("RS-T-1");
        assertThat(mine.get("body").get("items")).hasSize(1);
    }
}
