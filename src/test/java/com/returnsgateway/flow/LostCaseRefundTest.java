package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A return read again after its case was lost (a database restored from before it, or a new one): the refund gets
 * the same idempotency key, the marketplace is asked what it already paid under it, and the buyer is paid once.
 */
class LostCaseRefundTest extends SandboxGatewayTest {

    @Test
    void aReturnReadAgainAfterItsCaseWasLostIsNotPaidTwice() {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Cancelled", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "42.00",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        String returnId = request.get("returnId").asString();
        marketplaceHas(request);
        String lostCaseId = caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString()))
                .get("caseId").asString();
        String key = "rg:sandbox-us:" + returnId + ":refund";
        String refundId = refundsFor(returnId).get(0).get("refundId").asString();

        forgetCase(lostCaseId);
        // read again, the parcel now says LOST: a refund for another reason, which a plain replay of the key would
        // have the marketplace refuse as a different body
        parcel("generic-express", waybill, "Lost", true);
        marketplaceHas(request);
        JsonNode again = caseWhere(request, c -> !lostCaseId.equals(c.get("caseId").asString())
                && !"ACTIVE".equals(c.get("phase").asString()));

        assertThat(again.get("status").asString()).as(again.get("statusReason").asString()).isEqualTo("REFUNDED");
        assertThat(again.get("refunds").get(0).get("idempotencyKey").asString()).isEqualTo(key);
        assertThat(timelineText(again)).contains("already paid by the marketplace as " + refundId);
        List<JsonNode> received = refundsFor(returnId);
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.get("idempotencyKey").asString()).isEqualTo(key);
            assertThat(r.get("reason").asString()).isEqualTo("ORDER_CANCELLED");
            assertThat(r.get("replays").asInt()).isZero();
            assertThat(r.get("lookups").asInt()).isPositive();
        });
    }
}
