package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.testsupport.Http;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The return parcel of a label case, followed to its marketplace's refund moment (config/application-sandbox.yaml:
 * sandbox-us first-scan, sandbox-eu delivered, sandbox-jp received): an operator attaches the number, the test moves
 * it in the 17TRACK simulator (a signed push), and the refund goes out at exactly that moment, once.
 */
class ReturnParcelFlowTest extends SandboxGatewayTest {

    @Test
    void firstScanMarketplaceRefundsAtTheFirstCarrierScanAndOnce() {
        ObjectNode request = labelCase("sandbox-us", "USD");
        String caseId = awaitingReturn(request);
        String number = returnNumber();
        move(number, "InfoReceived", "InfoReceived");

        attach(caseId, number, "ups");
        await().atMost(FLOW_TIMEOUT).until(() -> "InfoReceived".equals(lastCode(caseId)));
        assertThat(status(caseId)).as("info received is no scan").isEqualTo("AWAITING_RETURN");
        assertThat(refundsFor(returnId(request))).isEmpty();

        move(number, "InTransit", "InTransit_PickedUp");
        JsonNode refunded = caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString()));

        assertThat(timelineText(refunded)).contains("Return parcel reached first-scan")
                .contains("sandbox-us refunds at first-scan");
        move(number, "Delivered", "Delivered_Other");
        assertThat(api.post("/api/cases/" + caseId + "/received", "").status()).as("no longer waiting").isEqualTo(409);
        assertThat(refundsFor(returnId(request))).singleElement()
                .satisfies(r -> assertThat(r.get("reason").asString()).isEqualTo("RETURN_RECEIVED"));
    }

    @Test
    void deliveredMarketplaceWaitsPastTheScanAndRefundsOnDelivery() {
        ObjectNode request = labelCase("sandbox-eu", "EUR");
        String caseId = awaitingReturn(request);
        String number = returnNumber();

        attach(caseId, number, "dhl");
        move(number, "InTransit", "InTransit_Other");
        await().atMost(FLOW_TIMEOUT).until(() -> jdbc.sql(
                "SELECT first_scan_at IS NOT NULL FROM return_parcel WHERE case_id = :id").param("id", caseId)
                .query(Boolean.class).single());
        assertThat(status(caseId)).isEqualTo("AWAITING_RETURN");
        assertThat(refundsFor(returnId(request))).isEmpty();

        move(number, "Delivered", "Delivered_Other");
        caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString()));

        assertThat(api.post("/api/cases/" + caseId + "/received", "").status()).isEqualTo(409);
        assertThat(refundsFor(returnId(request))).hasSize(1);
    }

    @Test
    void receivedMarketplaceWaitsPastTheDeliveryForTheWarehouse() {
        ObjectNode request = labelCase("sandbox-jp", "JPY");
        String caseId = awaitingReturn(request);
        String number = returnNumber();

        attach(caseId, number, null);
        move(number, "Delivered", "Delivered_Other");
        await().atMost(FLOW_TIMEOUT).until(() -> jdbc.sql(
                "SELECT delivered_at IS NOT NULL FROM return_parcel WHERE case_id = :id").param("id", caseId)
                .query(Boolean.class).single());
        assertThat(status(caseId)).isEqualTo("AWAITING_RETURN");
        assertThat(refundsFor(returnId(request))).isEmpty();

        assertThat(api.post("/api/cases/" + caseId + "/received", "").status()).isEqualTo(200);
        caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString()));
        assertThat(refundsFor(returnId(request))).hasSize(1);
        assertThat(jdbc.sql("SELECT refund_moment FROM return_parcel WHERE case_id = :id").param("id", caseId)
                .query(String.class).single()).isEqualTo("received");
    }

    @Test
    void aBadNumberIsA400NamingTheFieldAndAttachesNothing() {
        ObjectNode request = labelCase("sandbox-us", "USD");
        String caseId = awaitingReturn(request);

        Http.Reply bad = api.post("/api/cases/" + caseId + "/return-tracking", Map.of("number", "12; DROP"));
        Http.Reply missing = api.post("/api/cases/" + caseId + "/return-tracking", Map.of("carrier", "ups"));
        Http.Reply badCarrier = api.post("/api/cases/" + caseId + "/return-tracking",
                Map.of("number", "1Z999AA10123456784", "carrier", "<script>"));

        for (Http.Reply reply : new Http.Reply[] {bad, missing}) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(400);
            assertThat(reply.header("Content-Type")).contains("application/problem+json");
            assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("number");
        }
        assertThat(badCarrier.status()).isEqualTo(400);
        assertThat(badCarrier.json().get("errors").get(0).get("field").asString()).isEqualTo("carrier");
        assertThat(jdbc.sql("SELECT count(*) FROM return_parcel WHERE case_id = :id").param("id", caseId)
                .query(Long.class).single()).isZero();
        assertThat(sandbox.as("viewer", "viewer-sandbox").post("/api/cases/" + caseId + "/return-tracking",
                Map.of("number", "1Z999AA10123456784")).status()).as("operators only").isEqualTo(403);
    }

    /** A return whose parcel was delivered and is worth more than the returnless threshold: the buyer gets a label. */
    private ObjectNode labelCase(String marketplace, String currency) {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Delivered", true);
        ObjectNode request = returnObject(marketplace, currency, "JPY".equals(currency) ? "9000" : "60.00",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        marketplaceHas(request);
        return request;
    }

    private String awaitingReturn(ObjectNode request) {
        JsonNode c = settledCase(request);
        assertThat(c.get("status").asString()).as(timelineText(c)).isEqualTo("AWAITING_RETURN");
        return c.get("caseId").asString();
    }

    private void attach(String caseId, String number, String carrier) {
        Map<String, String> body = carrier == null ? Map.of("number", number)
                : Map.of("number", number, "carrier", carrier);
        Http.Reply reply = api.post("/api/cases/" + caseId + "/return-tracking", body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("attached").asString()).isEqualTo("NEW");
    }

    /** Sets the number's status in the 17TRACK simulator, which pushes it signed once the number is registered. */
    private void move(String number, String status, String subStatus) {
        Http.Reply reply = sandbox.put("/sandbox/17track/numbers/" + number,
                Map.of("status", status, "subStatus", subStatus));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }

    private String lastCode(String caseId) {
        return jdbc.sql("SELECT last_code FROM return_parcel WHERE case_id = :id").param("id", caseId)
                .query(String.class).optional().orElse(null);
    }

    private String status(String caseId) {
        return api.get("/api/cases/" + caseId).json().get("status").asString();
    }

    private static String returnId(ObjectNode request) {
        return request.get("returnId").asString();
    }

    private static String returnNumber() {
        return "RT" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
    }
}
