package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.testsupport.Http;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A 4PX label case's return forecast to 4PX's return warehouse (GRS, config/application-sandbox.yaml: the sandbox 4px
 * forwarder's returns-warehouse USLAX01): once an operator attaches the return's tracking number the gateway opens an
 * RMA at the 4PX simulator, and when that RMA is received the case of a marketplace refunding on receipt (sandbox-jp)
 * is refunded, once.
 */
class FourPxReturnWarehouseFlowTest extends SandboxGatewayTest {

    @Test
    void theReturnIsForecastAndRefundedOnceWhenTheWarehouseSaysItReceivedIt() {
        ObjectNode request = fourPxLabelCase();
        String caseId = awaitingReturn(request);
        String number = returnNumber();

        attach(caseId, number);
        JsonNode rma = awaitRma(number);

        assertThat(rma.get("refNo").asString()).isEqualTo(request.get("returnId").asString());
        assertThat(rma.get("warehouseCode").asString()).isEqualTo("USLAX01");
        assertThat(rma.get("servicesProductCode").asString()).isEqualTo("GRS-STD");
        String sku = request.get("items").get(0).get("sku").asString();
        assertThat(rma.get("skus").get(sku).asInt()).isEqualTo(1);
        String rmaNo = rma.get("rmaNo").asString();
        await().atMost(FLOW_TIMEOUT).until(() -> rmaNo.equals(parcelColumn(caseId, "rma_no")));
        assertThat(parcelColumn(caseId, "rma_status")).isEqualTo("WAIT_RECEIVER");
        assertThat(status(caseId)).as("sandbox-jp refunds on receipt").isEqualTo("AWAITING_RETURN");
        assertThat(refundsFor(request.get("returnId").asString())).isEmpty();

        Http.Reply received = sandbox.put("/sandbox/4px/rmas/" + rmaNo, Map.of("status", "RECEIVER_COMPLETE"));
        assertThat(received.status()).as(received.text()).isEqualTo(200);
        JsonNode refunded = caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString()));

        assertThat(timelineText(refunded)).contains("Return forecast to the return warehouse of 4px as RMA " + rmaNo)
                .contains("Return parcel reached received").contains("sandbox-jp refunds at received");
        assertThat(parcelColumn(caseId, "rma_status")).isEqualTo("RECEIVER_COMPLETE");
        assertThat(parcelColumn(caseId, "refund_moment")).isEqualTo("received");
        assertThat(api.post("/api/cases/" + caseId + "/received", "").status()).as("no longer waiting").isEqualTo(409);
        assertThat(refundsFor(request.get("returnId").asString())).singleElement()
                .satisfies(r -> assertThat(r.get("reason").asString()).isEqualTo("RETURN_RECEIVED"));
        assertThat(rmasFor(number)).as("forecast once").isEqualTo(1);
    }

    @Test
    void theWarehouseReceivesTheParcelOnce17trackSaysItWasDelivered() {
        ObjectNode request = fourPxLabelCase();
        String caseId = awaitingReturn(request);
        String number = returnNumber();

        attach(caseId, number);
        String rmaNo = awaitRma(number).get("rmaNo").asString();
        Http.Reply moved = sandbox.put("/sandbox/17track/numbers/" + number,
                Map.of("status", "Delivered", "subStatus", "Delivered_Other"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);

        caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString()));
        assertThat(awaitRma(number).get("status").asString()).isEqualTo("RECEIVER_COMPLETE");
        assertThat(parcelColumn(caseId, "rma_no")).isEqualTo(rmaNo);
        assertThat(refundsFor(request.get("returnId").asString())).hasSize(1);
    }

    /** A return of a delivered 4PX parcel worth more than the returnless threshold: the buyer gets a label. */
    private ObjectNode fourPxLabelCase() {
        String waybill = waybill("4PX");
        parcel("4px", waybill, "F", true);
        ObjectNode request = returnObject("sandbox-jp", "JPY", "9000", Map.of("forwarder", "4px", "waybill", waybill));
        marketplaceHas(request);
        return request;
    }

    private String awaitingReturn(ObjectNode request) {
        JsonNode c = settledCase(request);
        assertThat(c.get("status").asString()).as(timelineText(c)).isEqualTo("AWAITING_RETURN");
        return c.get("caseId").asString();
    }

    private void attach(String caseId, String number) {
        Http.Reply reply = api.post("/api/cases/" + caseId + "/return-tracking", Map.of("number", number));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("attached").asString()).isEqualTo("NEW");
    }

    /** The RMA the 4PX simulator opened for this return parcel, once there is one. */
    private JsonNode awaitRma(String number) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(FLOW_TIMEOUT).until(() -> {
            for (JsonNode rma : sandbox.get("/sandbox/4px/rmas").json()) {
                if (number.equals(rma.get("receivedShippingNo").asString())) {
                    found.set(rma);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    private long rmasFor(String number) {
        long count = 0;
        for (JsonNode rma : sandbox.get("/sandbox/4px/rmas").json()) {
            if (number.equals(rma.get("receivedShippingNo").asString())) {
                count += 1 + rma.get("replays").asInt();
            }
        }
        return count;
    }

    private String parcelColumn(String caseId, String column) {
        return jdbc.sql("SELECT " + column + " FROM return_parcel WHERE case_id = :id").param("id", caseId)
                .query(String.class).optional().orElse(null);
    }

    private String status(String caseId) {
        return api.get("/api/cases/" + caseId).json().get("status").asString();
    }

    private static String returnNumber() {
        return "RT4PX" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }
}
