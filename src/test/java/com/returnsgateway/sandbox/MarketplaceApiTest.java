package com.returnsgateway.sandbox;

import com.returnsgateway.testsupport.Http;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class MarketplaceApiTest extends SandboxWebTest {

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

    private static Map<String, Object> aReturn(String marketplace, String returnId, Instant updatedAt) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("marketplace", marketplace);
        r.put("returnId", returnId);
        r.put("orderId", "ORD-" + returnId);
        if (updatedAt != null) {
            r.put("updatedAt", updatedAt.toString());
        }
        r.put("resolution", "REFUND");
        r.put("refundType", "FULL");
        r.put("requestedRefund", Map.of("amount", 10.00, "currency", "USD"));
        r.put("items", List.of(Map.of("sku", "SKU-1", "title", "Thing", "quantity", 1,
                "unitPrice", Map.of("amount", 10.00, "currency", "USD"))));
        return r;
    }

    private List<JsonNode> readAll(String marketplace, String updatedAfter, int pageSize, Runnable afterSecondPage) {
        List<JsonNode> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            StringBuilder q = new StringBuilder("/sandbox/marketplace/" + marketplace + "/returns?pageSize=" + pageSize);
            if (updatedAfter != null) {
                q.append("&updatedAfter=").append(URLEncoder.encode(updatedAfter, StandardCharsets.UTF_8));
            }
            if (token != null) {
                q.append("&pageToken=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
            }
            Http.Reply reply = http.get(q.toString());
            assertThat(reply.status()).isEqualTo(200);
            JsonNode page = reply.json();
            assertThat(page.has("nextPageToken")).isTrue();
            assertThat(page.get("returns").size()).isLessThanOrEqualTo(pageSize);
            page.get("returns").forEach(all::add);
            token = page.get("nextPageToken").isNull() ? null : page.get("nextPageToken").stringValue();
            if (++pages == 2 && afterSecondPage != null) {
                afterSecondPage.run();
            }
        } while (token != null);
        return all;
    }

    @Test
    void pagesThroughReturnsWithoutGapsOrDuplicatesWhileNewOnesArrive() {
        String mp = "paging-test";
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // three returns share each updatedAt, so ties are ordered by returnId; inserted out of order
            int n = (i * 37) % 120;
            batch.add(aReturn(mp, "R-%03d".formatted(n), T0.plusSeconds(n / 3)));
        }
        Http.Reply injected = http.post("/sandbox/marketplace/returns", batch);
        assertThat(injected.status()).isEqualTo(201);
        assertThat(injected.json().size()).isEqualTo(120);

        List<JsonNode> all = readAll(mp, null, 25, () -> {
            List<Map<String, Object>> late = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                late.add(aReturn(mp, "L-%02d".formatted(i), T0.plusSeconds(3600 + i)));
            }
            assertThat(http.post("/sandbox/marketplace/returns", late).status()).isEqualTo(201);
        });

        List<String> ids = all.stream().map(r -> r.get("returnId").stringValue()).toList();
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        assertThat(ids).hasSize(130);
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < 120; n++) {
            expected.add("R-%03d".formatted(n));
        }
        for (int i = 0; i < 10; i++) {
            expected.add("L-%02d".formatted(i));
        }
        assertThat(ids).containsExactlyElementsOf(expected);

        // updatedAfter is inclusive: from the second of R-060..R-062 on
        String from = T0.plusSeconds(20).toString();
        List<JsonNode> tail = readAll(mp, from, 7, null);
        assertThat(tail).hasSize(70);
        assertThat(tail.get(0).get("returnId").stringValue()).isEqualTo("R-060");

        // the default page size is 50 and the maximum 200
        JsonNode firstPage = http.get("/sandbox/marketplace/" + mp + "/returns").json();
        assertThat(firstPage.get("returns").size()).isEqualTo(50);
        assertThat(firstPage.get("nextPageToken").isString()).isTrue();
        JsonNode big = http.get("/sandbox/marketplace/" + mp + "/returns?pageSize=1000").json();
        assertThat(big.get("returns").size()).isEqualTo(130);
        assertThat(big.get("nextPageToken").isNull()).isTrue();
    }

    @Test
    void replacesAReturnAndStampsUpdatedAtWhenAbsent() {
        String mp = "replace-test";
        Instant before = Instant.now();
        JsonNode first = http.post("/sandbox/marketplace/returns", aReturn(mp, "X-1", null)).json();
        assertThat(Instant.parse(first.get("updatedAt").stringValue())).isAfterOrEqualTo(before.minusSeconds(1));

        Map<String, Object> changed = aReturn(mp, "X-1", T0);
        changed.put("comment", "second version");
        assertThat(http.post("/sandbox/marketplace/returns", changed).status()).isEqualTo(201);
        JsonNode returns = http.get("/sandbox/marketplace/" + mp + "/returns").json().get("returns");
        assertThat(returns).hasSize(1);
        assertThat(returns.get(0).get("comment").stringValue()).isEqualTo("second version");
        assertThat(returns.get(0).get("updatedAt").stringValue()).isEqualTo(T0.toString());
    }

    @Test
    void refusesBadReturnsAndBadPagingParameters() {
        Map<String, Object> noId = aReturn("bad-test", null, T0);
        noId.remove("returnId");
        Http.Reply missing = http.post("/sandbox/marketplace/returns", noId);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("detail").stringValue()).contains("returnId");

        Map<String, Object> noMarketplace = aReturn("x", "B-1", T0);
        noMarketplace.remove("marketplace");
        Http.Reply inArray = http.post("/sandbox/marketplace/returns", List.of(aReturn("bad-test", "B-0", T0),
                noMarketplace));
        assertThat(inArray.status()).isEqualTo(400);
        assertThat(inArray.json().get("detail").stringValue()).contains("returns[1]").contains("marketplace");
        assertThat(http.get("/sandbox/marketplace/bad-test/returns").json().get("returns")).isEmpty();

        assertThat(http.post("/sandbox/marketplace/returns", "{not json").status()).isEqualTo(400);
        assertThat(http.get("/sandbox/marketplace/bad-test/returns?pageToken=garbage").status()).isEqualTo(400);
        assertThat(http.get("/sandbox/marketplace/bad-test/returns?updatedAfter=yesterday").status()).isEqualTo(400);
        assertThat(http.get("/sandbox/marketplace/bad-test/returns?pageSize=0").status()).isEqualTo(400);
        assertThat(http.get("/sandbox/marketplace/unknown-marketplace/returns").json().get("returns")).isEmpty();
    }

    private static Map<String, Object> refund(String returnId, String type, Object amount) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("returnId", returnId);
        r.put("orderId", "ORD-" + returnId);
        r.put("type", type);
        r.put("amount", amount);
        r.put("currency", "USD");
        r.put("reason", "PARCEL_INTERCEPTED");
        return r;
    }

    @Test
    void refundsAreIdempotentOnTheKey() {
        String path = "/sandbox/marketplace/refund-test/refunds";
        Http.Reply first = http.post(path, refund("RT-1", "FULL", 39.99), "Idempotency-Key", "key-rt-1");
        assertThat(first.status()).isEqualTo(201);
        JsonNode answer = first.json();
        assertThat(answer.get("refundId").stringValue()).startsWith("RF-");
        assertThat(answer.get("status").stringValue()).isEqualTo("ACCEPTED");
        assertThat(answer.get("returnId").stringValue()).isEqualTo("RT-1");
        assertThat(answer.get("amount").decimalValue()).isEqualByComparingTo("39.99");

        // the same body (amount written differently) is a replay: the first answer, 200
        Http.Reply replay = http.post(path, refund("RT-1", "FULL", "39.990"), "Idempotency-Key", "key-rt-1");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json()).isEqualTo(answer);

        Http.Reply conflict = http.post(path, refund("RT-1", "PARTIAL", 10), "Idempotency-Key", "key-rt-1");
        assertThat(conflict.status()).isEqualTo(422);
        assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");
        assertThat(conflict.json().get("detail").stringValue()).contains("key-rt-1").contains("different");

        // the same key at another marketplace is another refund
        assertThat(http.post("/sandbox/marketplace/other-refund-test/refunds", refund("RT-1", "FULL", 39.99),
                "Idempotency-Key", "key-rt-1").status()).isEqualTo(201);

        JsonNode received = http.get("/sandbox/marketplace/refunds?marketplace=refund-test").json();
        assertThat(received).hasSize(1);
        JsonNode r = received.get(0);
        assertThat(r.get("refundId").stringValue()).isEqualTo(answer.get("refundId").stringValue());
        assertThat(r.get("idempotencyKey").stringValue()).isEqualTo("key-rt-1");
        assertThat(r.get("marketplace").stringValue()).isEqualTo("refund-test");
        assertThat(r.get("replays").intValue()).isEqualTo(1);
        for (String field : List.of("returnId", "orderId", "type", "amount", "currency", "reason", "receivedAt")) {
            assertThat(r.has(field)).as(field).isTrue();
        }
        Set<String> all = new HashSet<>();
        http.get("/sandbox/marketplace/refunds").json().forEach(n -> all.add(n.get("marketplace").stringValue()));
        assertThat(all).contains("refund-test", "other-refund-test");
    }

    @Test
    void aRefundCanBeLookedUpByItsKeyAsFirstAnswered() {
        String path = "/sandbox/marketplace/refund-lookup-test/refunds";
        String key = "rg:refund-lookup-test:RL-1:refund";
        Http.Reply none = http.get(path + "/" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");

        JsonNode answer = http.post(path, refund("RL-1", "FULL", 12.5), "Idempotency-Key", key).json();

        Http.Reply found = http.get(path + "/" + key);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json()).isEqualTo(answer);
        assertThat(http.get("/sandbox/marketplace/other-refund-lookup-test/refunds/" + key).status()).isEqualTo(404);
        JsonNode received = http.get("/sandbox/marketplace/refunds?marketplace=refund-lookup-test").json();
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.get("lookups").intValue()).isEqualTo(1);
            assertThat(r.get("replays").intValue()).isZero();
        });
    }

    @Test
    void refusesRefundsWithoutKeyOrWithBadFields() {
        String path = "/sandbox/marketplace/refund-bad-test/refunds";
        Http.Reply noKey = http.post(path, refund("RB-1", "FULL", 5));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().get("detail").stringValue()).contains("Idempotency-Key");

        Map<String, Object> noCurrency = refund("RB-1", "FULL", 5);
        noCurrency.remove("currency");
        assertThat(http.post(path, noCurrency, "Idempotency-Key", "k1").json().get("detail").stringValue())
                .contains("currency");
        assertThat(http.post(path, refund("RB-1", "SOME", 5), "Idempotency-Key", "k2").json().get("detail")
                .stringValue()).contains("type");
        assertThat(http.post(path, refund("RB-1", "FULL", -1), "Idempotency-Key", "k3").json().get("detail")
                .stringValue()).contains("amount");
        assertThat(http.post(path, refund("RB-1", "FULL", 1.234), "Idempotency-Key", "k4").json().get("detail")
                .stringValue()).contains("amount");
        Map<String, Object> yen = refund("RB-1", "FULL", 10.5);
        yen.put("currency", "JPY");
        Http.Reply yenReply = http.post(path, yen, "Idempotency-Key", "k5");
        assertThat(yenReply.status()).isEqualTo(400);
        assertThat(yenReply.json().get("detail").stringValue()).contains("JPY");
        assertThat(http.get("/sandbox/marketplace/refunds?marketplace=refund-bad-test").json()).isEmpty();
    }
}
