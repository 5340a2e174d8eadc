package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.adapter.seventeentrack.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Waiting cases move on by themselves (routes/waits.camel.yaml). Time passes for one case by moving its stored timers
 * into the past (the stored timer is the clock of a wait); the sweep then does what it would do at that time.
 */
class WaitsFlowTest extends SandboxGatewayTest {

    private static final String KEY = "sandbox-17track-key-0000";
    private static final String OPERATIONS = "ops@sandbox-seller.example";

    @Test
    void aTrackingPushOfDeliveryWakesTheCaseAtOnceAndTheLabelGoesOut() {
        String number = "JJD" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "InTransit", false);
        ObjectNode request = returnObject("sandbox-us", "USD", "48.00", Map.of("forwarder", "generic-express",
                "waybill", waybill, "lastMileNumber", number, "lastMileCarrier", "dhl"));
        api.post("/api/returns", request);
        JsonNode waiting = caseWhere(request, c -> "AWAITING_BUYER".equals(c.get("status").asString()));
        String caseId = waiting.get("caseId").asString();
        assertThat(jdbc.sql("SELECT follow_up_at - waiting_since = interval '1 hour' FROM return_case WHERE case_id = :id")
                .param("id", caseId).query(Boolean.class).single()).as("the first follow-up is an hour away").isTrue();

        String push = "{\"event\":\"TRACKING_UPDATED\",\"data\":{\"number\":\"" + number + "\",\"carrier\":100001,"
                + "\"tag\":null,\"track_info\":{\"latest_status\":{\"status\":\"Delivered\",\"sub_status\":"
                + "\"Delivered_Other\"},\"latest_event\":{\"time_utc\":\"" + Instant.now() + "\",\"description\":"
                + "\"Delivered\"}}}}";
        assertThat(sandbox.post("/webhooks/17track", push, "sign",
                WebhookSignature.of(push.getBytes(StandardCharsets.UTF_8), KEY)).status()).isEqualTo(200);

        JsonNode labelled = caseWhere(request, c -> "AWAITING_RETURN".equals(c.get("status").asString()));
        assertThat(labelled.get("shipmentState").asString()).isEqualTo("DELIVERED");
        assertThat(mailsTo(buyerEmail(request))).extracting(m -> m.get("subject").asString())
                .anyMatch(s -> s.contains("return label"))
                .filteredOn(s -> s.contains("is on its way")).as("PARCEL_SHIPPED not sent again").hasSize(1);
    }

    @Test
    void aDueFollowUpFindsTheParcelDeliveredAndTheLabelGoesOutOnce() {
        String waybill = waybill("GE");
        ObjectNode request = inTransit(waybill, "48.00");
        String caseId = awaitingBuyer(request);

        parcel("generic-express", waybill, "Delivered", false);
        timePasses(caseId, Duration.ofHours(2));

        caseWhere(request, c -> "AWAITING_RETURN".equals(c.get("status").asString()));
        List<String> subjects = mailsTo(buyerEmail(request)).stream().map(m -> m.get("subject").asString()).toList();
        assertThat(subjects).filteredOn(s -> s.contains("return label")).hasSize(1);
        assertThat(subjects).filteredOn(s -> s.contains("is on its way")).hasSize(1);
        assertThat(mailsTo(OPERATIONS)).filteredOn(m -> m.get("textBody").asString()
                .contains(request.get("orderId").asString())).as("only the first in-transit task").hasSize(1);
    }

    @Test
    void aParcelFoundLostIsRefundedInFull() {
        String waybill = waybill("GE");
        ObjectNode request = inTransit(waybill, "30.00");
        String caseId = awaitingBuyer(request);

        parcel("generic-express", waybill, "Lost", false);
        timePasses(caseId, Duration.ofHours(2));

        caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString()));
        assertThat(refundsFor(request.get("returnId").asString())).singleElement()
                .satisfies(r -> assertThat(r.get("type").asString()).isEqualTo("FULL"));
    }

    @Test
    void aParcelStillMovingPastTheLimitGivesOperationsOneTaskAndIsFollowedOn() {
        String waybill = waybill("GE");
        ObjectNode request = inTransit(waybill, "30.00");
        String caseId = awaitingBuyer(request);

        timePasses(caseId, Duration.ofDays(22));
        await().atMost(FLOW_TIMEOUT).until(() -> stillMovingTasks(request).size() == 1);
        await().atMost(FLOW_TIMEOUT).until(() -> followUpAt(caseId).isAfter(Instant.now().plusSeconds(3600)));
        assertThat(followUpAt(caseId)).as("at most gateway.waits.follow-up-max (12h) away")
                .isBefore(Instant.now().plus(Duration.ofHours(12)).plusSeconds(60));

        dueNow(caseId);
        await().atMost(FLOW_TIMEOUT).until(() -> followUpAt(caseId).isAfter(Instant.now().plusSeconds(3600)));
        assertThat(stillMovingTasks(request)).as("one task, not one per follow-up").hasSize(1);
        assertThat(api.get("/api/cases/" + caseId).json().get("status").asString()).isEqualTo("AWAITING_BUYER");
    }

    @Test
    void aBuyerWithoutAScanIsRemindedOnce() {
        ObjectNode request = delivered("48.00");
        String caseId = awaitingReturn(request);

        timePasses(caseId, Duration.ofDays(8));
        await().atMost(FLOW_TIMEOUT).until(() -> reminders(request).size() == 1);
        await().atMost(FLOW_TIMEOUT).until(() -> followUpAt(caseId).isAfter(Instant.now().plus(Duration.ofDays(20))));

        dueNow(caseId);
        await().atMost(FLOW_TIMEOUT).until(() -> followUpAt(caseId).isAfter(Instant.now().plus(Duration.ofDays(20))));
        assertThat(reminders(request)).hasSize(1);
        assertThat(api.get("/api/cases/" + caseId).json().get("status").asString()).isEqualTo("AWAITING_RETURN");
    }

    @Test
    void afterTheWindowWithoutTheReturnTheCaseClosesTheBuyerIsToldAndTheSummaryListsIt() {
        ObjectNode request = delivered("48.00");
        String caseId = awaitingReturn(request);

        timePasses(caseId, Duration.ofDays(31));

        JsonNode closed = caseWhere(request, c -> "CLOSED".equals(c.get("status").asString()));
        assertThat(timelineText(closed)).contains("closed without refund");
        assertThat(refundsFor(request.get("returnId").asString())).isEmpty();
        assertThat(mailsTo(buyerEmail(request))).extracting(m -> m.get("subject").asString())
                .anyMatch(s -> s.contains("has been closed"));

        jdbc.sql("DELETE FROM waits_summary").update();
        await().atMost(FLOW_TIMEOUT).until(() -> mailsTo(OPERATIONS).stream()
                .anyMatch(m -> m.get("subject").asString().contains("Summary of")
                        && m.get("textBody").asString().contains(caseId)));
    }

    @Test
    void aParcelComingBackPastTheWindowIsATaskNotAClosedCase() {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "ReturnToSender", false);
        ObjectNode request = returnObject("sandbox-us", "USD", "30.00",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        api.post("/api/returns", request);
        String caseId = awaitingReturn(request);

        timePasses(caseId, Duration.ofDays(31));

        await().atMost(FLOW_TIMEOUT).until(() -> mailsTo(OPERATIONS).stream()
                .anyMatch(m -> m.get("textBody").asString().contains(request.get("orderId").asString())
                        && m.get("textBody").asString().contains("not back within the return window")));
        await().atMost(FLOW_TIMEOUT).until(() -> jdbc.sql("SELECT follow_up_at IS NULL FROM return_case WHERE case_id = :id")
                .param("id", caseId).query(Boolean.class).single());
        assertThat(api.get("/api/cases/" + caseId).json().get("status").asString()).isEqualTo("AWAITING_RETURN");
        assertThat(mailsTo(buyerEmail(request))).noneMatch(m -> m.get("subject").asString().contains("has been closed"));
    }

    private ObjectNode inTransit(String waybill, String price) {
        parcel("generic-express", waybill, "InTransit", false);
        ObjectNode request = returnObject("sandbox-us", "USD", price,
                Map.of("forwarder", "generic-express", "waybill", waybill));
        api.post("/api/returns", request);
        return request;
    }

    private ObjectNode delivered(String price) {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Delivered", false);
        ObjectNode request = returnObject("sandbox-us", "USD", price,
                Map.of("forwarder", "generic-express", "waybill", waybill));
        api.post("/api/returns", request);
        return request;
    }

    private String awaitingBuyer(ObjectNode request) {
        return caseWhere(request, c -> "AWAITING_BUYER".equals(c.get("status").asString())).get("caseId").asString();
    }

    private String awaitingReturn(ObjectNode request) {
        return caseWhere(request, c -> "AWAITING_RETURN".equals(c.get("status").asString())).get("caseId").asString();
    }

    /** As if {@code elapsed} had passed since the case began to wait: its wait began that long ago and is due. */
    private void timePasses(String caseId, Duration elapsed) {
        jdbc.sql("""
                        UPDATE return_case SET waiting_since = waiting_since - CAST(:elapsed AS interval),
                               follow_up_at = now() - interval '1 second'
                        WHERE case_id = :id""")
                .param("elapsed", elapsed.toSeconds() + " seconds")
                .param("id", caseId)
                .update();
    }

    private void dueNow(String caseId) {
        jdbc.sql("UPDATE return_case SET follow_up_at = now() - interval '1 second' WHERE case_id = :id")
                .param("id", caseId).update();
    }

    private Instant followUpAt(String caseId) {
        Timestamp at = jdbc.sql("SELECT follow_up_at FROM return_case WHERE case_id = :id").param("id", caseId)
                .query(Timestamp.class).single();
        return at == null ? Instant.MIN : at.toInstant();
    }

    private List<JsonNode> stillMovingTasks(ObjectNode request) {
        return mailsTo(OPERATIONS).stream()
                .filter(m -> m.get("textBody").asString().contains(request.get("orderId").asString())
                        && m.get("textBody").asString().contains("still on its way long after"))
                .toList();
    }

    private List<JsonNode> reminders(ObjectNode request) {
        return mailsTo(buyerEmail(request)).stream()
                .filter(m -> m.get("subject").asString().contains("A reminder"))
                .toList();
    }
}
