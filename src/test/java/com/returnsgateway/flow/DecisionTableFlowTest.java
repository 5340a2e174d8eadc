package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.testsupport.Pdfs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every row of the decision table, driven the way it happens for real: the marketplace serves a return request,
 * the forwarder knows the parcel, and the test looks at what the buyer, the marketplace, the forwarder, the back
 * office and operations received, and at the case an operator would open.
 */
class DecisionTableFlowTest extends SandboxGatewayTest {

    private static final String OPS = "ops@sandbox-seller.example";

    @Test
    void parcelStillAtForwarderIsInterceptedAndRefundedInFull() {
        String waybill = waybill("4PX");
        parcel("4px", waybill, "P", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "39.99", Map.of("forwarder", "4px", "waybill", waybill));
        marketplaceHas(request);

        // 4PX answers a hold later (is_hold_sign Y, then S): the case waits in AWAITING_FORWARDER meanwhile
        JsonNode c = caseWhere(request, d -> !"ACTIVE".equals(d.get("phase").asString())
                && !"AWAITING_FORWARDER".equals(d.get("status").asString()));

        assertThat(c.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(c.get("phase").asString()).isEqualTo("DONE");
        assertThat(c.get("shipmentState").asString()).isEqualTo("AWAITING_DISPATCH");
        List<JsonNode> intercepts = interceptsOf("4px", waybill);
        assertThat(intercepts).hasSize(1);
        assertThat(intercepts.get(0).get("outcome").asString()).isEqualTo("ACCEPTED");
        List<JsonNode> refunds = refundsFor(request.get("returnId").asString());
        assertThat(refunds).hasSize(1);
        assertThat(refunds.get(0).get("type").asString()).isEqualTo("FULL");
        assertThat(refunds.get(0).get("amount").decimalValue()).isEqualByComparingTo("39.99");
        assertThat(refunds.get(0).get("reason").asString()).isEqualTo("PARCEL_INTERCEPTED");
        assertThat(refunds.get(0).get("idempotencyKey").asString()).endsWith(":refund");
        List<JsonNode> mails = mailsTo(buyerEmail(request));
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).get("subject").asString()).contains("stopped your parcel");
        assertThat(mails.get(0).get("textBody").asString()).contains("39.99");
        assertThat(timelineTypes(c)).containsSubsequence("RECEIVED", "SHIPMENT_STATUS", "INTERCEPT", "REFUND", "EMAIL");
        assertThat(c.get("refunds").get(0).get("status").asString()).isEqualTo("SENT");
        assertThat(c.get("intercept").get("outcome").get("result").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void rejectedInterceptContinuesAsInTransit() {
        String waybill = waybill("4PX");
        parcel("4px", waybill, "P", false);
        ObjectNode request = returnObject("sandbox-us", "USD", "25.00", Map.of("forwarder", "4px", "waybill", waybill));
        marketplaceHas(request);

        JsonNode c = settledCase(request);

        assertThat(c.get("status").asString()).isEqualTo("AWAITING_BUYER");
        assertThat(c.get("phase").asString()).isEqualTo("WAITING");
        assertThat(timelineText(c)).contains("REJECTED (DS000031: product cannot be intercepted)");
        assertThat(refundsFor(request.get("returnId").asString())).isEmpty();
        assertThat(mailsTo(buyerEmail(request))).singleElement()
                .satisfies(m -> assertThat(m.get("subject").asString()).contains("on its way"));
        assertThat(opsMailsAbout(c)).anySatisfy(m -> assertThat(m.get("subject").asString()).contains("Action needed"));
    }

    @Test
    void inTransitParcelGetsTheBuyerTheirOptionsAndOperationsATask() {
        String waybill = waybill("4PX");
        parcel("4px", waybill, "C", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "25.00", Map.of("forwarder", "4px", "waybill", waybill));
        marketplaceHas(request);

        JsonNode c = settledCase(request);

        assertThat(c.get("status").asString()).isEqualTo("AWAITING_BUYER");
        assertThat(c.get("shipmentState").asString()).isEqualTo("IN_TRANSIT");
        JsonNode mail = mailsTo(buyerEmail(request)).get(0);
        assertThat(mail.get("textBody").asString()).containsIgnoringCase("refuse").containsIgnoringCase("label");
        assertThat(interceptsOf("4px", waybill)).isEmpty();
        assertThat(refundsFor(request.get("returnId").asString())).isEmpty();
        assertThat(opsMailsAbout(c)).hasSize(1);
    }

    @Test
    void outForDeliveryIsTreatedAsInTransit() {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "OutForDelivery", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "25.00",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        marketplaceHas(request);

        JsonNode c = settledCase(request);

        assertThat(c.get("status").asString()).isEqualTo("AWAITING_BUYER");
        assertThat(c.get("shipmentState").asString()).isEqualTo("OUT_FOR_DELIVERY");
        assertThat(c.get("forwarderCode").asString()).isEqualTo("OutForDelivery");
    }

    @Test
    void deliveredParcelGetsAPrintableLabelAndIsRefundedWhenItComesBack() throws Exception {
        String waybill = waybill("4PX");
        parcel("4px", waybill, "F", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "59.90", Map.of("forwarder", "4px", "waybill", waybill));
        marketplaceHas(request);
        String returnId = request.get("returnId").asString();

        JsonNode c = settledCase(request);

        assertThat(c.get("status").asString()).isEqualTo("AWAITING_RETURN");
        assertThat(c.get("phase").asString()).isEqualTo("WAITING");
        JsonNode mail = mailsTo(buyerEmail(request)).get(0);
        assertThat(mail.get("subject").asString()).contains("return label");
        assertThat(mail.get("contentTypes").toString()).contains("text/plain").contains("text/html");
        JsonNode attachment = mail.get("attachments").get(0);
        assertThat(attachment.get("name").asString()).isEqualTo("return-label-" + returnId + ".pdf");
        assertThat(attachment.get("contentType").asString()).startsWith("application/pdf");
        byte[] pdf = sandbox.get(attachment.get("url").asString()).response().body();
        assertThat(Pdfs.pageSize(pdf)).containsExactly(288f, 432f);
        assertThat(Pdfs.text(pdf)).contains(returnId, request.get("orderId").asString(), "Seller Returns Center",
                request.get("buyer").get("name").asString());
        assertThat(Pdfs.scanCode128(pdf)).containsExactly(returnId);
        assertThat(refundsFor(returnId)).isEmpty();

        var received = api.post("/api/cases/" + c.get("caseId").asString() + "/received", "");
        assertThat(received.status()).isEqualTo(200);
        JsonNode refunded = caseWhere(request, d -> "REFUNDED".equals(d.get("status").asString()));

        assertThat(refunded.get("phase").asString()).isEqualTo("DONE");
        List<JsonNode> refunds = refundsFor(returnId);
        assertThat(refunds).hasSize(1);
        assertThat(refunds.get(0).get("reason").asString()).isEqualTo("RETURN_RECEIVED");
        assertThat(refunds.get(0).get("amount").decimalValue()).isEqualByComparingTo("59.90");
        await().until(() -> mailsTo(buyerEmail(request)).size() == 2);
        assertThat(mailsTo(buyerEmail(request)).get(1).get("subject").asString()).contains("refund");
    }

    @Test
    void partialRefundRequestIsHonouredWhenTheReturnArrives() {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Delivered", true);
        ObjectNode request = returnObject("sandbox-eu", "EUR", "49.00",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        request.put("refundType", "PARTIAL");
        request.putObject("requestedRefund").put("amount", "20.00").put("currency", "EUR");
        marketplaceHas(request);

        JsonNode c = settledCase(request);
        assertThat(c.get("status").asString()).isEqualTo("AWAITING_RETURN");
        api.post("/api/cases/" + c.get("caseId").asString() + "/received", "");
        caseWhere(request, d -> "REFUNDED".equals(d.get("status").asString()));

        JsonNode refund = refundsFor(request.get("returnId").asString()).get(0);
        assertThat(refund.get("type").asString()).isEqualTo("PARTIAL");
        assertThat(refund.get("amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(refund.get("currency").asString()).isEqualTo("EUR");
    }

    @Test
    void cheapDeliveredItemIsRefundedWithoutAskingForItBack() {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Delivered", true);
        ObjectNode request = returnObject("sandbox-eu", "EUR", "8.50",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        marketplaceHas(request);

        JsonNode c = settledCase(request);

        assertThat(c.get("status").asString()).isEqualTo("REFUNDED");
        JsonNode refund = refundsFor(request.get("returnId").asString()).get(0);
        assertThat(refund.get("reason").asString()).isEqualTo("RETURNLESS");
        assertThat(refund.get("amount").decimalValue()).isEqualByComparingTo("8.50");
        List<JsonNode> mails = mailsTo(buyerEmail(request));
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.get("subject").asString()).contains("refund");
            assertThat(m.get("attachments")).isEmpty();
        });
    }

    @Test
    void failedDeliveryWaitsForTheParcelAndRefundsInFullWhenItIsBack() {
        String waybill = waybill("4PX");
        parcel("4px", waybill, "FPX_D_FD", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "70.00", Map.of("forwarder", "4px", "waybill", waybill));
        request.put("refundType", "PARTIAL");
        request.putObject("requestedRefund").put("amount", "10.00").put("currency", "USD");
        marketplaceHas(request);

        JsonNode c = settledCase(request);

        assertThat(c.get("status").asString()).isEqualTo("AWAITING_RETURN");
        assertThat(c.get("shipmentState").asString()).isEqualTo("DELIVERY_FAILED");
        assertThat(mailsTo(buyerEmail(request)).get(0).get("subject").asString()).contains("coming back");
        assertThat(opsMailsAbout(c)).hasSize(1);
        api.post("/api/cases/" + c.get("caseId").asString() + "/received", "");
        caseWhere(request, d -> "REFUNDED".equals(d.get("status").asString()));
        JsonNode refund = refundsFor(request.get("returnId").asString()).get(0);
        assertThat(refund.get("type").asString()).as("never delivered: full refund").isEqualTo("FULL");
        assertThat(refund.get("reason").asString()).isEqualTo("RETURNED_TO_SENDER");
    }

    @Test
    void parcelReturningToSenderWaitsForIt() {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "ReturnToSender", true);
        ObjectNode request = returnObject("sandbox-eu", "EUR", "30.00",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        marketplaceHas(request);

        JsonNode c = settledCase(request);

        assertThat(c.get("status").asString()).isEqualTo("AWAITING_RETURN");
        assertThat(c.get("shipmentState").asString()).isEqualTo("RETURNING_TO_SENDER");
        assertThat(refundsFor(request.get("returnId").asString())).isEmpty();
    }

    @Test
    void lostParcelIsRefundedInFullAndOperationsFileAClaim() {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Lost", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "52.97",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        marketplaceHas(request);

        JsonNode c = settledCase(request);

        assertThat(c.get("status").asString()).isEqualTo("REFUNDED");
        JsonNode refund = refundsFor(request.get("returnId").asString()).get(0);
        assertThat(refund.get("reason").asString()).isEqualTo("PARCEL_LOST");
        assertThat(refund.get("type").asString()).isEqualTo("FULL");
        assertThat(mailsTo(buyerEmail(request)).get(0).get("subject").asString()).contains("lost");
        assertThat(opsMailsAbout(c)).singleElement()
                .satisfies(m -> assertThat(m.get("textBody").asString()).contains("claim"));
    }

    @Test
    void cancelledShipmentIsRefundedInFull() {
        String waybill = waybill("4PX");
        parcel("4px", waybill, "X", true);
        ObjectNode request = returnObject("sandbox-cn", "CNY", "168.00", Map.of("forwarder", "4px", "waybill", waybill));
        marketplaceHas(request);

        JsonNode c = settledCase(request);

        assertThat(c.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(refundsFor(request.get("returnId").asString())).singleElement()
                .satisfies(r -> assertThat(r.get("reason").asString()).isEqualTo("ORDER_CANCELLED"));
        assertThat(mailsTo(buyerEmail(request)).get(0).get("subject").asString()).contains("refund");
    }

    @Test
    void unknownForwarderCodeGoesToManualReviewAndResumesOnRetry() {
        String waybill = waybill("4PX");
        parcel("4px", waybill, "Z", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "45.00", Map.of("forwarder", "4px", "waybill", waybill));
        marketplaceHas(request);

        JsonNode c = settledCase(request);

        assertThat(c.get("status").asString()).isEqualTo("MANUAL_REVIEW");
        assertThat(c.get("phase").asString()).isEqualTo("WAITING");
        assertThat(c.get("statusReason").asString()).contains("'Z'");
        assertThat(opsMailsAbout(c)).singleElement()
                .satisfies(m -> assertThat(m.get("subject").asString()).contains("Manual review"));

        parcel("4px", waybill, "F", true);
        var retry = api.post("/api/cases/" + c.get("caseId").asString() + "/retry", "");
        assertThat(retry.status()).isEqualTo(200);
        JsonNode resumed = caseWhere(request, d -> "AWAITING_RETURN".equals(d.get("status").asString()));
        assertThat(timelineTypes(resumed)).contains("RETRY");
    }

    @Test
    void returnWithoutAKnownShipmentGoesToManualReview() {
        ObjectNode request = returnObject("sandbox-jp", "JPY", "4980", null);
        marketplaceHas(request);

        JsonNode c = settledCase(request);

        assertThat(c.get("status").asString()).isEqualTo("MANUAL_REVIEW");
        assertThat(c.get("statusReason").asString()).contains("Shipment not found");
        assertThat(mailsTo(buyerEmail(request))).isEmpty();
    }

    @Test
    void replacementRequestSendsAReshipInsteadOfARefund() {
        String waybill = waybill("4PX");
        parcel("4px", waybill, "F", true);
        ObjectNode request = returnObject("sandbox-cn", "CNY", "39.00", Map.of("forwarder", "4px", "waybill", waybill));
        request.put("resolution", "REPLACE");
        marketplaceHas(request);

        JsonNode c = settledCase(request);

        assertThat(c.get("status").asString()).isEqualTo("RESHIP_REQUESTED");
        assertThat(c.get("phase").asString()).isEqualTo("DONE");
        assertThat(refundsFor(request.get("returnId").asString())).isEmpty();
        List<JsonNode> reships = new java.util.ArrayList<>();
        sandbox.get("/sandbox/backoffice/reships").json().forEach(r -> {
            if (r.get("returnId").asString().equals(request.get("returnId").asString())) {
                reships.add(r);
            }
        });
        assertThat(reships).singleElement()
                .satisfies(r -> assertThat(r.get("idempotencyKey").asString()).endsWith(":reship"));
        assertThat(mailsTo(buyerEmail(request)).get(0).get("subject").asString()).contains("replacement");
    }

    /** Operations emails about the case; waits for the first, since a failure's email may follow its status. */
    private List<JsonNode> opsMailsAbout(JsonNode caseDetail) {
        String caseId = caseDetail.get("caseId").asString();
        await().atMost(FLOW_TIMEOUT).until(() -> !opsMails(caseId).isEmpty());
        return opsMails(caseId);
    }

    private List<JsonNode> opsMails(String caseId) {
        return mailsTo(OPS).stream().filter(m -> m.get("subject").asString().contains(caseId)).toList();
    }
}
