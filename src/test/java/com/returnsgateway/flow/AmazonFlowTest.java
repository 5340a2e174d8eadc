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
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Amazon seller accounts end to end against the sandbox's Selling Partner API simulator: returns read from the
 * returns report (GZIP flat file behind an expiring URL), orders asked of the Orders API, refunds paid through the
 * payment adjustment feed and answered by its processing report. The simulator holds the sandbox's Amazon seed
 * from startup; the other tests add orders and returns of their own.
 */
class AmazonFlowTest extends SandboxGatewayTest {

    private static final Duration AMAZON_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void theSeededAmazonReturnsEndWhereTheDecisionTableSaysAndTheirRefundsArriveAsParsedFeedDocuments()
            throws Exception {
        JsonNode seed = Http.JSON.readTree(Files.readString(Path.of("config/sandbox/amazon-seed.json")));
        Map<String, String> expected = new HashMap<>();
        seed.get("expected").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asString()));
        Map<String, String> orderOf = new HashMap<>();
        seed.get("returns").forEach(r -> orderOf.put(r.get("rmaId").asString(), r.get("orderId").asString()));

        Map<String, JsonNode> cases = awaitCases(expected);

        Map<String, String> actual = new HashMap<>();
        cases.forEach((rma, c) -> actual.put(rma, c.get("status").asString()));
        assertThat(actual).isEqualTo(expected);

        for (Map.Entry<String, String> e : expected.entrySet()) {
            List<JsonNode> adjustments = adjustmentsFor(orderOf.get(e.getKey()));
            long accepted = adjustments.stream().filter(a -> "ACCEPTED".equals(a.get("result").asString())).count();
            switch (e.getValue()) {
                case "REFUNDED" -> assertThat(accepted).as("accepted adjustments for " + e.getKey()).isEqualTo(1);
                case "MANUAL_REVIEW" -> {
                    assertThat(accepted).as("accepted adjustments for " + e.getKey()).isZero();
                    assertThat(adjustments).as("the rejected adjustment of " + e.getKey()).hasSize(1);
                    JsonNode detail = detail(cases.get(e.getKey()));
                    assertThat(detail.get("statusReason").asString())
                            .contains("Amazon rejected the refund", "18050", "A-to-z Guarantee claim");
                    assertThat(detail.get("amazonRefund").get("status").asString()).isEqualTo("REJECTED");
                    assertThat(mailsTo("ops@sandbox-seller.example")).anySatisfy(m -> assertThat(
                            m.get("subject").asString()).contains("Manual review", cases.get(e.getKey())
                            .get("caseId").asString()));
                }
                default -> assertThat(adjustments).as("adjustments for " + e.getKey() + " (" + e.getValue() + ")")
                        .isEmpty();
            }
        }

        // the two-item return: one AdjustedItem per order line, Principal only, adding up to the refund
        JsonNode twoItems = adjustmentsFor("113-4021876-5530214").get(0);
        assertThat(twoItems.get("items")).hasSize(2);
        List<String> principals = new ArrayList<>();
        twoItems.get("items").forEach(item -> {
            assertThat(item.get("adjustmentReason").asString()).isEqualTo("CustomerCancel");
            item.get("components").forEach(c -> principals.add(c.get("type").asString() + " "
                    + c.get("amount").asString() + " " + c.get("currency").asString()));
        });
        assertThat(principals).containsExactlyInAnyOrder("Principal 34.99 USD", "Principal 17.98 USD");
        JsonNode intercepted = detail(cases.get("DkR7mQ2xaRRMA"));
        assertThat(intercepted.get("refunds").get(0).get("amount").get("amount").decimalValue())
                .isEqualByComparingTo("52.97");
        // the buyer's email came from the Orders API under a restricted data token
        assertThat(intercepted.get("request").get("buyer").get("email").asString())
                .isEqualTo("5bz8xk0qg3ppl6x@marketplace.amazon.example");
        assertThat(intercepted.get("flags")).isEmpty();
        assertThat(mailsTo("5bz8xk0qg3ppl6x@marketplace.amazon.example")).extracting(m -> m.get("subject").asString())
                .containsExactly("We have stopped your parcel for order 113-4021876-5530214");

        // Japan: whole yen, no tax split; a seller without the buyer-data role: fallback address and a flag
        JsonNode yen = adjustmentsFor("503-6620419-1184530").get(0).get("items").get(0).get("components");
        assertThat(yen).hasSize(1);
        assertThat(yen.get(0).get("type").asString()).isEqualTo("Principal");
        assertThat(yen.get(0).get("amount").asString()).isEqualTo("1480");
        JsonNode japanese = detail(cases.get("DfQ8xR4ngRRMA"));
        assertThat(japanese.get("flags")).extracting(JsonNode::asString).containsExactly("BUYER_EMAIL_FALLBACK");
        assertThat(japanese.get("request").get("buyer").get("email").asString())
                .isEqualTo("amazon-jp-buyers@sandbox-seller.example");
        assertThat(japanese.get("request").get("buyer").get("locale").asString()).isEqualTo("ja-JP");
        assertThat(japanese.get("request").get("items").get(0).get("title").asString()).isEqualTo("天然竹のお箸 5膳セット");
        assertThat(timelineText(japanese)).contains("the buyer's emails go to the fallback address",
                "Amazon accepted the refund (feed ");
        assertThat(mailsTo("amazon-jp-buyers@sandbox-seller.example")).extracting(m -> m.get("subject").asString())
                .contains("ご注文 503-6620419-1184530 の返金（￥1,480）のお知らせ");

        // the simulated getOrderItems bucket (burst 1) is smaller than Amazon's: the gateway was throttled and
        // backed off, and still every return became a case
        JsonNode stats = sandbox.get("/sandbox/amazon/stats").json();
        assertThat(stats.get("throttled").get("getOrderItems").asInt()).isPositive();
        assertThat(stats.get("throttled").get("createFeed").asInt()).isZero();
    }

    @Test
    void aRefundAmazonRejectsGoesToOperatorsAndAfterTheFixARetryPaysItOnce() {
        String orderId = amazonOrderId("113");
        String waybill = waybill("4PX");
        amazonOrder(orderId, "A3SANDBOXUS01", "ATVPDKIKX0DER", "USD", waybill, "P", "SKU-R-" + orderId, "39.50");
        var rejecting = sandbox.post("/sandbox/amazon/feeds/reject-order/" + orderId, Map.of("code", "18027",
                "description", "Order " + orderId + " is still being processed; adjust it once it has shipped."));
        assertThat(rejecting.status()).as(rejecting.text()).isEqualTo(200);
        String rma = amazonReturn(orderId, "SKU-R-" + orderId, 1);

        JsonNode rejected = amazonCase(rma, c -> "MANUAL_REVIEW".equals(c.get("status").asString()));
        assertThat(rejected.get("statusReason").asString()).contains("Amazon rejected the refund", "18027",
                "still being processed");
        assertThat(refundStatus(rejected)).isEqualTo("PENDING");

        sandbox.delete("/sandbox/amazon/feeds/reject-order/" + orderId);
        var retry = api.post("/api/cases/" + rejected.get("caseId").asString() + "/retry", Map.of());
        assertThat(retry.status()).as(retry.text()).isEqualTo(200);

        JsonNode refunded = amazonCase(rma, c -> "REFUNDED".equals(c.get("status").asString()));
        assertThat(refunded.get("amazonRefund").get("submissions").asInt()).isEqualTo(2);
        assertThat(refundStatus(refunded)).isEqualTo("SENT");
        List<JsonNode> adjustments = adjustmentsFor(orderId);
        assertThat(adjustments).extracting(a -> a.get("result").asString()).containsExactly("REJECTED", "ACCEPTED");
        assertThat(adjustments.get(1).get("items").get(0).get("components").get(0).get("amount").decimalValue())
                .isEqualByComparingTo("39.50");
    }

    @Test
    void aFatalReportAlertsOperationsAndTheNextReportReadsTheSameReturns() {
        String orderId = amazonOrderId("113");
        String waybill = waybill("4PX");
        amazonOrder(orderId, "A3SANDBOXUS01", "ATVPDKIKX0DER", "USD", waybill, "F", "SKU-F-" + orderId, "12.00");
        var failing = sandbox.post("/sandbox/amazon/reports/fail-next?count=2", Map.of());
        assertThat(failing.status()).as(failing.text()).isEqualTo(200);
        String rma = amazonReturn(orderId, "SKU-F-" + orderId, 1);

        await().atMost(AMAZON_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() ->
                mailsTo("ops@sandbox-seller.example").stream().anyMatch(m ->
                        m.get("subject").asString().matches("\\[returns-gateway] amazon-(us|jp): Amazon returns report"
                                + " \\d+ failed")));
        JsonNode alert = mailsTo("ops@sandbox-seller.example").stream()
                .filter(m -> m.get("subject").asString().contains("Amazon returns report")).findFirst().orElseThrow();
        assertThat(alert.get("textBody").asString()).contains("processingStatus FATAL",
                "The window is asked for again");

        // cheap and delivered: refunded without asking for it back, once the report after the failure is read
        JsonNode refunded = amazonCase(rma, c -> "REFUNDED".equals(c.get("status").asString()));
        assertThat(adjustmentsFor(orderId)).singleElement().satisfies(a -> assertThat(a.get("items").get(0)
                .get("adjustmentReason").asString()).isEqualTo("CustomerReturn"));
        assertThat(refunded.get("request").get("reason").asString()).isEqualTo("NO_LONGER_NEEDED");
    }

    private Map<String, JsonNode> awaitCases(Map<String, String> expected) {
        Map<String, JsonNode> cases = new HashMap<>();
        await().atMost(AMAZON_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            cases.clear();
            for (String account : List.of("amazon-us", "amazon-jp")) {
                for (JsonNode c : api.get("/api/cases?marketplace=" + account + "&size=200").json().get("cases")) {
                    if (expected.containsKey(c.get("returnId").asString())) {
                        cases.put(c.get("returnId").asString(), c);
                    }
                }
            }
            return cases.size() == expected.size() && cases.values().stream().noneMatch(c ->
                    "ACTIVE".equals(c.get("phase").asString())
                            || "AWAITING_MARKETPLACE".equals(c.get("status").asString()));
        });
        return cases;
    }

    private JsonNode amazonCase(String rma, java.util.function.Predicate<JsonNode> condition) {
        java.util.concurrent.atomic.AtomicReference<JsonNode> found = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(AMAZON_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode c : api.get("/api/cases?marketplace=amazon-us&size=200").json().get("cases")) {
                if (rma.equals(c.get("returnId").asString())) {
                    JsonNode detail = detail(c);
                    found.set(detail);
                    return condition.test(detail);
                }
            }
            return false;
        });
        return found.get();
    }

    private JsonNode detail(JsonNode summary) {
        return api.get("/api/cases/" + summary.get("caseId").asString()).json();
    }

    private static String refundStatus(JsonNode detail) {
        return detail.get("refunds").get(0).get("status").asString();
    }

    /** An order at the simulated Amazon, its parcel at the forwarder, and the order in the order-to-waybill file. */
    private void amazonOrder(String orderId, String sellerId, String marketplaceId, String currency, String waybill,
                             String parcelStatus, String sku, String price) {
        ObjectNode order = Http.JSON.createObjectNode();
        order.put("orderId", orderId);
        order.put("sellerId", sellerId);
        order.put("marketplaceId", marketplaceId);
        order.put("purchasedAgo", "2d");
        ObjectNode buyer = order.putObject("buyer");
        buyer.put("name", "Amazon Buyer " + orderId);
        buyer.put("email", "amz-" + orderId.replace("-", "") + "@marketplace.amazon.example");
        ObjectNode address = buyer.putObject("address");
        address.put("name", "Amazon Buyer " + orderId);
        address.put("line1", "10 Market Street");
        address.put("city", "Seattle");
        address.put("region", "WA");
        address.put("postalCode", "98101");
        address.put("country", "US");
        ArrayNode items = order.putArray("items");
        ObjectNode item = items.addObject();
        item.put("orderItemId", orderId.replace("-", "") + "01");
        item.put("sku", sku);
        item.put("asin", "B0TEST" + orderId.substring(orderId.length() - 4));
        item.put("title", "Test item for " + orderId);
        item.put("quantity", 1);
        item.put("itemPrice", Double.parseDouble(price));
        item.put("currency", currency);
        ObjectNode parcel = order.putObject("parcel");
        parcel.put("forwarder", "4px");
        parcel.put("waybill", waybill);
        parcel.put("status", parcelStatus);
        parcel.put("interceptable", true);
        var reply = sandbox.post("/sandbox/amazon/orders", order);
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        orderShipsAs(orderId, "4px", waybill);
    }

    /** A buyer asks Amazon for a return; answers its Amazon RMA ID. */
    private String amazonReturn(String orderId, String sku, int quantity) {
        String rma = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase() + "RMA";
        var reply = sandbox.post("/sandbox/amazon/returns", Map.of("orderId", orderId, "rmaId", rma,
                "items", List.of(Map.of("sku", sku, "quantity", quantity)), "reason", "CR-UNWANTED_ITEM"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return rma;
    }

    private static String amazonOrderId(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return prefix + "-" + (1000000 + random.nextInt(9000000)) + "-" + (1000000 + random.nextInt(9000000));
    }
}
