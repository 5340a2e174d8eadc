package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.testsupport.Http;
import com.returnsgateway.testsupport.Http.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * One principal per job (the sandbox's users per role, README "Sandbox users"): each may do its job and is refused
 * (403 problem+json) everything else; an API key authenticates automation, a wrong one is 401.
 */
class ApiRolesTest extends SandboxGatewayTest {

    private static final String SANDBOX_KEY = "sandbox-intake-key-0000000000000000";
    private static final String UNKNOWN_CASE = "/api/cases/RC-NOSUCHCASE";

    @Test
    void intakeMayOnlyPushReturns() {
        Http intake = sandbox.as("intake", "intake-sandbox");

        assertThat(intake.post("/api/returns", returnObject("sandbox-us", "USD", "19.99", null)).status())
                .isEqualTo(202);
        forbidden(intake.get("/api/cases"), "'intake' (roles: intake) may not GET /api/cases");
        forbidden(intake.post(UNKNOWN_CASE + "/retry", ""), "may not POST");
        forbidden(intake.get("/actuator/metrics"), "may not GET /actuator/metrics");
    }

    @Test
    void viewerMayOnlyRead() {
        Http viewer = sandbox.as("viewer", "viewer-sandbox");
        String caseId = newCase();

        assertThat(viewer.get("/api/cases").status()).isEqualTo(200);
        assertThat(viewer.get("/api/cases/" + caseId).json().get("caseId").asString()).isEqualTo(caseId);
        assertThat(viewer.get("/api/quarantine").status()).isEqualTo(200);
        forbidden(viewer.post("/api/returns", returnObject("sandbox-us", "USD", "19.99", null)), "may not POST");
        forbidden(viewer.post("/api/cases/" + caseId + "/retry", ""), "may not POST");
        forbidden(viewer.post("/api/cases/" + caseId + "/received", ""), "may not POST");
        forbidden(viewer.get("/actuator/prometheus"), "may not GET");
    }

    @Test
    void operatorMayActOnCasesAndRead() {
        Http operator = sandbox.as("operator", "operator-sandbox");
        String caseId = newCase();

        assertThat(operator.get("/api/cases/" + caseId).status()).isEqualTo(200);
        // past authorization: the API itself answers
        assertThat(operator.post(UNKNOWN_CASE + "/retry", "").json().get("title").asString())
                .isEqualTo("Case not found");
        assertThat(operator.post(UNKNOWN_CASE + "/received", "").status()).isEqualTo(404);
        forbidden(operator.post("/api/returns", returnObject("sandbox-us", "USD", "19.99", null)), "may not POST");
        forbidden(operator.get("/actuator/metrics"), "may not GET");
    }

    @Test
    void metricsMayOnlyReadTheActuator() {
        Http metrics = sandbox.as("metrics", "metrics-sandbox");

        assertThat(metrics.get("/actuator/prometheus").text()).contains("jvm_memory_used_bytes");
        assertThat(metrics.get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(metrics.get("/actuator/info").status()).isEqualTo(200);
        forbidden(metrics.get("/api/cases"), "may not GET /api/cases");
        forbidden(metrics.post("/api/returns", returnObject("sandbox-us", "USD", "19.99", null)), "may not POST");
    }

    @Test
    void healthAndInfoNeedNoRole() {
        assertThat(sandbox.get("/actuator/health").status()).isEqualTo(200);
        assertThat(sandbox.as("intake", "intake-sandbox").get("/actuator/info").status()).isEqualTo(200);
    }

    @Test
    void anApiKeyAuthenticatesAutomationAndAWrongOneIs401() {
        ObjectNode request = returnObject("sandbox-us", "USD", "19.99", null);

        Reply created = sandbox.with("X-API-Key", SANDBOX_KEY).post("/api/returns", request);
        Reply again = sandbox.with("Authorization", "Bearer " + SANDBOX_KEY).post("/api/returns", request);
        Reply wrong = sandbox.with("X-API-Key", SANDBOX_KEY + "1").post("/api/returns", request);
        Reply wrongBearer = sandbox.with("Authorization", "Bearer not-a-key").get("/api/cases");

        assertThat(created.status()).isEqualTo(202);
        String caseId = created.json().get("caseId").asString();
        assertThat(again.status()).isEqualTo(200);
        assertThat(api.get("/api/cases/" + caseId).json().get("timeline").get(0).get("actor").asString())
                .isEqualTo("api:sandbox-intake");
        for (Reply refused : new Reply[] {wrong, wrongBearer}) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).startsWith("Unknown API key");
        }
        forbidden(sandbox.with("X-API-Key", SANDBOX_KEY).get("/api/cases"), "'sandbox-intake' (roles: intake)");
    }

    @Test
    void wrongBasicCredentialsAre401ProblemJson() {
        Reply reply = sandbox.as("viewer", "operator-sandbox").get("/api/cases");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    private String newCase() {
        return api.post("/api/returns", returnObject("sandbox-us", "USD", "19.99", null)).json().get("caseId")
                .asString();
    }

    private static void forbidden(Reply reply, String detail) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(403);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").asString()).contains(detail);
    }
}
