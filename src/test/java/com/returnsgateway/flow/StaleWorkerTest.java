package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.cases.Claim;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A worker whose claim was taken by another worker since (it waited longer than the lease) must not work on the
 * case: at its first step it finds the claim is no longer its own and stops, leaving case and claim as they are.
 */
class StaleWorkerTest extends SandboxGatewayTest {

    @Autowired
    ProducerTemplate producer;

    @Test
    void aWorkerWithAClaimTakenSinceLeavesTheCaseAlone() {
        String waybill = waybill("4PX");
        parcel("4px", waybill, "C", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "44.00", Map.of("forwarder", "4px", "waybill", waybill));
        api.post("/api/returns", request);
        JsonNode waiting = settledCase(request);
        String caseId = waiting.get("caseId").asString();
        // the case as another worker holds it now: back at RECEIVED, claimed under a newer token, not due for a day
        jdbc.sql("""
                        UPDATE return_case SET status = 'RECEIVED', phase = 'ACTIVE',
                               next_attempt_at = now() + interval '1 day', claimed_by = 'other-worker',
                               claim_token = 'newer-claim', claim_until = now() + interval '1 hour'
                        WHERE case_id = :id""")
                .param("id", caseId).update();
        int events = api.get("/api/cases/" + caseId).json().get("timeline").size();

        // as the dispatcher hands it over, but waiting until the worker is done with it
        producer.sendBody("seda:case-work?size=1000&waitForTaskToComplete=Always&timeout=10000",
                new Claim(caseId, "older-claim"));

        JsonNode after = api.get("/api/cases/" + caseId).json();
        assertThat(after.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(after.get("timeline")).hasSize(events);
        assertThat(jdbc.sql("SELECT claim_token FROM return_case WHERE case_id = :id").param("id", caseId)
                .query(String.class).single()).isEqualTo("newer-claim");
    }
}
