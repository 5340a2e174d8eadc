package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.testsupport.Http.Reply;
import com.returnsgateway.testsupport.OpenApiDocument;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contracts the gateway calls as a client ({@code /v3/api-docs/forwarder-contract},
 * {@code /v3/api-docs/marketplace-contract}, from src/main/resources/openapi/) against both sides: the requests the
 * gateway's generic adapters really sent (as the sandbox simulators recorded them, body as received) match the
 * contracts' request schemas exactly, so a field added to an adapter's request record and not to the contract fails
 * here; and the simulators' real answers match the contracts' answers, status by status.
 */
class GatewayContractsTest extends SandboxGatewayTest {

    private static final String FORWARDER = "/sandbox/forwarders/generic-express";

    private OpenApiDocument forwarderContract;
    private OpenApiDocument marketplaceContract;

    @BeforeEach
    void readTheContracts() {
        forwarderContract = OpenApiDocument.fetch(PORT, "/v3/api-docs/forwarder-contract");
        marketplaceContract = OpenApiDocument.fetch(PORT, "/v3/api-docs/marketplace-contract");
    }

    @Test
    void theRequestsTheGatewaySendsMatchTheContracts() {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Pending", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "25.00",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        assertThat(api.post("/api/returns", request).status()).isEqualTo(202);
        caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString()));

        List<JsonNode> intercepts = interceptsOf("generic-express", waybill);
        List<JsonNode> refunds = refundsFor(request.get("returnId").asString());
        assertThat(intercepts).hasSize(1);
        assertThat(refunds).hasSize(1);
        JsonNode intercept = intercepts.get(0);
        JsonNode refund = refunds.get(0);
        // every mismatch at once: the forwarder's and the marketplace's
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(forwarderContract.requestViolations("POST", "/intercepts", intercept.get("body")))
                    .as("intercept request " + intercept.get("body")).isEmpty();
            softly.assertThat(forwarderContract.violations(intercept.get("idempotencyKey"),
                    forwarderContract.parameterSchema("POST", "/intercepts", "header", "Idempotency-Key"),
                    "Idempotency-Key")).isEmpty();
            softly.assertThat(marketplaceContract.requestViolations("POST", "/refunds", refund.get("body")))
                    .as("refund request " + refund.get("body")).isEmpty();
            softly.assertThat(marketplaceContract.violations(refund.get("idempotencyKey"),
                    marketplaceContract.parameterSchema("POST", "/refunds", "header", "Idempotency-Key"),
                    "Idempotency-Key")).isEmpty();
        });
    }

    @Test
    void theForwarderSimulatorAnswersAsTheContractSays() {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Pending", true);
        matches(forwarderContract, "GET", "/shipments/{waybill}", 200,
                sandbox.get(FORWARDER + "/shipments/" + waybill));
        matches(forwarderContract, "GET", "/shipments/{waybill}", 404,
                sandbox.get(FORWARDER + "/shipments/" + waybill("UNKNOWN")));

        String key = "rg:contract-test:" + UUID.randomUUID() + ":intercept";
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("waybill", waybill)
                .put("reason", "Buyer requested a return before dispatch").put("reference", "RC-CONTRACT");
        assertThat(forwarderContract.requestViolations("POST", "/intercepts", body)).isEmpty();
        matches(forwarderContract, "POST", "/intercepts", 200,
                sandbox.post(FORWARDER + "/intercepts", body, "Idempotency-Key", key));
        matches(forwarderContract, "POST", "/intercepts", 200,
                sandbox.post(FORWARDER + "/intercepts", body, "Idempotency-Key", key));
        matches(forwarderContract, "POST", "/intercepts", 200, sandbox.post(FORWARDER + "/intercepts",
                body.deepCopy().put("waybill", waybill("UNKNOWN")), "Idempotency-Key", key + "-2"));
        matches(forwarderContract, "POST", "/intercepts", 400, sandbox.post(FORWARDER + "/intercepts", body));
    }

    @Test
    void theMarketplaceSimulatorAnswersAsTheContractSays() {
        // a marketplace the gateway does not poll: only this test reads its returns
        String marketplace = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "/sandbox/marketplace/" + marketplace;
        for (int i = 0; i < 3; i++) {
            ObjectNode stored = returnObject("sandbox-us", "USD", "10.00", null);
            stored.put("marketplace", marketplace);
            if (i == 0) {
                stored.put("resolution", "REPLACE").put("refundType", "PARTIAL").put("requestedAt",
                        "2026-11-20T08:00:00Z");
                stored.putObject("requestedRefund").put("amount", "5.00").put("currency", "USD");
                ((ObjectNode) stored.get("items").get(0)).put("orderedQuantity", 2);
                stored.putObject("shipment").put("forwarder", "generic-express").put("waybill", waybill("GE"))
                        .put("lastMileNumber", "JJD0001602000001").put("lastMileCarrier", "dhl");
            }
            marketplaceHas(stored);
        }
        Reply first = sandbox.get(base + "/returns?pageSize=2");
        matches(marketplaceContract, "GET", "/returns", 200, first);
        String token = first.json().get("nextPageToken").asString();
        matches(marketplaceContract, "GET", "/returns", 200, sandbox.get(base + "/returns?pageSize=2&pageToken=" + token));
        matches(marketplaceContract, "GET", "/returns", 200,
                sandbox.get(base + "/returns?updatedAfter=2026-01-01T00:00:00Z"));

        String key = "rg:" + marketplace + ":R-1:refund";
        ObjectNode refund = JsonNodeFactory.instance.objectNode().put("returnId", "R-1").put("orderId", "O-1")
                .put("type", "FULL").put("amount", "10.00").put("currency", "USD").put("reason", "RETURN_RECEIVED");
        assertThat(marketplaceContract.requestViolations("POST", "/refunds", refund)).isEmpty();
        matches(marketplaceContract, "GET", "/refunds/{idempotencyKey}", 404, sandbox.get(base + "/refunds/" + key));
        matches(marketplaceContract, "POST", "/refunds", 201, sandbox.post(base + "/refunds", refund,
                "Idempotency-Key", key));
        matches(marketplaceContract, "POST", "/refunds", 200, sandbox.post(base + "/refunds", refund,
                "Idempotency-Key", key));
        matches(marketplaceContract, "POST", "/refunds", 422, sandbox.post(base + "/refunds",
                refund.deepCopy().put("amount", "9.00"), "Idempotency-Key", key));
        matches(marketplaceContract, "POST", "/refunds", 400, sandbox.post(base + "/refunds", refund));
        matches(marketplaceContract, "GET", "/refunds/{idempotencyKey}", 200, sandbox.get(base + "/refunds/" + key));
    }

    private static void matches(OpenApiDocument contract, String method, String template, int status, Reply reply) {
        assertThat(reply.status()).as(method + " " + template + ": " + reply.text()).isEqualTo(status);
        assertThat(contract.answerViolations(method, template, reply.status(), reply.header("Content-Type"),
                reply.response().body())).as(method + " " + template + " answered " + reply.text()).isEmpty();
    }
}
