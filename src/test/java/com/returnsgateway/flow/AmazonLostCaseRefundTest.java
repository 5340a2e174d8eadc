package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.adapter.amazon.AmazonIntake;
import com.returnsgateway.adapter.amazon.api.SpApiException;
import com.returnsgateway.adapter.amazon.format.ReturnReportRow;
import com.returnsgateway.adapter.amazon.format.ReturnsReport;
import com.returnsgateway.testsupport.Http;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Amazon return refunded through a feed, then read again from the returns report after its case was lost (a
 * database restored from before it, or a new one): a feed has no idempotency key, so the gateway asks Amazon's
 * Finances API what it already refunded on the order, finds the refund and does not send a second one.
 */
class AmazonLostCaseRefundTest extends SandboxGatewayTest {

    /** Shares its seller with amazon-us; no timer runs its cycles, so the test steps its refund feed. */
    private static final String ACCOUNT = "amazon-recovery";

    @Autowired
    AmazonIntake intake;

    @Test
    void anAmazonReturnReadAgainAfterItsCaseWasLostIsNotRefundedTwice() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String orderId = "116-" + random.nextInt(1_000_000, 9_999_999) + "-" + random.nextInt(1_000_000, 9_999_999);
        String rma = "LC" + random.nextInt(1_000_000, 9_999_999) + "RMA";
        String sku = "SKU-LOST-" + orderId;
        String waybill = waybill("4PX");
        var order = sandbox.post("/sandbox/amazon/orders", Map.of("orderId", orderId, "sellerId", "A3SANDBOXUS01",
                "marketplaceId", "ATVPDKIKX0DER",
                "buyer", Map.of("name", "Lost Case Buyer", "email", "lost-case@marketplace.amazon.example",
                        "address", Map.of("line1", "2 Elm St", "city", "Boise", "postalCode", "83702", "country", "US")),
                "items", List.of(Map.of("orderItemId", orderId.replace("-", "") + "01", "sku", sku, "asin",
                        "B0LOSTCASE", "title", "Lost case item", "quantity", 1, "itemPrice", "12.40", "currency", "USD")),
                "parcel", Map.of("forwarder", "4px", "waybill", waybill, "status", "F", "interceptable", false)));
        assertThat(order.status()).as(order.text()).isEqualTo(201);
        orderShipsAs(orderId, "4px", waybill);
        List<ReturnReportRow> rows = reportRows(orderId, rma, sku);
        ObjectNode lookup = Http.JSON.createObjectNode().put("orderId", orderId);
        awaitSeededAmazonReturnsTakenIn(); // the seller's Orders buckets are shared with amazon-us

        readFromTheReport(rows, "71000000001");
        JsonNode first = caseWhere(lookup, c -> {
            tickRefundFeed(ACCOUNT);
            return "REFUNDED".equals(c.get("status").asString());
        });
        assertThat(adjustmentsFor(orderId)).as("refunded through a feed").singleElement()
                .satisfies(a -> assertThat(a.get("result").asString()).isEqualTo("ACCEPTED"));

        forgetCase(first.get("caseId").asString());
        readFromTheReport(rows, "71000000002");
        JsonNode again = caseWhere(lookup, c -> !first.get("caseId").equals(c.get("caseId"))
                && "REFUNDED".equals(c.get("status").asString()));
        tickRefundFeed(ACCOUNT); // a refund queued by mistake would leave with this tick

        assertThat(timelineText(again)).contains("already refunded by Amazon: Amazon already shows refunds on order "
                + orderId + " (Principal " + sku + " 12.40 USD", "not sent again");
        assertThat(again.get("refunds").get(0).get("remoteReference").asString())
                .startsWith("Amazon refund event posted ");
        assertThat(again.get("amazonRefund").get("resultCode").asString()).isEqualTo("ALREADY_PAID");
        assertThat(adjustmentsFor(orderId)).as("no second adjustment for the order in any feed").hasSize(1);
    }

    /** Takes the return in as the report cycle would; a 429 from the shared Orders bucket ends a try, as a cycle step. */
    private void readFromTheReport(List<ReturnReportRow> rows, String reportId) {
        await().atMost(FLOW_TIMEOUT).ignoreExceptionsMatching(e -> e instanceof SpApiException throttled
                && throttled.isTransient()).until(() -> {
                    intake.accept(rows, ACCOUNT, reportId);
                    return true;
                });
    }

    /** The report row of a one-item return, damaged by the carrier: cheap enough to be refunded without the parcel. */
    private static List<ReturnReportRow> reportRows(String orderId, String rma, String sku) {
        Map<String, String> row = new LinkedHashMap<>();
        ReturnsReport.columns().forEach(column -> row.put(column, ""));
        row.putAll(Map.of("Order ID", orderId, "Order date", "2026-11-20T08:15:00+00:00",
                "Return request date", "2026-11-25T09:00:00+00:00", "Return request status", "Approved",
                "Amazon RMA ID", rma, "Currency code", "USD", "ASIN", "B0LOSTCASE", "Merchant SKU", sku,
                "Item Name", "Lost case item", "Return quantity", "1"));
        row.putAll(Map.of("Return Reason", "CR-DAMAGED_BY_CARRIER", "Return type", "C-Returns",
                "Resolution", "StandardRefund", "Order Amount", "12.40", "Order quantity", "1"));
        String tsv = String.join("\t", row.keySet()) + "\n" + String.join("\t", row.values()) + "\n";
        ReturnsReport.Parsed parsed = ReturnsReport.parse(new StringReader(tsv));
        assertThat(parsed.problems()).isEmpty();
        return parsed.rows();
    }
}
