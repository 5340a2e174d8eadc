package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Forwarder 4px through the sandbox's 4PX open platform simulator: a hold answered later (Y, then S) through the
 * intercept follow-up, and a refused signature that makes the case wait and alerts operations.
 */
class FourPxFlowTest extends SandboxGatewayTest {

    private static final String OPERATIONS = "ops@sandbox-seller.example";

    @Test
    void aHoldIsPolledUntil4pxSaysItSucceededAndTheBuyerIsRefunded() {
        String waybill = waybill("4PX");
        parcel("4px", waybill, "P", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "33.00", Map.of("forwarder", "4px", "waybill", waybill));
        marketplaceHas(request);

        JsonNode c = caseWhere(request, d -> "REFUNDED".equals(d.get("status").asString()));

        assertThat(timelineText(c)).contains("hold requested at 4PX; waiting for it to succeed")
                .contains("Intercept of " + waybill + " ACCEPTED");
        List<JsonNode> holds = interceptsOf("4px", waybill);
        assertThat(holds).singleElement().satisfies(hold -> {
            assertThat(hold.get("isHoldSign").asString()).isEqualTo("S");
            assertThat(hold.get("replays").asInt()).isZero();
            assertThat(hold.get("holdReason").asString()).isNotBlank();
        });
        assertThat(sandbox.get("/sandbox/forwarders/4px/shipments/" + waybill).json().get("held").asBoolean()).isTrue();
        assertThat(refundsFor(request.get("returnId").asString())).singleElement()
                .satisfies(r -> assertThat(r.get("reason").asString()).isEqualTo("PARCEL_INTERCEPTED"));
    }

    @Test
    void aRefusedSignatureMakesTheCaseWaitAndTellsOperationsWhatToCheck() {
        String waybill = waybill("4PX");
        parcel("4px", waybill, "F", true);
        var hook = sandbox.put("/sandbox/4px/next-error?code=000012&waybill=" + waybill, "");
        assertThat(hook.status()).as(hook.text()).isEqualTo(200);
        ObjectNode request = returnObject("sandbox-us", "USD", "31.00", Map.of("forwarder", "4px", "waybill", waybill));
        marketplaceHas(request);

        JsonNode waiting = caseWhere(request, d -> timelineTypes(d).contains("ATTEMPT_FAILED"));

        assertThat(waiting.get("status").asString()).isNotEqualTo("MANUAL_REVIEW");
        assertThat(waiting.get("attempts").asInt()).as("refused credentials use up no attempt").isZero();
        assertThat(timelineText(waiting)).contains("4PX refused the signature (000012")
                .contains("gateway.forwarders.4px.4px.app-secret");
        await().until(() -> !alerts().isEmpty());
        assertThat(alerts()).singleElement()
                .satisfies(mail -> assertThat(mail.get("textBody").asString()).contains("4px"));
    }

    private List<JsonNode> alerts() {
        return mailsTo(OPERATIONS).stream()
                .filter(m -> m.get("subject").asString().contains("refused the gateway's credentials")
                        && m.get("textBody").asString().contains("4px"))
                .toList();
    }
}
