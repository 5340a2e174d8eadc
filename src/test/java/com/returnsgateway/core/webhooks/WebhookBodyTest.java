package com.returnsgateway.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.cases.CaseEvent;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookBodyTest {

    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final WebhookBody.CaseFacts FACTS = new WebhookBody.CaseFacts("sandbox-us", "R-1", "O-1",
            "REFUND_PENDING");

    @Test
    void aRefundEventTellsTheCaseAndTheMoneyInAFixedShape() {
        CaseEvent event = CaseEvent.of("RC-ABC", CaseEvent.Type.REFUND_ACCEPTED,
                Instant.parse("2026-11-30T10:15:30.123456Z"), "marketplace", "sandbox-us", "amount", "30.00",
                "currency", "USD", "refundType", "FULL", "reason", "accepted by the marketplace as RF-9");

        assertThat(WebhookBody.of(ID, event, FACTS)).isEqualTo("{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\","
                + "\"type\":\"refund.accepted\",\"timestamp\":\"2026-11-30T10:15:30.123456Z\",\"data\":{"
                + "\"caseId\":\"RC-ABC\",\"marketplace\":\"sandbox-us\",\"returnId\":\"R-1\",\"orderId\":\"O-1\","
                + "\"status\":\"REFUND_PENDING\",\"amount\":\"30.00\",\"currency\":\"USD\",\"refundType\":\"FULL\","
                + "\"reason\":\"accepted by the marketplace as RF-9\"}}");
    }

    @Test
    void theEventsOwnStatusWinsAndAReasonQuotingABuyerIsMasked() {
        CaseEvent event = CaseEvent.of("RC-ABC", CaseEvent.Type.MANUAL_REVIEW, Instant.EPOCH,
                "marketplace", "sandbox-us", "status", "MANUAL_REVIEW", "forwarder", null,
                "reason", "buyer jane.doe@example.com (phone +1 415 555 0100) disputes the label");

        String body = WebhookBody.of(ID, event, FACTS);
        assertThat(body).contains("\"type\":\"case.manual_review\"", "\"status\":\"MANUAL_REVIEW\"",
                "j***@example.com").doesNotContain("jane.doe", "555", "forwarder");
    }
}
