package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.testsupport.Http.Reply;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The refund ledger per order line: several returns of one order never get a line back more than was paid for it,
 * a request listing a line twice is refused, and a large return pushed through the API waits for an operator.
 */
class RefundLedgerFlowTest extends SandboxGatewayTest {

    @Test
    void aSecondReturnOfAnAlreadyRefundedLineGoesToManualReviewUnpaid() {
        ObjectNode first = cancelledReturn("20.00");
        ObjectNode second = sameLineAgain(first);
        marketplaceHas(first);
        assertThat(caseOf(first, "REFUNDED").get("status").asString()).isEqualTo("REFUNDED");

        marketplaceHas(second);
        JsonNode refused = caseOf(second, null);

        assertThat(refused.get("status").asString()).isEqualTo("MANUAL_REVIEW");
        String sku = first.get("items").get(0).get("sku").asString();
        assertThat(refused.get("statusReason").asString()).contains("Refund of 20.00 USD not made")
                .contains("line " + sku + " (paid 20.00 USD, refunded by other returns 20.00 USD, this refund 20.00 USD)");
        assertThat(refundsFor(second.get("returnId").asString())).isEmpty();
        assertThat(refundsFor(first.get("returnId").asString())).hasSize(1);
    }

    @Test
    void returnsOfAnOrderLineBoughtTwiceAreEachRefundedUpToWhatWasPaid() {
        ObjectNode first = cancelledReturn("15.00");
        ((ObjectNode) first.get("items").get(0)).put("orderedQuantity", 2);
        ObjectNode second = sameLineAgain(first);
        ObjectNode third = sameLineAgain(first);
        marketplaceHas(first);
        caseOf(first, "REFUNDED");
        marketplaceHas(second);
        caseOf(second, "REFUNDED");

        marketplaceHas(third);

        assertThat(caseOf(third, null).get("status").asString()).isEqualTo("MANUAL_REVIEW");
        assertThat(refundsFor(second.get("returnId").asString())).singleElement()
                .satisfies(r -> assertThat(r.get("amount").decimalValue()).isEqualByComparingTo("15.00"));
        assertThat(refundsFor(third.get("returnId").asString())).isEmpty();
    }

    @Test
    void aPolledReturnListingASkuTwiceIsQuarantinedWithThatReason() {
        ObjectNode request = cancelledReturn("9.00");
        ObjectNode twice = ((ArrayNode) request.get("items")).addObject();
        twice.setAll((ObjectNode) request.get("items").get(0).deepCopy());
        marketplaceHas(request);

        String returnId = request.get("returnId").asString();
        AtomicReference<JsonNode> entry = new AtomicReference<>();
        await().atMost(FLOW_TIMEOUT).until(() -> {
            for (JsonNode e : api.get("/api/quarantine?size=200").json().get("entries")) {
                if (returnId.equals(e.get("reference").asString())) {
                    entry.set(e);
                }
            }
            return entry.get() != null;
        });
        assertThat(entry.get().get("reason").asString()).contains("items[1].sku")
                .contains("list each order line once");
        assertThat(api.get("/api/cases?orderId=" + request.get("orderId").asString()).json().get("total").asLong())
                .isZero();
    }

    @Test
    void aLargeReturnPushedThroughTheApiWaitsForAnOperatorBeforeAnyRefund() {
        ObjectNode request = cancelledReturn("1500.00");
        Reply created = api.post("/api/returns", request);
        assertThat(created.status()).isEqualTo(202);
        String caseId = created.json().get("caseId").asString();

        JsonNode waiting = api.get("/api/cases/" + caseId).json();
        assertThat(waiting.get("status").asString()).isEqualTo("MANUAL_REVIEW");
        assertThat(waiting.get("statusReason").asString()).contains("gateway.intake.api-review-above.USD (1000)");
        assertThat(refundsFor(request.get("returnId").asString())).isEmpty();

        assertThat(api.post("/api/cases/" + caseId + "/retry", "").status()).isEqualTo(200);
        assertThat(caseOf(request, "REFUNDED").get("refunds").get(0).get("amount").get("amount").decimalValue())
                .isEqualByComparingTo("1500.00");
        assertThat(refundsFor(request.get("returnId").asString())).hasSize(1);
    }

    /** A return whose parcel was cancelled: refunded in full at once. */
    private ObjectNode cancelledReturn(String price) {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Cancelled", true);
        return returnObject("sandbox-us", "USD", price, Map.of("forwarder", "generic-express", "waybill", waybill));
    }

    /** Another return of the same order and line, with a parcel of its own. */
    private ObjectNode sameLineAgain(ObjectNode first) {
        ObjectNode again = cancelledReturn(first.get("items").get(0).get("unitPrice").get("amount").asString());
        again.put("orderId", first.get("orderId").asString());
        again.set("items", first.get("items").deepCopy());
        return again;
    }

    /** The case of this return once it is in {@code status} (any status but ACTIVE ones when null), in detail. */
    private JsonNode caseOf(ObjectNode request, String status) {
        String returnId = request.get("returnId").asString();
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(FLOW_TIMEOUT).until(() -> {
            for (JsonNode c : api.get("/api/cases?orderId=" + request.get("orderId").asString()).json().get("cases")) {
                if (returnId.equals(c.get("returnId").asString())) {
                    found.set(api.get("/api/cases/" + c.get("caseId").asString()).json());
                }
            }
            JsonNode c = found.get();
            return c != null && (status == null ? !"ACTIVE".equals(c.get("phase").asString())
                    : status.equals(c.get("status").asString()));
        });
        return found.get();
    }
}
