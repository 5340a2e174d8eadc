package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A forwarder that refuses the gateway's credentials refuses them for every case: the cases wait (no attempt used up,
 * no manual review each) and operations get one alert, not one per case.
 */
class RefusedCredentialsFlowTest extends SandboxGatewayTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String OPERATIONS = "ops@sandbox-seller.example";

    @Test
    void threeCasesRefusedTheSameCredentialsWaitAndOperationsAreAlertedOnce() throws Exception {
        List<ObjectNode> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String waybill = waybill("GE");
            parcel("generic-express", waybill, "Delivered", true);
            refuseCredentialsOnce(waybill);
            ObjectNode request = returnObject("sandbox-us", "USD", "30.00",
                    Map.of("forwarder", "generic-express", "waybill", waybill));
            api.post("/api/returns", request);
            requests.add(request);
        }

        for (ObjectNode request : requests) {
            JsonNode waiting = caseWhere(request, c -> timelineTypes(c).contains("ATTEMPT_FAILED"));
            assertThat(waiting.get("status").asString()).isNotEqualTo("MANUAL_REVIEW");
            assertThat(waiting.get("phase").asString()).isEqualTo("ACTIVE");
            assertThat(waiting.get("attempts").asInt()).as("refused credentials use up no attempt").isZero();
            assertThat(timelineText(waiting)).contains("was refused (401)")
                    .contains("gateway.forwarders.generic-express.auth")
                    .contains("the case waits and tries again at");
        }
        await().until(() -> alerts().size() >= 1);
        assertThat(alerts()).as("one alert for the forwarder, not one per case").singleElement()
                .satisfies(mail -> assertThat(mail.get("textBody").asString()).contains("generic-express")
                        .contains("not repeated for each case"));
        assertThat(mailsTo(OPERATIONS)).noneMatch(m -> m.get("subject").asString().contains("Manual review")
                && requests.stream().anyMatch(r -> m.get("textBody").asString().contains(r.get("orderId").asString())));
    }

    private List<JsonNode> alerts() {
        return mailsTo(OPERATIONS).stream()
                .filter(m -> m.get("subject").asString()
                        .contains("forwarder generic-express refused the gateway's credentials"))
                .toList();
    }

    private void refuseCredentialsOnce(String waybill) throws Exception {
        HttpResponse<String> hook = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                        + "/sandbox/forwarders/generic-express/next-response?call=status&waybill=" + waybill
                        + "&status=401"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"error\": \"invalid api key\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hook.statusCode()).as(hook.body()).isEqualTo(200);
    }
}
