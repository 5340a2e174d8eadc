package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.testsupport.WebhookReceiver.Request;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Case events reach the back office as Standard Webhooks: signed, in order, at least once, with an id that stays the
 * same through retries and replays. The flow-test endpoint (a receiver run by the test, SandboxGatewayTest.WEBHOOKS)
 * is configured beside the sandbox's own back office; the test checks every signature itself.
 */
class WebhooksFlowTest extends SandboxGatewayTest {

    private static final String OPERATIONS = "ops@sandbox-seller.example";
    private static final String SANDBOX_SECRET_KEY = "sandbox-backoffice-webhooks-made-up";

    @Test
    void anInterceptedCasesEventsArriveSignedInOrderWithStableIdsAndNoBuyerData() throws Exception {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Pending", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "42.00",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        String orderId = request.get("orderId").asString();
        marketplaceHas(request);
        String caseId = caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString())).get("caseId").asString();

        await().atMost(FLOW_TIMEOUT).until(() -> WEBHOOKS.acceptedOnce(orderId).size() >= 5);
        List<Request> received = WEBHOOKS.acceptedOnce(orderId);
        assertThat(received).extracting(r -> r.json().get("type").asString()).containsExactly("case.opened",
                "intercept.requested", "intercept.accepted", "refund.sent", "refund.accepted");
        for (Request r : received) {
            assertThat(r.signature()).isEqualTo(sign(keyOf(WEBHOOK_SECRET), r.webhookId(), r.timestamp(), r.body()));
            assertThat(Math.abs(Long.parseLong(r.timestamp()) - Instant.now().getEpochSecond())).isLessThan(300);
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(r.userAgent()).isEqualTo("returns-gateway");
            JsonNode body = r.json();
            assertThat(body.get("id").asString()).isEqualTo(r.webhookId());
            assertThat(Instant.parse(body.get("timestamp").asString())).isBefore(Instant.now());
            JsonNode data = body.get("data");
            assertThat(data.get("caseId").asString()).isEqualTo(caseId);
            assertThat(data.get("marketplace").asString()).isEqualTo("sandbox-us");
            assertThat(data.get("returnId").asString()).isEqualTo(request.get("returnId").asString());
            assertThat(data.get("orderId").asString()).isEqualTo(orderId);
            assertThat(r.text()).as("no buyer data").doesNotContain(buyerEmail(request),
                    request.get("buyer").get("name").asString(), "Test Street", "Springfield");
        }
        assertThat(received.get(1).json().get("data").get("waybill").asString()).isEqualTo(waybill);
        assertThat(received.get(1).json().get("data").get("forwarder").asString()).isEqualTo("generic-express");
        JsonNode accepted = received.get(4).json().get("data");
        assertThat(accepted.get("amount").asString()).isEqualTo("42.00");
        assertThat(accepted.get("currency").asString()).isEqualTo("USD");
        assertThat(accepted.get("refundType").asString()).isEqualTo("FULL");
        assertThat(received).extracting(Request::webhookId).doesNotHaveDuplicates();

        // the delivery log shows the same ids, delivered once each; the sandbox's back office took them in too
        List<String> ids = received.stream().map(Request::webhookId).toList();
        for (long id : deliveryIds(caseId, "flow-test")) {
            JsonNode delivery = api.get("/api/webhooks/deliveries/" + id).json();
            assertThat(delivery.get("delivery").get("status").asString()).isEqualTo("DELIVERED");
            assertThat(delivery.get("delivery").get("attempts").asInt()).isEqualTo(1);
            assertThat(ids).contains(delivery.get("delivery").get("eventId").asString());
            assertThat(delivery.get("body").asString()).isEqualTo(received.get(ids.indexOf(
                    delivery.get("delivery").get("eventId").asString())).text());
        }
        await().atMost(FLOW_TIMEOUT).until(() -> {
            List<String> taken = new ArrayList<>();
            sandbox.get("/sandbox/backoffice/webhooks").json().forEach(w -> {
                if (caseId.equals(w.get("caseId").asString()) && w.get("accepted").asBoolean()) {
                    taken.add(w.get("id").asString());
                }
            });
            return taken.containsAll(ids);
        });
    }

    @Test
    void aRefused503IsRetriedAfterItsRetryAfterAndDeliveredOnceUnderTheSameId() {
        ObjectNode request = inTransit();
        String orderId = request.get("orderId").asString();
        WEBHOOKS.failNext(orderId, 1, 503, "1");
        api.post("/api/returns", request);

        await().atMost(FLOW_TIMEOUT).until(() -> WEBHOOKS.acceptedOnce(orderId).size() == 1);
        List<Request> attempts = WEBHOOKS.about(orderId);
        assertThat(attempts).hasSize(2);
        assertThat(attempts).extracting(Request::answeredWith).containsExactly(503, 200);
        assertThat(attempts.get(1).webhookId()).isEqualTo(attempts.get(0).webhookId());
        assertThat(attempts.get(1).body()).isEqualTo(attempts.get(0).body());
        assertThat(Duration.ofNanos(attempts.get(1).receivedAtNanos() - attempts.get(0).receivedAtNanos()))
                .as("Retry-After: 1 honoured").isGreaterThanOrEqualTo(Duration.ofMillis(950));
        for (Request r : attempts) {
            assertThat(r.signature()).isEqualTo(sign(keyOf(WEBHOOK_SECRET), r.webhookId(), r.timestamp(), r.body()));
        }

        String caseId = attempts.get(0).json().get("data").get("caseId").asString();
        JsonNode delivery = api.get("/api/webhooks/deliveries/" + deliveryIds(caseId, "flow-test").get(0)).json()
                .get("delivery");
        assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
        assertThat(delivery.get("lastStatus").asInt()).isEqualTo(200);
        assertThat(delivery.get("eventType").asString()).isEqualTo("case.opened");
        assertThat(delivery.get("eventId").asString()).isEqualTo(attempts.get(0).webhookId());

        String metrics = sandbox.as("metrics", "metrics-sandbox").get("/actuator/prometheus").text();
        String counter = "gateway_webhook_deliveries_total\\{endpoint=\"flow-test\",outcome=\"%s\"[^}]*} [1-9]";
        assertThat(metrics).containsPattern(counter.formatted("retry"))
                .containsPattern(counter.formatted("delivered"))
                .contains("gateway_webhook_pending{endpoint=\"flow-test\"");
    }

    @Test
    void aReceiverDownPastGiveUpIsFailedOperationsAreAlertedAndReplayFailedDeliversTheSameEvent() {
        ObjectNode request = inTransit();
        String orderId = request.get("orderId").asString();
        WEBHOOKS.down(orderId);
        api.post("/api/returns", request);
        String caseId = caseWhere(request, c -> true).get("caseId").asString();
        long id = deliveryIds(caseId, "flow-test").get(0);
        await().atMost(FLOW_TIMEOUT).until(() -> api.get("/api/webhooks/deliveries/" + id).json().get("delivery")
                .get("attempts").asInt() >= 1);
        JsonNode retrying = api.get("/api/webhooks/deliveries/" + id).json().get("delivery");
        assertThat(retrying.get("status").asString()).isEqualTo("PENDING");
        assertThat(retrying.get("lastStatus").isNull()).as("no answer, no status").isTrue();
        assertThat(retrying.get("lastError").asString()).isNotBlank();

        // three days and more pass for this delivery
        jdbc.sql("""
                        UPDATE webhook_delivery SET retrying_since = now() - interval '4 days', next_attempt_at = now()
                        WHERE id = :id""")
                .param("id", id).update();
        await().atMost(FLOW_TIMEOUT).until(() -> "FAILED".equals(api.get("/api/webhooks/deliveries/" + id).json()
                .get("delivery").get("status").asString()));
        JsonNode failedPage = api.get("/api/webhooks/deliveries?endpoint=flow-test&status=FAILED&size=200").json();
        assertThat(failedPage.get("deliveries")).anySatisfy(d -> assertThat(d.get("id").asLong()).isEqualTo(id));
        assertThat(sandbox.as("viewer", "viewer-sandbox").get("/api/webhooks/endpoints").json())
                .anySatisfy(e -> {
                    assertThat(e.get("name").asString()).isEqualTo("flow-test");
                    assertThat(e.get("url").asString()).isEqualTo(WEBHOOKS.url());
                    assertThat(e.get("failed").asLong()).isGreaterThanOrEqualTo(1);
                })
                .anySatisfy(e -> assertThat(e.get("name").asString()).isEqualTo("backoffice"));
        await().atMost(FLOW_TIMEOUT).until(() -> mailsTo(OPERATIONS).stream().anyMatch(m -> m.get("subject")
                .asString().contains("Webhooks to flow-test are failing")));
        assertThat(mailsTo(OPERATIONS)).filteredOn(m -> m.get("subject").asString()
                .contains("Webhooks to flow-test are failing")).singleElement()
                .satisfies(m -> assertThat(m.get("textBody").asString())
                        .contains("/api/webhooks/endpoints/flow-test/replay-failed"));
        int attemptsBefore = api.get("/api/webhooks/deliveries/" + id).json().get("delivery").get("attempts").asInt();

        assertThat(sandbox.as("viewer", "viewer-sandbox").post("/api/webhooks/endpoints/flow-test/replay-failed", "")
                .status()).as("a viewer may look, not replay").isEqualTo(403);
        WEBHOOKS.up(orderId);
        var replayed = sandbox.as("operator", "operator-sandbox")
                .post("/api/webhooks/endpoints/flow-test/replay-failed", "");
        assertThat(replayed.status()).as(replayed.text()).isEqualTo(200);
        assertThat(replayed.json().get("replayed").asInt()).isGreaterThanOrEqualTo(1);

        await().atMost(FLOW_TIMEOUT).until(() -> "DELIVERED".equals(api.get("/api/webhooks/deliveries/" + id).json()
                .get("delivery").get("status").asString()));
        JsonNode delivered = api.get("/api/webhooks/deliveries/" + id).json().get("delivery");
        assertThat(delivered.get("attempts").asInt()).as("attempts kept").isEqualTo(attemptsBefore + 1);
        assertThat(delivered.get("replayedBy").asString()).isEqualTo("api:operator");
        assertThat(WEBHOOKS.acceptedOnce(orderId)).singleElement()
                .satisfies(r -> assertThat(r.webhookId()).isEqualTo(delivered.get("eventId").asString()));
        assertThat(new HashSet<>(WEBHOOKS.about(orderId).stream().map(Request::webhookId).toList()))
                .as("every attempt and the replay carried the same webhook-id").hasSize(1);
    }

    @Test
    void theSandboxBackOfficeRefusesAForgedSignatureAndAStaleTimestamp() throws Exception {
        byte[] body = "{\"id\":\"forged-1\",\"type\":\"refund.accepted\",\"data\":{\"caseId\":\"RC-FORGED\"}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] key = SANDBOX_SECRET_KEY.getBytes(StandardCharsets.UTF_8);
        String now = Long.toString(Instant.now().getEpochSecond());

        var forged = sandbox.post("/sandbox/backoffice/webhooks", new String(body, StandardCharsets.UTF_8),
                "webhook-id", "forged-1", "webhook-timestamp", now,
                "webhook-signature", sign("another-secret".getBytes(StandardCharsets.UTF_8), "forged-1", now, body));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("error").asString()).contains("webhook-signature does not match");

        String stale = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
        var replayed = sandbox.post("/sandbox/backoffice/webhooks", new String(body, StandardCharsets.UTF_8),
                "webhook-id", "forged-1", "webhook-timestamp", stale,
                "webhook-signature", sign(key, "forged-1", stale, body));
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.json().get("error").asString()).contains("more than 5 minutes from now");

        var genuine = sandbox.post("/sandbox/backoffice/webhooks", new String(body, StandardCharsets.UTF_8),
                "webhook-id", "forged-1", "webhook-timestamp", now,
                "webhook-signature", sign(key, "forged-1", now, body));
        assertThat(genuine.status()).as("the same body signed with the sandbox's secret").isEqualTo(200);
        List<String> taken = new ArrayList<>();
        sandbox.get("/sandbox/backoffice/webhooks").json().forEach(w -> taken.add(w.get("id").asString()));
        assertThat(taken).containsOnlyOnce("forged-1");
    }

    @Test
    void theSameReturnTwiceOpensOneCaseAndTellsOfItOnce() {
        ObjectNode request = inTransit();
        String orderId = request.get("orderId").asString();
        assertThat(api.post("/api/returns", request).status()).isEqualTo(202);
        assertThat(api.post("/api/returns", request).status()).isEqualTo(200);
        String caseId = caseWhere(request, c -> true).get("caseId").asString();

        await().atMost(FLOW_TIMEOUT).until(() -> !WEBHOOKS.acceptedOnce(orderId).isEmpty());
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_event WHERE case_id = :id AND type = 'case.opened'")
                .param("id", caseId).query(Long.class).single()).isEqualTo(1);
        assertThat(WEBHOOKS.acceptedOnce(orderId)).extracting(r -> r.json().get("type").asString())
                .containsOnlyOnce("case.opened");
    }

    @Test
    void amazonRefundsAreToldOfWhenQueuedAndAgainWhenTheFeedsReportAnswers() {
        awaitSeededAmazonReturnsSettled();
        Map<String, String> expected = Map.of("DkR7mQ2xaRRMA", "REFUNDED", "DgL9qZ3fdRRMA", "MANUAL_REVIEW");
        expected.forEach((rma, status) -> {
            String orderId = jdbc.sql("SELECT order_id FROM return_case WHERE return_id = :rma")
                    .param("rma", rma).query(String.class).single();
            String last = status.equals("REFUNDED") ? "refund.accepted" : "case.manual_review";
            await().atMost(FLOW_TIMEOUT).until(() -> WEBHOOKS.acceptedOnce(orderId).stream()
                    .anyMatch(r -> last.equals(r.json().get("type").asString())));
            List<String> types = WEBHOOKS.acceptedOnce(orderId).stream().map(r -> r.json().get("type").asString())
                    .toList();
            // queued for a feed: refund.sent; the processing report: refund.accepted or refund.rejected, told once
            assertThat(types).as(rma).startsWith("case.opened").containsOnlyOnce("refund.sent");
            if (status.equals("REFUNDED")) {
                assertThat(types).as(rma).endsWith("refund.sent", "refund.accepted");
            } else {
                assertThat(types).as(rma).endsWith("refund.sent", "refund.rejected", "case.manual_review");
                JsonNode rejected = WEBHOOKS.acceptedOnce(orderId).get(types.indexOf("refund.rejected")).json()
                        .get("data");
                assertThat(rejected.get("reason").asString()).contains("Amazon rejected the refund");
                assertThat(rejected.get("marketplace").asString()).startsWith("amazon-");
            }
        });
    }

    /** A return whose parcel is in transit: its case opens and waits for the buyer, with no event after case.opened. */
    private ObjectNode inTransit() {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "InTransit", false);
        return returnObject("sandbox-us", "USD", "30.00", Map.of("forwarder", "generic-express", "waybill", waybill));
    }

    /** The case's deliveries to an endpoint, oldest first (the log's ids; the API shows each). */
    private List<Long> deliveryIds(String caseId, String endpoint) {
        await().atMost(FLOW_TIMEOUT).until(() -> jdbc.sql(
                        "SELECT count(*) FROM webhook_delivery WHERE case_id = :id AND endpoint = :endpoint")
                .param("id", caseId).param("endpoint", endpoint).query(Long.class).single() > 0);
        return jdbc.sql("SELECT id FROM webhook_delivery WHERE case_id = :id AND endpoint = :endpoint ORDER BY id")
                .param("id", caseId).param("endpoint", endpoint).query(Long.class).list();
    }

    private static byte[] keyOf(String whsecSecret) {
        return Base64.getDecoder().decode(whsecSecret.substring("whsec_".length()));
    }

    /** Standard Webhooks' v1 signature, computed here independently of the gateway. */
    private static String sign(byte[] key, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
