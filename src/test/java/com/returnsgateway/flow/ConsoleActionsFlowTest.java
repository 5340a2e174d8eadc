package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.testsupport.ConsoleSession;
import com.returnsgateway.testsupport.ConsoleSession.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the console's pages say and what its actions do, over HTTP with a logged-in session and the forms' CSRF
 * tokens: the operator's actions change the case once, within the rules, and name the operator on the timeline.
 */
class ConsoleActionsFlowTest extends SandboxGatewayTest {

    private ConsoleSession operator;

    @org.springframework.beans.factory.annotation.Autowired
    com.returnsgateway.core.intake.Quarantine quarantine;

    @org.junit.jupiter.api.BeforeEach
    void logIn() {
        operator = ConsoleSession.logIn(PORT, "operator", "operator-sandbox");
    }

    @Test
    void anOperatorClosesAManualReviewCaseWithAReason() {
        String caseId = caseIdOf(returnInManualReview());

        Page noReason = operator.submit(casePage(caseId), casePage(caseId) + "/close", Map.of("reason", " "));
        assertThat(noReason.location()).endsWith(casePage(caseId));
        assertThat(operator.get(casePage(caseId)).html()).contains("a reason is needed to close a case");
        assertThat(status(caseId)).isEqualTo("MANUAL_REVIEW");

        operator.submit(casePage(caseId), casePage(caseId) + "/close", Map.of("reason", "Duplicate of an eBay claim"));

        assertThat(operator.get(casePage(caseId)).html()).contains("案件已关闭。");
        JsonNode detail = api.get("/api/cases/" + caseId).json();
        assertThat(detail.get("status").asString()).isEqualTo("CLOSED");
        assertThat(timelineText(detail)).contains("Closed by console:operator: Duplicate of an eBay claim");
    }

    @Test
    void aPartialRefundStaysWithinWhatTheOrderCanStillTake() {
        ObjectNode request = returnAwaitingTheBuyersParcel("120.00");
        String caseId = caseIdOf(request);

        operator.submit(casePage(caseId), casePage(caseId) + "/refund", Map.of("amount", "150.00"));
        assertThat(operator.get(casePage(caseId)).html())
                .contains("A refund of 150.00 USD is not possible: between 0 and 120.00 USD may still be refunded");
        assertThat(status(caseId)).isEqualTo("AWAITING_RETURN");

        operator.submit(casePage(caseId), casePage(caseId) + "/refund", Map.of("amount", "30.00"));

        caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString()));
        JsonNode refund = refundsFor(request.get("returnId").asString()).get(0);
        assertThat(refund.get("type").asString()).isEqualTo("PARTIAL");
        assertThat(refund.get("amount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(refundsFor(request.get("returnId").asString())).hasSize(1);
        String page = operator.get(casePage(caseId)).html();
        assertThat(page).contains("console:operator refunds 30.00 USD without the item coming back")
                .contains(refund.get("idempotencyKey").asString());
        // a second refund is not offered, and refused if posted anyway
        assertThat(page).doesNotContain("id=\"action-refund\"");
    }

    @Test
    void anOperatorMarksAReturnReceivedAndTheRefundGoesOut() {
        ObjectNode request = returnAwaitingTheBuyersParcel("95.00");
        String caseId = caseIdOf(request);

        operator.submit(casePage(caseId), casePage(caseId) + "/received", Map.of());

        caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString()));
        assertThat(refundsFor(request.get("returnId").asString())).hasSize(1);
        assertThat(operator.get(casePage(caseId)).html()).contains("console:operator");
    }

    @Test
    void theCaseListFindsACaseByWaybillBuyerNameOrReturnIdAndKeepsTheFiltersInTheUrl() {
        ObjectNode request = returnAwaitingTheBuyersParcel("80.00");
        String caseId = caseIdOf(request);
        String waybill = request.get("shipment").get("waybill").asString();
        String buyerPart = request.get("buyer").get("name").asString().substring(5).toLowerCase();

        for (String q : new String[] {waybill, buyerPart, request.get("returnId").asString(), caseId}) {
            String html = operator.get("/console/cases?q=" + java.net.URLEncoder.encode(q,
                    java.nio.charset.StandardCharsets.UTF_8)).html();
            assertThat(html).as(q).contains("共 1 个案件").contains(caseId);
        }
        String filtered = operator.get("/console/cases?status=AWAITING_RETURN&forwarder=generic-express&q="
                + waybill).html();
        assertThat(filtered).contains(caseId).contains("<option value=\"AWAITING_RETURN\" selected=\"selected\"");
        assertThat(operator.get("/console/cases?status=REFUNDED&q=" + waybill).html()).contains("共 0 个案件")
                .as("switching language keeps the filters")
                .contains("href=\"/console/cases?status=REFUNDED&amp;q=" + waybill + "&amp;lang=en\"");
    }

    @Test
    void theCasePageShowsTheEmailAsSentAndTheLabelAsAPicture() {
        ObjectNode request = returnAwaitingTheBuyersParcel("88.00");
        String caseId = caseIdOf(request);
        String page = operator.get(casePage(caseId)).html();
        java.util.regex.Matcher email = java.util.regex.Pattern
                .compile("src=\"(/console/cases/" + caseId + "/emails/\\d+)\"").matcher(page);
        assertThat(email.find()).as("a frame per email").isTrue();

        var sent = sandbox.as("operator", "operator-sandbox").get(email.group(1));
        // the API chain does not serve console pages to Basic credentials: the session does
        Page frame = operator.get(email.group(1));
        assertThat(frame.status()).isEqualTo(200);
        assertThat(frame.html()).contains(request.get("returnId").asString()).contains("<html");
        assertThat(sent.status()).isNotEqualTo(200);

        var png = sandbox.get("/console/cases/" + caseId + "/label.png");
        assertThat(png.status()).as("not without a login").isNotEqualTo(200);
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenChangesNothing() {
        String caseId = caseIdOf(returnInManualReview());
        Page forged = operator.postWithoutToken(casePage(caseId) + "/close", Map.of("reason", "forged"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(status(caseId)).isEqualTo("MANUAL_REVIEW");
    }

    @Test
    void aViewerMayReadButNotAct() {
        String caseId = caseIdOf(returnInManualReview());
        ConsoleSession viewer = ConsoleSession.logIn(PORT, "viewer", "viewer-sandbox");
        assertThat(viewer.get(casePage(caseId)).html()).contains(caseId).doesNotContain("id=\"action-retry\"");
        Page refused = viewer.submit(casePage(caseId), casePage(caseId) + "/retry", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html()).contains("无权访问");
        assertThat(status(caseId)).isEqualTo("MANUAL_REVIEW");
    }

    @Test
    void intakeAndMetricsUsersCannotUseTheConsole() {
        ConsoleSession intake = ConsoleSession.logIn(PORT, "intake", "intake-sandbox");
        Page home = intake.get("/console");
        assertThat(home.status()).isEqualTo(403);
        assertThat(home.html()).contains("无权访问");
    }

    @Test
    void theHomePageListsWhatNeedsAPersonWithItsAge() {
        String caseId = caseIdOf(returnInManualReview());
        String home = operator.get("/console").html();
        assertThat(home).contains("待人工处理").contains(caseId).contains("新退货");
        assertThat(home).containsPattern("id=\"returns-in\">[1-9]\\d*<");
    }

    @Test
    void anOperatorDiscardsAQuarantinedReturnWithAReasonAndItLeavesTheOpenList() {
        ObjectNode bad = returnObject("sandbox-eu", "EUR", "30.00", null);
        bad.put("items", "one mug");
        sandbox.post("/sandbox/marketplace/returns", com.returnsgateway.testsupport.Http.JSON.createArrayNode().add(bad));
        long entry = quarantineEntryOf(bad.get("returnId").asString());
        String page = "/console/quarantine/" + entry;
        assertThat(operator.get("/console/quarantine").html()).contains(page + "\"");

        operator.submit(page, page + "/discard", Map.of("reason", "Test return from the marketplace's staff"));

        String html = operator.get(page).html();
        assertThat(html).contains("已丢弃").contains("console:operator").contains("Test return from the marketplace");
        assertThat(api.get("/api/quarantine/" + entry).json().get("resolution").get("how").asString())
                .isEqualTo("DISCARDED");
        assertThat(operator.get("/console/quarantine").html()).doesNotContain(page + "\"");
        assertThat(operator.get("/console/quarantine?open=false").html()).contains(page + "\"");
    }

    @Test
    void anEntryThatIsNotOneReturnIsShownAsReceivedAndOffersNoResubmit() {
        String reference = "report row " + waybill("R");
        quarantine.keep("amazon:amazon-us", reference, "returns report 5012 line 3: Return request date: not a date",
                "Order ID\tRMA ID\n113-0000000-0000000\tDxx");
        long entry = quarantineEntryOf(reference);

        String html = operator.get("/console/quarantine/" + entry).html();
        assertThat(html).contains("此条目不能重新提交").contains("113-0000000-0000000")
                .doesNotContain("id=\"action-resubmit\"").contains("id=\"action-discard\"");
        operator.submit("/console/quarantine/" + entry, "/console/quarantine/" + entry + "/resubmit",
                Map.of("payload", "{}"));
        assertThat(operator.get("/console/quarantine/" + entry).html()).contains("cannot be resubmitted");
        assertThat(api.get("/api/quarantine/" + entry).json().get("resolution").isNull()).isTrue();
    }

    @Test
    void anOperatorReplaysAFailedWebhookDeliveryFromTheDeliveryLog() {
        ObjectNode request = returnAwaitingTheBuyersParcel("77.00");
        String caseId = caseIdOf(request);
        org.awaitility.Awaitility.await().atMost(FLOW_TIMEOUT).until(() -> jdbc.sql(
                "SELECT count(*) FROM webhook_delivery WHERE case_id = :id AND endpoint = 'flow-test' AND status = 'DELIVERED'")
                .param("id", caseId).query(Long.class).single() > 0);
        long id = jdbc.sql("SELECT min(id) FROM webhook_delivery WHERE case_id = :id AND endpoint = 'flow-test'")
                .param("id", caseId).query(Long.class).single();
        // as if the back office had been down past the give-up time
        jdbc.sql("UPDATE webhook_delivery SET status = 'FAILED', failed_at = now() WHERE id = :id").param("id", id)
                .update();
        int attempts = jdbc.sql("SELECT attempts FROM webhook_delivery WHERE id = :id").param("id", id)
                .query(Integer.class).single();

        String log = "/console/webhooks?endpoint=flow-test&status=FAILED";
        assertThat(operator.get(log).html()).contains("id=\"delivery-" + id + "\"").contains(caseId)
                .contains("id=\"replay-failed-flow-test\"");
        operator.submit(log, "/console/webhooks/deliveries/" + id + "/replay", Map.of("back", log));

        assertThat(operator.get(log).html()).contains("推送 " + id + " 将在几秒内重新发出");
        org.awaitility.Awaitility.await().atMost(FLOW_TIMEOUT).until(() -> "DELIVERED".equals(jdbc.sql(
                "SELECT status FROM webhook_delivery WHERE id = :id").param("id", id).query(String.class).single()));
        assertThat(jdbc.sql("SELECT attempts FROM webhook_delivery WHERE id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(attempts + 1);
        assertThat(jdbc.sql("SELECT replayed_by FROM webhook_delivery WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("console:operator");
    }

    private String status(String caseId) {
        return api.get("/api/cases/" + caseId).json().get("status").asString();
    }

    private static String casePage(String caseId) {
        return "/console/cases/" + caseId;
    }
}
