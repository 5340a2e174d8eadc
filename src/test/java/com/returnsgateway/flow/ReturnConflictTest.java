package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.testsupport.Http.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** POST /api/returns of a known returnId: the same return again gets its case, another body a 409 naming the fields. */
class ReturnConflictTest extends SandboxGatewayTest {

    @Test
    void theSameReturnWrittenDifferentlyStillGetsItsCase() {
        ObjectNode request = returnObject("sandbox-us", "USD", "19.90", null);
        request.put("requestedAt", "2026-11-20T08:00:00Z");
        request.put("updatedAt", "2026-11-20T08:00:00Z");
        String caseId = api.post("/api/returns", request).json().get("caseId").asString();

        ObjectNode again = request.deepCopy();
        again.put("updatedAt", "2026-11-21T09:30:00Z");
        ((ObjectNode) again.get("items").get(0).get("unitPrice")).put("amount", "19.9");
        ((ObjectNode) again.get("buyer")).put("name", "  " + request.get("buyer").get("name").asString() + " ");
        again.put("resolution", "REFUND");
        Reply reply = api.post("/api/returns", again);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("caseId").asString()).isEqualTo(caseId);
        assertThat(reply.json().get("duplicate").asBoolean()).isTrue();
    }

    @Test
    void aKnownReturnIdWithAnotherBodyIsAConflictNamingTheFields() {
        ObjectNode request = returnObject("sandbox-us", "USD", "19.90", null);
        String caseId = api.post("/api/returns", request).json().get("caseId").asString();

        ObjectNode changed = request.deepCopy();
        ((ObjectNode) changed.get("buyer")).put("email", "someone-else@buyer.example");
        ((ObjectNode) changed.get("items").get(0)).put("quantity", 3);
        changed.put("requestedAt", "2026-11-20T08:00:00Z");
        Reply reply = api.post("/api/returns", changed);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("caseId").asString()).isEqualTo(caseId);
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactly("requestedAt", "buyer.email", "items[0].quantity");
        assertThat(problem.get("detail").asString()).contains(request.get("returnId").asString()).contains(caseId)
                .contains("buyer.email");
        JsonNode kept = api.get("/api/cases/" + caseId).json().get("request");
        assertThat(kept.get("buyer").get("email").asString()).isEqualTo(buyerEmail(request));
        assertThat(kept.get("items").get(0).get("quantity").asInt()).isEqualTo(1);
    }
}
