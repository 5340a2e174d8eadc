package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.testsupport.Http;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A later Amazon returns report of the same RMA brings the return parcel's Tracking ID, Return carrier and Return
 * delivery date (through the Selling Partner API simulator): the number is attached to the case and the delivery
 * recorded; Amazon accounts refund on receipt by default, so the refund waits for the warehouse, then goes out once.
 */
class AmazonReturnTrackingTest extends SandboxGatewayTest {

    @Test
    void aLaterReportWithTrackingAttachesItAndRecordsTheDelivery() {
        String orderId = "113-" + (1000000 + ThreadLocalRandom.current().nextInt(9000000)) + "-"
                + (1000000 + ThreadLocalRandom.current().nextInt(9000000));
        String waybill = waybill("4PX");
        amazonOrder(orderId, waybill, "SKU-T-" + orderId);
        String rma = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase() + "RMA";
        Http.Reply added = sandbox.post("/sandbox/amazon/returns", Map.of("orderId", orderId, "rmaId", rma,
                "items", List.of(Map.of("sku", "SKU-T-" + orderId, "quantity", 1)), "reason", "CR-UNWANTED_ITEM"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        String caseId = awaitCase(rma, "AWAITING_RETURN");

        Http.Reply label = sandbox.put("/sandbox/amazon/returns/" + rma + "/label", Map.of("trackingId",
                "1ZAMZRETURN" + rma.substring(1, 8), "returnCarrier", "UPS", "deliveredAt", "2026-11-27T10:00:00Z"));
        assertThat(label.status()).as(label.text()).isEqualTo(200);

        await().atMost(FLOW_TIMEOUT).until(() -> jdbc.sql(
                "SELECT count(*) FROM return_parcel WHERE case_id = :id AND delivered_at IS NOT NULL")
                .param("id", caseId).query(Long.class).single() == 1);
        Map<String, Object> parcel = jdbc.sql("SELECT number, carrier, source FROM return_parcel WHERE case_id = :id")
                .param("id", caseId).query().singleRow();
        assertThat(parcel.get("number")).isEqualTo("1ZAMZRETURN" + rma.substring(1, 8));
        assertThat(parcel.get("carrier")).isEqualTo("UPS");
        assertThat((String) parcel.get("source")).startsWith("amazon returns report");
        JsonNode detail = api.get("/api/cases/" + caseId).json();
        assertThat(detail.get("status").asString()).as("amazon-us refunds on receipt").isEqualTo("AWAITING_RETURN");
        assertThat(timelineText(detail)).contains("Return parcel reached delivered");

        assertThat(api.post("/api/cases/" + caseId + "/received", "").status()).isEqualTo(200);
        await().atMost(FLOW_TIMEOUT).until(() -> adjustmentsFor(orderId).size() == 1);
        assertThat(adjustmentsFor(orderId)).hasSize(1);
    }

    private String awaitCase(String rma, String status) {
        await().atMost(FLOW_TIMEOUT.multipliedBy(2)).until(() -> jdbc.sql(
                "SELECT count(*) FROM return_case WHERE marketplace = 'amazon-us' AND return_id = :rma AND status = :s")
                .param("rma", rma).param("s", status).query(Long.class).single() == 1);
        return jdbc.sql("SELECT case_id FROM return_case WHERE marketplace = 'amazon-us' AND return_id = :rma")
                .param("rma", rma).query(String.class).single();
    }

    /** An order at the simulated Amazon whose 4PX parcel was delivered, in the order-to-waybill file. */
    private void amazonOrder(String orderId, String waybill, String sku) {
        ObjectNode order = Http.JSON.createObjectNode();
        order.put("orderId", orderId);
        order.put("sellerId", "A3SANDBOXUS01");
        order.put("marketplaceId", "ATVPDKIKX0DER");
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
        ObjectNode item = order.putArray("items").addObject();
        item.put("orderItemId", orderId.replace("-", "") + "01");
        item.put("sku", sku);
        item.put("asin", "B0TEST" + orderId.substring(orderId.length() - 4));
        item.put("title", "Test item for " + orderId);
        item.put("quantity", 1);
        item.put("itemPrice", 39.50);
        item.put("currency", "USD");
        ObjectNode parcel = order.putObject("parcel");
        parcel.put("forwarder", "4px");
        parcel.put("waybill", waybill);
        parcel.put("status", "F");
        parcel.put("interceptable", true);
        Http.Reply reply = sandbox.post("/sandbox/amazon/orders", order);
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        orderShipsAs(orderId, "4px", waybill);
    }
}
